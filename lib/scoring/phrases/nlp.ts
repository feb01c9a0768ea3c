import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

// The language layer: wink-nlp splits sentences, expands contractions ("don't" → do not),
// normalises British spelling ("organise" → organize) and gives each word its lemma ("built" →
// build). Everything after this file works on these tokens, never on raw characters.
// See docs/decisions/009-language-engine.md for why wink-nlp.

export interface Token {
  /** The token as written. */
  text: string;
  /** Character offsets in the scanned text. */
  start: number;
  end: number;
  /** Lower case, contraction expanded, American spelling: "n't" → "not", "organise" → "organize". */
  norm: string;
  lemma: string;
  /** norm, lemma and the bases of an -ing, -ed or -s form the tagger left whole ("firing" → fire). */
  forms: string[];
  pos: string;
  isWord: boolean;
  /** Written "IT" or "I.T.": the department, not the pronoun (unless the sentence has no case). */
  capsIT: boolean;
}

export interface Sentence {
  tokens: Token[];
  /** Written all in capitals: the case of "IT" says nothing. */
  caseless: boolean;
}

// The model is large: build it on first use, not when lib/scoring is imported.
let instance: { nlp: WinkMethods; its: WinkMethods["its"] } | undefined;
function engine() {
  if (!instance) {
    const nlp = winkNLP(model, ["sbd", "pos"]);
    instance = { nlp, its: nlp.its };
  }
  return instance;
}

/** Contractions people write without the apostrophe, where wink leaves them whole. */
const BARE_CONTRACTIONS: Record<string, [string, string]> = {
  dont: ["do", "not"],
  doesnt: ["does", "not"],
  didnt: ["did", "not"],
  isnt: ["is", "not"],
  arent: ["are", "not"],
  wasnt: ["was", "not"],
  werent: ["were", "not"],
  havent: ["have", "not"],
  hasnt: ["has", "not"],
  hadnt: ["had", "not"],
  wouldnt: ["would", "not"],
  shouldnt: ["should", "not"],
  couldnt: ["could", "not"],
  cant: ["can", "not"],
  wont: ["will", "not"],
  aint: ["is", "not"],
  gonna: ["going", "to"],
  wanna: ["want", "to"],
  gotta: ["got", "to"],
  im: ["i", "am"],
  // wink leaves "I'm" whole, apostrophe or not.
  "i'm": ["i", "am"],
  "i’m": ["i", "am"],
  ive: ["i", "have"],
  youre: ["you", "are"],
  theyre: ["they", "are"],
  weve: ["we", "have"],
  theyve: ["they", "have"],
};
const LEMMA_OF: Record<string, string> = { is: "be", are: "be", was: "be", were: "be", am: "be", does: "do", did: "do", has: "have", had: "have", going: "go", got: "get" };

/** A line break that starts a bullet or follows a blank line ends a sentence. */
const BREAK = /\n\s*\n|\n\s*(?:[-*•·–]|\d+[.)])\s/;

/** Candidate bases of an inflected word: "firing" → fir, fire, firing; "stopped" → stop. */
function formsOf(norm: string, lemma: string): string[] {
  if (norm.length < 4) return norm === lemma ? [norm] : [norm, lemma];
  const forms = new Set([norm, lemma]);
  for (const [suffix, adds] of [["ing", ["", "e"]], ["ed", ["", "e"]], ["ies", ["y"]], ["es", [""]], ["s", [""]]] as const) {
    if (!norm.endsWith(suffix) || norm.length < suffix.length + 2) continue;
    const stem = norm.slice(0, -suffix.length);
    for (const add of adds) forms.add(stem + add);
    if (suffix !== "s" && /([b-df-hj-np-tv-z])\1$/.test(stem)) forms.add(stem.slice(0, -1));
    break;
  }
  return [...forms];
}

function withForms(tok: Omit<Token, "forms">): Token {
  // Assigned rather than spread: this runs for every token of every note.
  const full = tok as Token;
  full.forms = formsOf(tok.norm, tok.lemma);
  return full;
}

/** A sentence's last word written with its full stop ("no.", "etc.") is the word and a stop. */
const ENDS_WITH_NO = /^no\.$/i;

function splitStop(tok: Token, last: boolean): Token[] {
  if (!last || !/^[A-Za-z]{2,}\.$/.test(tok.text)) return [tok];
  const word = tok.text.slice(0, -1).toLowerCase();
  return [
    withForms({ ...tok, text: tok.text.slice(0, -1), end: tok.end - 1, norm: word, lemma: word }),
    withForms({ ...tok, text: ".", start: tok.end - 1, norm: ".", lemma: ".", isWord: false, capsIT: false, pos: "PUNCT" }),
  ];
}

function splitTokens(tok: Token): Token[] {
  const pair = BARE_CONTRACTIONS[tok.norm];
  if (!pair) return [tok];
  const [a, b] = pair;
  const cut = b === "not" ? tok.text.length - 2 : b === "to" ? 3 : a.length;
  const first = withForms({ ...tok, text: tok.text.slice(0, cut), end: tok.start + cut, norm: a, lemma: LEMMA_OF[a] ?? a });
  const second = withForms({ ...tok, text: tok.text.slice(cut), start: tok.start + cut, norm: b, lemma: LEMMA_OF[b] ?? b, pos: "PART" });
  return [first, second];
}

/** The text's sentences and their tokens (whitespace dropped). */
export function readSentences(text: string): Sentence[] {
  const { nlp, its } = engine();
  const doc = nlp.readDoc(text);
  // Whole-document arrays: reading token by token through wink's API costs several times more.
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const types = tokens.out(its.type) as string[];
  const normals = tokens.out(its.normal) as string[];
  const lemmas = tokens.out(its.lemma as never) as unknown as string[]; // its.lemma is mistyped in wink-nlp 2.4
  const tags = tokens.out(its.pos) as string[];
  const spans = doc.sentences().out(its.span as never) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  let offset = 0;
  let k = 0;
  for (const [first, last] of spans) {
    let current: Token[] = [];
    const flush = () => {
      if (current.length > 0) sentences.push({ tokens: current, caseless: isCaseless(current) });
      current = [];
    };
    for (; k <= last; k++) {
      if (k < first) {
        offset += spaces[k]!.length + values[k]!.length;
        continue;
      }
      if (BREAK.test(spaces[k]!)) flush();
      offset += spaces[k]!.length;
      const value = values[k]!;
      const start = offset;
      offset += value.length;
      if (types[k] === "tabCRLF") {
        if (BREAK.test(value)) flush();
        continue;
      }
      const norm = normals[k]!.toLowerCase();
      const tok = withForms({
        text: value,
        start,
        end: offset,
        norm: norm === "i.t." ? "it" : norm,
        lemma: lemmas[k]!.toLowerCase(),
        pos: tags[k]!,
        isWord: types[k] === "word" || types[k] === "number",
        capsIT: value === "IT" || value === "I.T.",
      });
      // wink reads "no." as the abbreviation of "number" ("No. 5"); before a capitalised word it
      // ends a sentence ("They say no. Firing the IT team has never been on the agenda.").
      if (ENDS_WITH_NO.test(value) && k < last && /^\p{Lu}/u.test(values[k + 1]!) && types[k + 1] === "word") {
        current.push(...splitStop(tok, true));
        flush();
        continue;
      }
      current.push(...splitTokens(tok));
    }
    flush();
  }
  for (const s of sentences) {
    readApostropheS(s.tokens);
    const lastWord = s.tokens.findLastIndex((t) => t.isWord);
    if (lastWord >= 0) s.tokens.splice(lastWord, 1, ...splitStop(s.tokens[lastWord]!, lastWord === s.tokens.length - 1));
  }
  return sentences;
}

/** Parts of speech after which "'s" is the verb, not a possessive: "the answer's always no". */
const AFTER_IS = new Set(["ADV", "PART", "VERB", "AUX", "DET", "ADP", "PUNCT", "SCONJ"]);

/**
 * wink reads "it's" as "it is" but leaves "IT's", "answer's" as a possessive "'s": it is "is" (or
 * "has" before "been" and "got") unless a noun, or an adjective then a noun, follows.
 */
function readApostropheS(tokens: Token[]): void {
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.norm !== "'s" && t.norm !== "’s") continue;
    const next = tokens[i + 1];
    // Nothing after it: a pattern's own "IT's", which is the possessive.
    if (next === undefined) continue;
    const adjective = next.pos === "ADJ" && !["NOUN", "PROPN"].includes(tokens[i + 2]?.pos ?? "");
    // A verb after "is" is a participle; "the client's calls" is a noun the tagger took for a verb.
    const participle = next.pos !== "VERB" || /(ing|ed|en)$/.test(next.norm) || next.norm === "got";
    if (!(AFTER_IS.has(next.pos) && participle) && !adjective) continue;
    const has = ["been", "got", "gotten"].includes(next.norm);
    tokens[i] = withForms({ ...t, norm: has ? "has" : "is", lemma: has ? "have" : "be", pos: "AUX" });
  }
}

function isCaseless(tokens: readonly Token[]): boolean {
  const letters = tokens.map((t) => t.text).join("");
  return letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

const normalised = new Map<string, [string, string][]>();
/** A pattern's word in the forms tokens are compared with: [norm, lemma] per token it makes. */
export function normaliseWords(word: string): [string, string][] {
  let forms = normalised.get(word);
  if (!forms) {
    forms = readSentences(word).flatMap((s) => s.tokens.map((t): [string, string] => [t.norm, t.lemma]));
    normalised.set(word, forms);
  }
  return forms;
}
