import type { Side } from "../enums";
import * as L from "./lexicon";
import type { Sentence, Token } from "./nlp";

// What a match means in its sentence: denied or negated ("we would never outsource IT"),
// hypothetical ("if they ever said IT doesn't get it"), or someone else's words ("the client said
// IT doesn't get it"), and then whose. Heuristics over the tokens, kept small on purpose: the
// rules are in docs/scoring.md ("Phrase detection").

export interface Span {
  /** Token indices in the sentence: first, one past the last, and those the pattern named. */
  start: number;
  end: number;
  consumed: ReadonlySet<number>;
}

/** Who said the matched words: the writer of the text, a named side, or someone unknown. */
export type Speaker = "writer" | "unknown" | Side;

export interface Reading {
  blocked: boolean;
  speaker: Speaker;
}

type Phrase = string[];
const phrases = (list: readonly string[]): Phrase[] => list.map((p) => p.split(" "));
const NEGATION = phrases(L.NEGATION_CUES);
const NOT_NEGATION = phrases(L.NOT_NEGATION);
const WH = phrases(L.WH_COMPLEMENTS);
const HYPOTHETICAL = phrases(L.HYPOTHETICAL_CUES);
const NOT_HYPOTHETICAL = phrases(L.NOT_HYPOTHETICAL);
const CONSIDERED = phrases(L.CONSIDERED_CUES);
const ENDORSED = phrases(L.ENDORSED_CUES);
const MENTIONS = phrases(L.MENTION_CUES);
const USE_VERBS = new Set(L.USE_VERBS);
const MENTION_NOUNS = new Set(L.MENTION_NOUNS);
const TEACHING = phrases(L.TEACHING_CONTEXTS);
const QUOTED_TEACHING = phrases(L.QUOTED_TEACHING_CONTEXTS);
const QUOTE_MARKS = new Set(["'", "‘", "’", '"', "“", "”"]);
const DOCUMENTS = new Set(L.DOCUMENT_WORDS);
const DENIALS = phrases(L.DENIALS);
const REPLIES = phrases(L.DENYING_REPLIES);
const CONJUNCTIONS = new Set(L.CLAUSE_CONJUNCTIONS);
const COORDINATORS = new Set(L.COORDINATORS);
const REPORTING = new Set(L.REPORTING_VERBS);
const MODALS = new Set(L.MODALS);
const WRITER = new Set(L.WRITER_WORDS);
const IT_QUALIFIERS = new Set(L.IT_QUALIFIERS);
const DEPARTMENT_NOUNS = new Set(L.DEPARTMENT_NOUNS);
const SPEAKERS = (Object.entries(L.SPEAKER_WORDS) as [Side, string[]][]).map(([side, words]) => [side, phrases(words)] as const);
const STRONG_PUNCT = new Set([";", "!", "?", "…", "..."]);
const CLAUSE_PUNCT = new Set([",", ";", ":", "—", "–", "(", ")", "!", "?", "…", "...", "-"]);
const SUBORDINATORS = new Set(L.SUBORDINATORS);
const SUBJECTS = new Set(["PRON", "DET", "PROPN", "NOUN", "NUM"]);

const same = (t: Token | undefined, w: string) => t !== undefined && (t.norm === w || t.lemma === w);

/** Length of `phrase` at token i (0 if it is not there). Words only: punctuation never matches. */
function phraseAt(tokens: readonly Token[], i: number, phrase: Phrase): number {
  for (let k = 0; k < phrase.length; k++) if (!same(tokens[i + k], phrase[k]!)) return 0;
  return phrase.length;
}
const anyAt = (tokens: readonly Token[], i: number, list: readonly Phrase[]) =>
  list.reduce((best, p) => Math.max(best, phraseAt(tokens, i, p)), 0);
/** Whether a phrase of `list` covers token i. */
const covers = (tokens: readonly Token[], i: number, list: readonly Phrase[]) =>
  list.some((p) => p.some((_, k) => i - k >= 0 && phraseAt(tokens, i - k, p) > k));

const isReporting = (tokens: readonly Token[], i: number) => {
  const t = tokens[i]!;
  if (t.norm === "according") return same(tokens[i + 1], "to");
  // "wanted to know why …", "demanded to know": a question asked.
  if (t.lemma === "know" && same(tokens[i - 1], "to") && ["want", "demand", "like", "wish"].includes(tokens[i - 2]?.lemma ?? "")) return true;
  // "IT says no to everything" refuses; it reports no words.
  if (t.lemma === "say" && ["no", "yes"].includes(tokens[i + 1]?.norm ?? "")) return false;
  return REPORTING.has(t.lemma) && (t.pos === "VERB" || t.pos === "AUX") && !same(tokens[i + 1], "of");
};

/** What a sentence says of all its matches alike, worked out once per sentence, not per match. */
const OTHER_PARTIES = phrases(L.OTHER_PARTIES);
const IT_WORDS = phrases(L.IT_WORDS);

const factsCache = new WeakMap<readonly Token[], { teaching: boolean; quotedTeaching: boolean; endorsed: boolean; elsewhere: boolean }>();
function sentenceFacts(tokens: readonly Token[]) {
  let facts = factsCache.get(tokens);
  if (!facts) {
    const words = tokens.filter((t) => t.isWord);
    const has = (list: readonly Phrase[]) => words.some((_, i) => anyAt(words, i, list) > 0);
    const namesIT = words.some((t, i) => t.capsIT || (t.norm === "it" && lowerCaseDepartment(words, i)) || anyAt(words, i, IT_WORDS) > 0);
    facts = {
      teaching: has(TEACHING),
      quotedTeaching: has(QUOTED_TEACHING),
      endorsed: has(ENDORSED),
      elsewhere: !namesIT && has(OTHER_PARTIES),
    };
    factsCache.set(tokens, facts);
  }
  return facts;
}

/** The sentence is about another party (the caterers, HR) and names nothing of IT: no business complaint about IT. */
export const aimedElsewhere = (tokens: readonly Token[]) => sentenceFacts(tokens).elsewhere;

/**
 * A mention cue ending within six words before the match: the phrase is talked about, not said
 * ("phrases like '…' signal …"), unless a verb of hearing or saying comes just before the cue
 * ("we keep hearing phrases like '…'").
 */
function mentioned(tokens: readonly Token[], span: Span): boolean {
  // A quoted phrase named by the noun after it: "the 'IT just says no' complaint".
  const after = tokens.slice(span.end).find((t) => t.isWord || !QUOTE_MARKS.has(t.text));
  if (QUOTE_MARKS.has(tokens[span.start - 1]?.text ?? "") && after?.isWord && MENTION_NOUNS.has(after.lemma)) return true;
  // Phrases taught or studied: a quiz, a role-play, a training agenda's quoted examples.
  const facts = sentenceFacts(tokens);
  const quoted = tokens.slice(0, span.start).some((t) => QUOTE_MARKS.has(t.text)) && tokens.slice(span.end).some((t) => QUOTE_MARKS.has(t.text));
  if (facts.teaching || (quoted && facts.quotedTeaching)) return true;
  let words = 0;
  for (let i = span.start - 1; i >= 0 && words < 6; i--) {
    if (!tokens[i]!.isWord) continue;
    words++;
    const cue = MENTIONS.find((p) => i - p.length + 1 >= 0 && phraseAt(tokens, i - p.length + 1, p) === p.length);
    if (cue) return !tokens.slice(Math.max(0, i - cue.length - 2), i - cue.length + 1).some((t) => USE_VERBS.has(t.lemma) || USE_VERBS.has(t.norm));
  }
  return false;
}

/** A comma or colon right after a verb of saying does not end its clause: `said, "…"`. */
function afterReporting(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && !tokens[k]!.isWord && !CLAUSE_PUNCT.has(tokens[k]!.text)) k--;
  return k >= 0 && isReporting(tokens, k);
}

function isBoundary(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.isWord) return CLAUSE_PUNCT.has(t.text) && !((t.text === "," || t.text === ":") && afterReporting(tokens, i));
  if (CONJUNCTIONS.has(t.norm)) return true;
  const next = tokens[i + 1];
  // "… and maybe it's time …": an adverb may come between the conjunction and its subject.
  const subject = next?.pos === "ADV" && next.norm !== "not" ? tokens[i + 2] : next;
  return COORDINATORS.has(t.norm) && subject !== undefined && (subject.capsIT || SUBJECTS.has(subject.pos)) && subject.norm !== "it's";
}

/** First token of the clause holding token i. */
export function clauseStart(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && !isBoundary(tokens, k)) k--;
  return k + 1;
}
function clauseEnd(tokens: readonly Token[], i: number): number {
  let k = i;
  while (k < tokens.length && !isBoundary(tokens, k)) k++;
  return k;
}

/** A negation cue the pattern did not name, in [from, to). */
function negationIn(tokens: readonly Token[], from: number, to: number, consumed: ReadonlySet<number>): boolean {
  for (let i = from; i < to; i++) {
    if (consumed.has(i)) continue;
    const n = anyAt(tokens, i, NEGATION);
    if (n === 0 || covers(tokens, i, NOT_NEGATION)) continue;
    if (i === 0 && tokens[i]!.norm === "no" && tokens[1]?.text === ",") continue; // "No, IT just says no."
    const next = i + n;
    if (WH.some((p) => [0, 1, 2, 3].some((d) => next + d < to && phraseAt(tokens, next + d, p) > 0))) continue;
    return true;
  }
  return false;
}

function hypotheticalIn(tokens: readonly Token[], from: number, to: number, consumed: ReadonlySet<number>): boolean {
  for (let i = from; i < to; i++) {
    if (consumed.has(i)) continue;
    const embedded = ["if", "whether"].includes(tokens[i]!.norm) && ["ask", "wonder", "question", "query"].includes(tokens[i - 1]?.lemma ?? "");
    if (anyAt(tokens, i, HYPOTHETICAL) > 0 && !covers(tokens, i, NOT_HYPOTHETICAL) && !embedded) return true;
    // "someone might say …", "should the client ever say …"
    if (isReporting(tokens, i) && [1, 2].some((d) => i - d >= from && MODALS.has(tokens[i - d]!.norm))) return true;
    if (i === from && ["should", "were", "had"].includes(tokens[i]!.norm) && SUBJECTS.has(tokens[i + 1]?.pos ?? "")) return true;
  }
  return false;
}

/** A match in subject position followed by a negated verb: "Outsourcing IT is not something …". */
function deniedAfter(tokens: readonly Token[], span: Span, end: number): boolean {
  for (let i = span.end; i < end; i++) if (anyAt(tokens, i, DENIALS) > 0) return true;
  const head = clauseStart(tokens, span.start);
  const subjectPosition = tokens.slice(head, span.start).every((t) => !["VERB", "AUX"].includes(t.pos));
  const first = tokens[span.start]!;
  if (!subjectPosition || !(first.norm.endsWith("ing") || ["NOUN", "PROPN", "DET"].includes(first.pos))) return false;
  let k = span.end;
  while (k < end && (tokens[k]!.pos === "AUX" || ["really", "just", "certainly", "definitely", "simply"].includes(tokens[k]!.norm))) k++;
  return k < end && ["not", "never"].includes(tokens[k]!.norm);
}

/** A lower-case "it" that names the department: "the it team", "our it lead", not "in the middle of it". */
function lowerCaseDepartment(words: readonly Token[], i: number): boolean {
  return i > 0 && (DEPARTMENT_NOUNS.has(words[i + 1]?.norm ?? "") || ["the", "our", "from"].includes(words[i - 1]!.norm));
}

/** The side a speaker phrase names: the writer ("I", "our team"), IT, the business, or unknown. */
function speakerOf(tokens: readonly Token[]): Speaker {
  const words = tokens.filter((t) => t.isWord);
  if (words.some((t) => WRITER.has(t.norm))) return "writer";
  if (words.some((t, i) => t.capsIT || (t.norm === "it" && lowerCaseDepartment(words, i)) || IT_QUALIFIERS.has(t.norm))) return "IT";
  // The phrase that ends last decides, and of those the longest: "project manager Ravi" is IT's
  // although "manager" alone is the business's.
  let best: { end: number; length: number; side: Speaker } = { end: -1, length: 0, side: "unknown" };
  for (let i = 0; i < words.length; i++) {
    for (const [side, list] of SPEAKERS) {
      for (const p of list) {
        const n = phraseAt(words, i, p);
        if (n > 0 && (i + n > best.end || (i + n === best.end && n > best.length))) best = { end: i + n, length: n, side };
      }
    }
  }
  return best.side;
}

/** The speaker of a verb of saying at i: its subject, or "by …", or (after the verb) who follows. */
function frameSpeaker(tokens: readonly Token[], i: number, from: number, to: number): Speaker {
  if (tokens[i]!.norm === "according") return speakerOf(tokens.slice(i + 2, clauseEnd(tokens, i + 2)));
  const subject = tokens.slice(from, i).filter((t) => t.pos !== "AUX" && t.pos !== "ADV" && t.pos !== "PART");
  const passive = tokens.slice(from, i).some((t) => t.lemma === "be" || t.norm === "get");
  if (passive) {
    const by = tokens.findIndex((t, k) => k > i && k < to && t.norm === "by");
    return by < 0 ? "unknown" : speakerOf(tokens.slice(by + 1, clauseEnd(tokens, by + 1)));
  }
  if (subject.length === 0) return speakerOf(tokens.slice(i + 1, to));
  return speakerOf(subject);
}

/**
 * Where the subject of a verb of saying at i starts: its clause, or, when a comma comes right
 * before the verb, back over a name in apposition: "Our RM, Jamal, said …".
 */
function sayerStart(tokens: readonly Token[], i: number): number {
  let head = clauseStart(tokens, i);
  for (let n = 0; n < 2 && head > 0 && tokens[head - 1]!.text === ","; n++) {
    const between = tokens.slice(head, i).filter((t) => t.isWord);
    if (head !== i && !(between.length <= 3 && between.every((t) => t.pos === "PROPN" || t.pos === "NOUN"))) break;
    head = clauseStart(tokens, head - 1);
  }
  return head;
}

function reportedSpeaker(tokens: readonly Token[], span: Span): { speaker: Speaker; blocked: boolean } | undefined {
  // Before the match: "the client said (that) …", "according to the CFO, …".
  for (let i = span.start - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (STRONG_PUNCT.has(t.text) || ["but", "however", "although", "whereas"].includes(t.norm)) break;
    if (span.consumed.has(i) || !isReporting(tokens, i)) continue;
    const head = sayerStart(tokens, i);
    // "Ask IT for anything and …" gives an order; it reports no one.
    if (head === i && t.norm !== "according") continue;
    // "Nobody believes that …", "I'd never say …": a denied saying denies all it introduces; a
    // text ("the article says …") is no side.
    const document = tokens.slice(head, i).some((w) => DOCUMENTS.has(w.norm));
    return { speaker: frameSpeaker(tokens, i, head, span.start), blocked: document || negationIn(tokens, head, i, span.consumed) };
  }
  // After it: `"…," the CFO said` or `…, said the CFO`.
  const rest = tokens.slice(span.end);
  if (rest.filter((t) => t.isWord).length <= 8) {
    const at = rest.findIndex((_, k) => isReporting(rest, k));
    if (at >= 0) {
      const i = span.end + at;
      const blocked = negationIn(tokens, span.end, tokens.length, span.consumed) || hypotheticalIn(tokens, span.end, tokens.length, span.consumed);
      const before = tokens.slice(span.end, i).filter((t) => t.isWord);
      return { speaker: before.length > 0 ? speakerOf(before) : speakerOf(tokens.slice(i + 1)), blocked };
    }
  }
  // A label: "Client: IT never gets back to us."
  const colon = tokens.findIndex((t, k) => k < span.start && t.text === ":");
  if (colon > 0 && colon <= 4) {
    const speaker = speakerOf(tokens.slice(0, colon));
    if (speaker === "IT" || speaker === "BUSINESS") return { speaker, blocked: false };
  }
  return undefined;
}

/**
 * The first verb of saying that reports someone (not an order: "Ask IT for anything …"), and
 * whose words follow it: its subject's side, the writer, or unknown.
 */
export function reportingFrame(tokens: readonly Token[]): { verb: number; speaker: Speaker } | undefined {
  const verb = tokens.findIndex((t, i) => i > 0 && t.isWord && isReporting(tokens, i) && sayerStart(tokens, i) !== i);
  if (verb < 0) return undefined;
  return { verb, speaker: frameSpeaker(tokens, verb, sayerStart(tokens, verb), tokens.length) };
}

const SINCE_CHANGED = phrases(L.SINCE_CHANGED);
const SINCE_RESOLVED = phrases(L.SINCE_RESOLVED);
const IRREGULAR_PAST = new Set(L.IRREGULAR_PAST);

const PAST_TIMES = phrases(L.PAST_TIMES);

/**
 * Whether the match is told of the past: its own verbs in the past tense ("said", "kept changing",
 * "refused"), a past verb of saying before it ("people said IT doesn't get it"), or a time in the
 * past before it ("two years ago", "last year").
 */
function pastTense(tokens: readonly Token[], span: Span): boolean {
  for (let i = 0; i < span.end; i++) {
    const t = tokens[i]!;
    if (i < span.start && anyAt(tokens, i, PAST_TIMES) > 0) return true;
    const own = i >= span.start && span.consumed.has(i);
    if (!(own || (i < span.start && isReporting(tokens, i))) || !["VERB", "AUX"].includes(t.pos)) continue;
    if (IRREGULAR_PAST.has(t.norm) || (t.norm.endsWith("ed") && t.norm !== t.lemma)) return true;
  }
  return false;
}

/**
 * A symptom told in the past, then a contrasting clause saying it is over: "…; now they explain
 * why", "…, but these days …", "…, but the new sign-off process fixed that". Not "…, and now they want more budget": that adds to it.
 */
function overSince(tokens: readonly Token[], span: Span, to: number): boolean {
  const boundary = tokens[to];
  if (boundary === undefined || !pastTense(tokens, span)) return false;
  let k = to + 1;
  if (boundary.text === ",") {
    if (tokens[k]?.norm !== "but") return false;
    k++;
  } else if (boundary.norm === "but" || [";", "—", "–"].includes(boundary.text)) {
    if (tokens[k]?.norm === "but") k++;
  } else return false;
  if (anyAt(tokens, k, SINCE_CHANGED) > 0) return true;
  for (let i = k; i < tokens.length && !STRONG_PUNCT.has(tokens[i]!.text); i++) if (anyAt(tokens, i, SINCE_RESOLVED) > 0) return true;
  return false;
}

/** A short reply that denies a question: "Outsource IT? Never." */
function deniedByReply(sentence: Sentence, next: Sentence | undefined): boolean {
  if (!next || sentence.tokens.at(-1)?.text !== "?") return false;
  const words = next.tokens.filter((t) => t.isWord);
  if (words.length === 0 || covers(words, 0, NOT_NEGATION)) return false;
  // "Never." / "Absolutely not, we are happy with …" / "Off the table."
  const reply = anyAt(next.tokens, 0, REPLIES);
  if (reply > 0 && (next.tokens[reply] === undefined || !next.tokens[reply]!.isWord)) return true;
  return words.length <= 4 && (reply > 0 || words.some((_, i) => anyAt(words, i, DENIALS) > 0));
}

/** Reads a match in its sentence (and the one after, for a denying reply). */
export function readMatch(sentence: Sentence, next: Sentence | undefined, span: Span): Reading {
  const { tokens } = sentence;
  const from = clauseStart(tokens, span.start);
  const to = clauseEnd(tokens, span.end);
  const reported = reportedSpeaker(tokens, span);
  const modal = tokens.slice(from, span.start).some((t) => MODALS.has(t.norm) || t.norm === "'d");
  // A negation does not reach into a subordinate clause: "None of this would happen if they knew …".
  let negFrom = from;
  for (let i = from; i <= span.start; i++) if (SUBORDINATORS.has(tokens[i]!.norm)) negFrom = i + 1;
  const blocked =
    negationIn(tokens, negFrom, span.start, span.consumed) ||
    negationIn(tokens, span.start, span.end, span.consumed) ||
    hypotheticalIn(tokens, from, span.start, span.consumed) ||
    tokens.slice(from, span.end).some((_, k) => !span.consumed.has(from + k) && anyAt(tokens, from + k, CONSIDERED) > 0) ||
    sentenceFacts(tokens).endorsed ||
    (modal && tokens.slice(span.end).some((t) => t.norm === "if" || t.norm === "unless")) ||
    deniedAfter(tokens, span, to) ||
    mentioned(tokens, span) ||
    deniedByReply(sentence, next) ||
    overSince(tokens, span, to) ||
    (reported?.blocked ?? false);
  return { blocked, speaker: reported?.speaker ?? "writer" };
}
