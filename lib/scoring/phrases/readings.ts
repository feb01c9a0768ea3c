import type { Sentence, Token } from "./nlp";
import { reportingFrame } from "./scope";

// Other readings of a sentence, tried after the sentence as written: reported speech in its
// speaker's own words, and a question as the statement it takes for granted. A match found in a
// reading is read (negation, hypothesis, speaker) as in the original, and its words are quoted
// from the original text: readings only reorder or re-read tokens, never invent them.

/** Third-person words in reported speech, read as the speaker's own first person. */
const SPEAKERS_OWN: Record<string, string> = {
  he: "we",
  she: "we",
  they: "we",
  his: "our",
  her: "our",
  their: "our",
  him: "us",
  them: "us",
  himself: "ourselves",
  herself: "ourselves",
  themselves: "ourselves",
};
/** The writer's first person in words reported from the other side: the speaker's "they". */
const WRITERS_AS_OTHERS: Record<string, string> = { we: "they", i: "they", our: "their", my: "their", us: "them", me: "them", ourselves: "themselves" };

const reread = (t: Token, norm: string): Token => ({ ...t, norm, lemma: norm, forms: [norm], pos: "PRON" });

/**
 * Reported speech shifts pronouns: "the developer admitted he stopped answering the phone"
 * reports "I stopped answering the phone"; "the CIO told us we need to get our own house in
 * order", written by the business, reports "they need to get their own house in order".
 */
export function inSpeakersWords(sentence: Sentence): Sentence | undefined {
  const frame = reportingFrame(sentence.tokens);
  if (!frame) return undefined;
  const otherSide = frame.speaker === "IT" || frame.speaker === "BUSINESS";
  let changed = false;
  const tokens = sentence.tokens.map((t, i) => {
    if (i <= frame.verb) return t;
    const norm = SPEAKERS_OWN[t.norm] ?? (otherSide ? WRITERS_AS_OTHERS[t.norm] : undefined);
    if (norm === undefined) return t;
    changed = true;
    return reread(t, norm);
  });
  return changed ? { tokens, caseless: sentence.caseless } : undefined;
}

/** Tags that may make up a question's subject after its auxiliary: "why is [the IT team] so slow". */
const SUBJECT_TAGS = new Set(["DET", "PROPN", "NOUN", "NUM", "ADJ", "PRON"]);
const PLACES = new Set(["in", "from", "at", "on", "of"]);
const DETERMINERS = new Set(["this", "that", "these", "those", "my", "our", "your", "their", "his", "her"]);
/** After a yes/no question's subject, words that make it doubt its own claim: "Does IT even get it?" */
const DOUBTS = new Set(["even", "ever", "really", "actually"]);

/**
 * A question that takes its claim for granted, as that claim: "Why is IT so slow to respond?" →
 * "why IT is so slow to respond"; "Why didn't IT tell us sooner?" → "why IT did not tell us
 * sooner"; "How come we're only hearing this now?" → "why we are only hearing this now"; and a
 * negated yes/no question, which affirms: "Isn't it time we replaced the CIO?" → "it is time …",
 * "Doesn't IT always say no?" → "IT always say no"; and a yes/no question that doubts, which denies:
 * "Does IT even get it?" → "IT does not get it", "Is this IT manager really up to it?" → "this IT
 * manager is not up to it". Other questions ask, and say nothing.
 */
export function asStatement(sentence: Sentence): Sentence | undefined {
  const t = sentence.tokens;
  if (t.at(-1)?.text !== "?" || t.length < 3) return undefined;
  if (t[0]!.norm === "how" && t[1]!.norm === "come") {
    return { tokens: [{ ...t[0]!, norm: "why", lemma: "why", forms: ["why"], pos: "ADV" }, ...t.slice(2)], caseless: sentence.caseless };
  }
  const head = t[0]!.norm === "why" ? 1 : 0;
  const aux = t[head];
  if (aux?.pos !== "AUX") return undefined;
  let k = head + 1;
  const negated = t[k]?.norm === "not";
  if (negated) k++;
  const start = k;
  while (k < t.length && SUBJECT_TAGS.has(t[k]!.pos)) {
    k++;
    // "why didn't anyone in IT …": a place in the subject belongs to it.
    if (PLACES.has(t[k]?.norm ?? "") && (t[k + 1]?.capsIT || SUBJECT_TAGS.has(t[k + 1]?.pos ?? ""))) k++;
    // A pronoun is a whole subject ("Isn't it time …"), unless it is the department ("IT
    // helpdesk") or a determiner the tagger took for one ("this IT manager").
    const pronoun = t[k - 1]!;
    const opensNoun = t[k]?.pos === "NOUN" || t[k]?.pos === "PROPN" || t[k]?.capsIT === true;
    if (pronoun.pos === "PRON" && !((pronoun.capsIT || DETERMINERS.has(pronoun.norm)) && opensNoun)) break;
  }
  if (k === start || k >= t.length) return undefined;
  if (head === 0 && !negated) {
    const doubt = t[k]!;
    if (!DOUBTS.has(doubt.norm)) return undefined;
    const not: Token = { ...doubt, norm: "not", lemma: "not", forms: ["not"], pos: "PART" };
    return { tokens: [...t.slice(start, k), aux, not, ...t.slice(k + 1)], caseless: sentence.caseless };
  }
  // An emphatic "do" carries nothing once the question is a statement; nor does a rhetorical "not".
  const keepsNot = head === 1 && negated;
  const moved = aux.lemma === "do" && !keepsNot ? [] : keepsNot ? [aux, t[head + 1]!] : [aux];
  return { tokens: [...t.slice(0, head), ...t.slice(start, k), ...moved, ...t.slice(k)], caseless: sentence.caseless };
}

/** Every other reading of the sentence: reported speech in its speaker's words, a question as a statement, and both. */
export function readingsOf(sentence: Sentence): Sentence[] {
  const out: Sentence[] = [];
  const own = inSpeakersWords(sentence);
  if (own) out.push(own);
  const statement = asStatement(sentence);
  if (statement) {
    out.push(statement);
    const both = inSpeakersWords(statement);
    if (both) out.push(both);
  }
  return out;
}
