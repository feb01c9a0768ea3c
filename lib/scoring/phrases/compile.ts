// Compiles the catalogue's small pattern language into regular expressions, once, at module load.
//
//   word        a whole word, any case (write "IT" in capitals to match only the capitalised
//               department, never the pronoun "it")
//   (a|b c)     one of the alternatives; [a|b c] the same, optional
//   ~           up to three other words
//   @name       a macro: alternatives defined in the catalogue
//   !(a|b c)    at the end: not followed by any of these
// Contracted and expanded forms match each other ("does not", "doesn't", "doesnt", "doesn’t").

/** Between words: spaces and in-sentence punctuation, never a sentence end (. ! ?). */
const SEP = "[\\s,;:\\-\\u2013\\u2014\"'\\u2018\\u2019\\u201C\\u201D()\\u2026/]+";
const APOSTROPHE = "['\\u2018\\u2019]";
const WORD = "[A-Za-z0-9]+(?:['\\u2019][A-Za-z]+)?";
const MAX_GAP = 3;

// Expanded form → contracted forms. `'?` marks an apostrophe people often drop ("dont"); a
// plain `'` must be there, because without it the word means something else ("we'll", "well").
const CONTRACTIONS: Record<string, string[]> = {
  "do not": ["don'?t"],
  "does not": ["doesn'?t"],
  "did not": ["didn'?t"],
  "is not": ["isn'?t"],
  "are not": ["aren'?t"],
  "was not": ["wasn'?t"],
  "were not": ["weren'?t"],
  "have not": ["haven'?t"],
  "has not": ["hasn'?t"],
  "had not": ["hadn'?t"],
  "will not": ["won't"],
  "would not": ["wouldn'?t"],
  "should not": ["shouldn'?t"],
  "could not": ["couldn'?t"],
  "can not": ["cannot", "can'?t"],
  "we will": ["we'll"],
  "i will": ["i'll"],
  "they will": ["they'll"],
  "we have": ["we'?ve"],
  "i have": ["i'?ve"],
  "they have": ["they'?ve"],
  "we are": ["we're"],
  "they are": ["they'?re"],
  "you are": ["you'?re"],
  "i am": ["i'?m"],
  "it is": ["it's"],
  "that is": ["that'?s"],
  "we would": ["we'd"],
  "i would": ["i'd"],
  "let us": ["let's"],
  "going to": ["gonna"],
};

const CONTRACTION_WORDS = new Set(Object.keys(CONTRACTIONS).flatMap((k) => k.split(" ")));

export interface CompiledPattern {
  regex: RegExp;
  /** Lower-case words of which at least one must occur in the text for a match to be possible. */
  anchors: string[];
}

type Item =
  | { kind: "alt"; options: string[][]; optional: boolean; plain?: boolean }
  | { kind: "gap" }
  | { kind: "not"; options: string[][] };

function splitOptions(body: string): string[][] {
  return body.split("|").map((o) => o.trim().split(/\s+/).filter(Boolean));
}

function parse(template: string, macros: Record<string, string[]>): Item[] {
  const items: Item[] = [];
  const token = /!\(([^)]*)\)|\(([^)]*)\)|\[([^\]]*)\]|~|@([a-z]+)|([A-Za-z0-9']+)|(\S)/g;
  for (const m of template.matchAll(token)) {
    const [, not, alt, opt, macro, word, junk] = m;
    if (junk !== undefined) throw new Error(`Unexpected "${junk}" in phrase pattern: ${template}`);
    if (not !== undefined) items.push({ kind: "not", options: splitOptions(not) });
    else if (alt !== undefined) items.push({ kind: "alt", options: splitOptions(alt), optional: false });
    else if (opt !== undefined) items.push({ kind: "alt", options: splitOptions(opt), optional: true });
    else if (macro !== undefined) {
      const options = macros[macro];
      if (!options) throw new Error(`Unknown macro @${macro} in phrase pattern: ${template}`);
      items.push({ kind: "alt", options: options.map((o) => o.split(" ")), optional: false });
    } else if (m[0] === "~") items.push({ kind: "gap" });
    else if (word !== undefined) {
      // Consecutive plain words form one sequence, so that "we will" can match "we'll".
      const prev = items.at(-1);
      if (prev?.kind === "alt" && prev.plain) prev.options[0]!.push(word);
      else items.push({ kind: "alt", options: [[word]], optional: false, plain: true });
    }
  }
  const last = items.findLast((i) => i.kind !== "not");
  if (!last || last.kind !== "alt" || last.optional) {
    throw new Error(`A phrase pattern must end with a required word: ${template}`);
  }
  return items;
}

/** A word in any case, except "IT" in capitals, which stays capitalised ("I.T." too). */
function wordSource(word: string): string {
  if (word === "IT") return "(?:IT|I\\.T\\.)";
  let out = "";
  for (const ch of word.toLowerCase()) {
    if (ch === "'") out += APOSTROPHE;
    else if (/[a-z]/.test(ch)) out += `[${ch}${ch.toUpperCase()}]`;
    else out += ch;
  }
  return out;
}

function contractedSource(form: string): string {
  return form
    .split(/('\??)/)
    .map((part) => (part === "'?" ? `${APOSTROPHE}?` : part === "'" ? APOSTROPHE : wordSource(part)))
    .join("");
}

function wordsSource(words: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]!.toLowerCase()} ${(words[i + 1] ?? "").toLowerCase()}`;
    const contracted = CONTRACTIONS[pair];
    if (contracted) {
      const forms = [words.slice(i, i + 2).map(wordSource).join(SEP), ...contracted.map(contractedSource)];
      parts.push(`(?:${forms.join("|")})`);
      i++;
    } else {
      parts.push(wordSource(words[i]!));
    }
  }
  return parts.join(SEP);
}

function optionsSource(options: string[][]): string {
  return `(?:${options.map(wordsSource).join("|")})`;
}

/** The best anchor set: the required item whose shortest candidate word is longest. */
function anchorsOf(items: Item[]): string[] {
  let best: string[] = [];
  let bestLength = 0;
  for (const item of items) {
    if (item.kind !== "alt" || item.optional) continue;
    const candidates = item.options.map((words) =>
      words
        .map((w) => w.toLowerCase())
        .filter((w) => !CONTRACTION_WORDS.has(w) && !w.includes("'"))
        .reduce((a, b) => (b.length > a.length ? b : a), ""),
    );
    const shortest = Math.min(...candidates.map((c) => c.length));
    if (shortest >= 3 && shortest > bestLength) {
      best = [...new Set(candidates)];
      bestLength = shortest;
    }
  }
  return best;
}

export function compilePattern(template: string, macros: Record<string, string[]>): CompiledPattern {
  const items = parse(template, macros);
  let body = "";
  let tail = "";
  items.forEach((item, index) => {
    const isLast = index === items.length - 1 || items[index + 1]?.kind === "not";
    if (item.kind === "not") tail = `(?!${SEP}${optionsSource(item.options)}\\b)`;
    else if (item.kind === "gap") body += `(?:${WORD}${SEP}){0,${MAX_GAP}}`;
    else if (item.optional) body += `(?:${optionsSource(item.options)}${SEP})?`;
    else body += optionsSource(item.options) + (isLast ? "" : SEP);
  });
  // Not \b: "I.T." ends in a full stop, which \b would not accept before a space.
  return { regex: new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])${tail}`), anchors: anchorsOf(items) };
}
