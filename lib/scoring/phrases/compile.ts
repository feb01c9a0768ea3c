import { normaliseWords } from "./nlp";

// Compiles the catalogue's small pattern notation, once, into word sequences that match.ts runs
// on a sentence's tokens (never on raw characters):
//
//   word        that word in any form: its lemma matches, so "build" meets built, builds,
//               building; "organise" and "organize" are one word; "do not" meets "don't",
//               "dont", "doesn’t". Write "IT" in capitals to match only the department, never
//               the pronoun "it" (in a sentence written all in one case, either).
//   (a|b c)     one of the alternatives; [a|b c] the same, optional; an alternative may be @name
//   ~  ~N       up to three (N) other words, none of them a negation
//   @name       a macro: alternatives defined in the catalogue
//   $           the clause ends here (punctuation, sentence end or a conjunction follows)
//   !(a|b c)    at the end: not followed by any of these; at the start: not preceded by them
//   A & B       each part matches, in the same sentence or in two adjacent ones, in any order
//   A + B       each part matches in the same sentence, in any order, all within NEAR characters:
//               the words of a meaning that people arrange freely ("slow" + "to reply" + IT)
//
// A negation that is part of a symptom's meaning is written in the pattern ("not support ~ we not
// build"): only negations the pattern does not name make a match "negated" (see scope.ts).

export interface PatternWord {
  norm: string;
  lemma: string;
  capsIT: boolean;
}

export type Item =
  | { kind: "alt"; options: PatternWord[][]; optional: boolean }
  | { kind: "gap"; max: number }
  | { kind: "end" };

export interface Part {
  items: Item[];
  /** Word sequences that may not come right before / right after the match. */
  notBefore: PatternWord[][];
  notAfter: PatternWord[][];
  /** Normalised words of which the sentence must contain one for the part to match. */
  anchors: string[];
  /** For each required item, the words of which the sentence must contain one. */
  requires: Set<string>[];
  /** Words a match can start with. */
  starts: Set<string>;
}

export interface CompiledPattern {
  source: string;
  parts: Part[];
  /** "+": every part in one sentence, close together; else ("&") in it or the next. */
  near: boolean;
}

/** How far apart, in characters from the first word to the last, the parts of an "A + B" pattern may lie. */
export const NEAR = 90;

const DEFAULT_GAP = 3;

function wordsOf(phrase: string): PatternWord[] {
  return phrase
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) =>
      normaliseWords(w).map(([norm, lemma], i) => ({ norm, lemma, capsIT: i === 0 && /^(IT|I\.T\.)(['’]|$)/.test(w) })),
    );
}

function optionsOf(body: string, macros: Record<string, string[]>, template: string): PatternWord[][] {
  return body.split("|").flatMap((option) => {
    const name = option.trim().match(/^@([a-z]+)$/)?.[1];
    if (name === undefined) return [wordsOf(option)];
    const macro = macros[name];
    if (!macro) throw new Error(`Unknown macro @${name} in phrase pattern: ${template}`);
    return macro.map(wordsOf);
  });
}

function parsePart(source: string, macros: Record<string, string[]>, template: string): Part {
  const items: Item[] = [];
  const part: Part = { items, notBefore: [], notAfter: [], anchors: [], requires: [], starts: new Set() };
  const token = /!\(([^)]*)\)|\(([^)]*)\)|\[([^\]]*)\]|~(\d*)|(\$)|@([a-z]+)|([A-Za-z0-9'’-]+)|(\S)/g;
  // Consecutive plain words form one sequence.
  let plain: PatternWord[] | undefined;
  for (const m of source.matchAll(token)) {
    const [, not, alt, opt, gap, end, macro, word, junk] = m;
    if (junk !== undefined) throw new Error(`Unexpected "${junk}" in phrase pattern: ${template}`);
    if (word !== undefined) {
      if (plain) plain.push(...wordsOf(word));
      else {
        plain = wordsOf(word);
        items.push({ kind: "alt", options: [plain], optional: false });
      }
      continue;
    }
    plain = undefined;
    if (not !== undefined) {
      if (items.length === 0) part.notBefore = optionsOf(not, macros, template);
      else part.notAfter = optionsOf(not, macros, template);
    } else if (alt !== undefined) items.push({ kind: "alt", options: optionsOf(alt, macros, template), optional: false });
    else if (opt !== undefined) items.push({ kind: "alt", options: optionsOf(opt, macros, template), optional: true });
    else if (gap !== undefined) items.push({ kind: "gap", max: gap === "" ? DEFAULT_GAP : Number(gap) });
    else if (end !== undefined) items.push({ kind: "end" });
    else if (macro !== undefined) items.push({ kind: "alt", options: optionsOf(`@${macro}`, macros, template), optional: false });
  }
  if (!items.some((i) => i.kind === "alt" && !i.optional)) {
    throw new Error(`A phrase pattern needs a required word: ${template}`);
  }
  part.anchors = anchorsOf(items);
  for (const item of items) {
    if (item.kind !== "alt") break;
    for (const words of item.options) if (words[0]) part.starts.add(words[0].norm).add(words[0].lemma);
    if (!item.optional) break;
  }
  part.requires = items.flatMap((item) =>
    item.kind === "alt" && !item.optional
      ? [new Set(item.options.flatMap((words) => (words[0] ? [words[0].norm, words[0].lemma] : [])))]
      : [],
  );
  return part;
}

/** The best anchor set: the required item whose options' first words are longest. */
function anchorsOf(items: Item[]): string[] {
  let best: string[] = [];
  let bestLength = -1;
  for (const item of items) {
    if (item.kind !== "alt" || item.optional) continue;
    const keys = item.options.flatMap((words) => (words[0] ? [words[0].norm, words[0].lemma] : []));
    const shortest = Math.min(...keys.map((k) => k.length));
    if (shortest > bestLength) {
      best = [...new Set(keys)];
      bestLength = shortest;
    }
  }
  return best;
}

export function compilePattern(template: string, macros: Record<string, string[]>): CompiledPattern {
  const near = template.includes("+");
  if (near && template.includes("&")) throw new Error(`A phrase pattern joins its parts with "&" or "+", not both: ${template}`);
  const parts = template.split(near ? "+" : "&").map((p) => parsePart(p, macros, template));
  return { source: template, parts, near };
}
