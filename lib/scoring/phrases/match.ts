import type { Side } from "../enums";
import type { StoredPhraseHit } from "../input";
import { PHRASE_CATALOGUE, PHRASE_MACROS, type CatalogueEntry } from "./catalogue";
import { compilePattern, NEAR, type CompiledPattern, type Item, type Part, type PatternWord } from "./compile";
import { readSentences, type Sentence, type Token } from "./nlp";
import * as L from "./lexicon";
import { readingsOf } from "./readings";
import { aimedElsewhere, readMatch, type Span, type Speaker } from "./scope";

interface CompiledEntry {
  entry: CatalogueEntry;
  patterns: CompiledPattern[];
}

// Compiled on first use (compiling reads the pattern words with the language model), then kept.
let compiled: { entries: CompiledEntry[]; byAnchor: Map<string, Part[]> } | undefined;
function catalogue() {
  if (!compiled) {
    const byAnchor = new Map<string, Part[]>();
    const entries = PHRASE_CATALOGUE.map((entry) => ({
      entry,
      patterns: entry.patterns.map((p) => compilePattern(p, PHRASE_MACROS)),
    }));
    for (const part of entries.flatMap((e) => e.patterns.flatMap((p) => p.parts))) {
      for (const anchor of part.anchors) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), part]);
    }
    compiled = { entries, byAnchor };
  }
  return compiled;
}

const BY_ID = new Map(PHRASE_CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(phraseId: string): CatalogueEntry | undefined {
  return BY_ID.get(phraseId);
}

/** Words a gap may not swallow: a negation must be named by the pattern or it negates. */
const GAP_STOPS = new Set(["not", "never", "no", "nobody", "none", "nothing", "neither", "nor", "without"]);
const CONJUNCTIONS = new Set(["and", "or", "but", "so", "because", "while", "although", "though", "yet", "however"]);

interface Scan {
  sentence: Sentence;
  /** Token indices of the words (punctuation is skipped between pattern words). */
  words: number[];
  /** For each word, whether a ";" separates it from the word before. */
  broken: boolean[];
}

function scanOf(sentence: Sentence): Scan {
  const words: number[] = [];
  const broken: boolean[] = [];
  let semicolon = false;
  sentence.tokens.forEach((t, i) => {
    if (!t.isWord) semicolon ||= [";", "...", "…"].includes(t.text);
    else {
      words.push(i);
      broken.push(semicolon);
      semicolon = false;
    }
  });
  return { sentence, words, broken };
}

const FILLERS = new Set(L.FILLERS);
/** How many fillers in a row a pattern steps over before one of its words. */
const MAX_FILLERS = 2;

const wordMatches = (w: PatternWord, t: Token, caseless: boolean) =>
  w.capsIT ? t.norm === "it" && (t.capsIT || caseless) : t.forms.includes(w.norm) || t.forms.includes(w.lemma);

/** Word position q matches pattern word w; returns the position after it (two words for "has been"). */
function wordAt(scan: Scan, q: number, w: PatternWord): number {
  const t = scan.sentence.tokens[scan.words[q]!]!;
  if (wordMatches(w, t, scan.sentence.caseless)) return q + 1;
  // "be" in a pattern meets the perfect too: "IT has been unresponsive for months".
  const next = scan.sentence.tokens[scan.words[q + 1] ?? -1];
  if (w.lemma === "be" && t.lemma === "have" && next?.norm === "been" && !scan.broken[q + 1]) return q + 2;
  return -1;
}

/**
 * Whether `words` (pattern words) occur at word position p; returns the position after them.
 * Up to MAX_FILLERS fillers may come before each word but the match's first (`leading`: before
 * the first too, for an item that continues a match).
 */
function sequenceAt(scan: Scan, p: number, words: readonly PatternWord[], leading = false): number {
  let q = p;
  for (let k = 0; k < words.length; k++) {
    if (q >= scan.words.length || (k > 0 && scan.broken[q])) return -1;
    let next = wordAt(scan, q, words[k]!);
    for (let skipped = 0; next < 0 && (k > 0 || leading) && skipped < MAX_FILLERS; skipped++) {
      if (!FILLERS.has(scan.sentence.tokens[scan.words[q]!]!.norm) || q + 1 >= scan.words.length || scan.broken[q + 1]) break;
      q++;
      next = wordAt(scan, q, words[k]!);
    }
    if (next < 0) return -1;
    q = next;
  }
  return q;
}

/** Exactly `words`, as written or as the token's lemma, at word position p, with no punctuation before: for exclusions. */
function exactlyAt(scan: Scan, p: number, words: readonly PatternWord[]): boolean {
  const { tokens } = scan.sentence;
  for (let k = 0; k < words.length; k++) {
    const at = scan.words[p + k];
    if (at === undefined || (k > 0 && at !== scan.words[p + k - 1]! + 1)) return false;
    const t = tokens[at]!;
    const w = words[k]!;
    if (!(w.capsIT ? wordMatches(w, t, scan.sentence.caseless) : t.norm === w.norm || t.lemma === w.norm)) return false;
  }
  return true;
}

function itemsAt(scan: Scan, items: readonly Item[], i: number, p: number, consumed: number[]): number {
  const item = items[i];
  if (item === undefined) return p;
  if (i > 0 && p < scan.words.length && scan.broken[p] && item.kind !== "end") return -1;
  if (item.kind === "end") {
    const next = scan.sentence.tokens[(scan.words[p - 1] ?? -1) + 1];
    const ends = next === undefined || !next.isWord || CONJUNCTIONS.has(next.norm);
    return ends ? itemsAt(scan, items, i + 1, p, consumed) : -1;
  }
  if (item.kind === "gap") {
    for (let k = 0; k <= item.max; k++) {
      if (k > 0) {
        const t = scan.sentence.tokens[scan.words[p + k - 1] ?? -1];
        if (t === undefined || GAP_STOPS.has(t.norm)) return -1;
      }
      const end = itemsAt(scan, items, i + 1, p + k, consumed);
      if (end >= 0) return end;
    }
    return -1;
  }
  for (const option of item.options) {
    const after = sequenceAt(scan, p, option, i > 0);
    if (after < 0) continue;
    const mark = consumed.length;
    for (let k = p; k < after; k++) consumed.push(scan.words[k]!);
    const end = itemsAt(scan, items, i + 1, after, consumed);
    if (end >= 0) return end;
    consumed.length = mark;
  }
  return item.optional ? itemsAt(scan, items, i + 1, p, consumed) : -1;
}

/**
 * Whether one of `options` comes right before word position p (`before`) or at it, in the same
 * clause: "IT doesn't get it, does it?" is not "IT doesn't get it done".
 */
function excluded(scan: Scan, p: number, options: readonly PatternWord[][], before: boolean): boolean {
  const joined = (a: number, b: number) => scan.words[a] !== undefined && scan.words[b]! - scan.words[a]! === 1;
  // A possessive does not hide what follows it: "AAA Consulting's conference".
  const after = ["'s", "’s"].includes(scan.sentence.tokens[scan.words[p] ?? -1]?.norm ?? "") ? p + 1 : p;
  return options.some((o) =>
    before
      ? p - o.length >= 0 && joined(p - 1, p) && exactlyAt(scan, p - o.length, o)
      : joined(p - 1, p) && (exactlyAt(scan, p, o) || (after > p && exactlyAt(scan, after, o))),
  );
}

/** Every match of `part` in the sentence, as token spans. */
function spansOf(scan: Scan, part: Part): Span[] {
  const spans: Span[] = [];
  for (let p = 0; p < scan.words.length; p++) {
    if (!scan.sentence.tokens[scan.words[p]!]!.forms.some((f) => part.starts.has(f))) continue;
    const consumed: number[] = [];
    const end = itemsAt(scan, part.items, 0, p, consumed);
    if (end < 0 || excluded(scan, p, part.notBefore, true) || excluded(scan, end, part.notAfter, false)) continue;
    spans.push({ start: scan.words[p]!, end: scan.words[end - 1]! + 1, consumed: new Set(consumed) });
  }
  return spans;
}

interface Found {
  sentence: number;
  /** The tokens the span indexes: the sentence's, or those of one of its readings. */
  tokens: readonly Token[];
  span: Span;
  speaker: Speaker;
}

/** The side whose phrase this is, as far as the text says: a reported speaker, else the writer. */
function sideOf(speaker: Speaker, writer: Side | undefined): Side | undefined {
  if (speaker === "writer") return writer;
  return speaker === "unknown" ? undefined : speaker;
}

class TextScan {
  readonly sentences: Sentence[];
  private readonly scans: Scan[];
  /** Each sentence's other readings (readings.ts): reported speech in its speaker's words, a question as a statement. */
  private readonly readings: Scan[][];
  private readonly candidates: Set<Part>[];
  private readonly forms: Set<string>[];
  private readonly memo = new Map<Part, (Found | undefined)[]>();

  constructor(
    readonly text: string,
    byAnchor: Map<string, Part[]>,
  ) {
    this.sentences = readSentences(text);
    this.scans = this.sentences.map(scanOf);
    this.readings = this.sentences.map((s) => readingsOf(s).map(scanOf));
    this.forms = this.sentences.map((s, i) => new Set([s, ...this.readings[i]!.map((r) => r.sentence)].flatMap((r) => r.tokens.flatMap((t) => t.forms))));
    this.candidates = this.forms.map((forms) => {
      const found = new Set<Part>();
      for (const key of forms) {
        for (const part of byAnchor.get(key) ?? []) {
          // Every required item needs one of its first words somewhere in the sentence.
          if (part.requires.every((r) => [...r].some((k) => forms.has(k)))) found.add(part);
        }
      }
      return found;
    });
  }

  /** The first match of `part` in sentence i that its sentence does not negate or make hypothetical. */
  accepted(part: Part, i: number, entrySide: Side, writer: Side | undefined): Found | undefined {
    if (!this.candidates[i]?.has(part)) return undefined;
    let row = this.memo.get(part);
    if (!row) this.memo.set(part, (row = []));
    if (!(i in row)) {
      row[i] = this.firstAccepted(this.scans[i]!, i, part);
      for (const reading of this.readings[i]!) row[i] ??= this.firstAccepted(reading, i, part);
    }
    const found = row[i];
    if (!found || (entrySide === "BUSINESS" && aimedElsewhere(found.tokens))) return undefined;
    const side = sideOf(found.speaker, writer);
    return side === undefined || side === entrySide ? found : undefined;
  }

  private firstAccepted(scan: Scan, i: number, part: Part): Found | undefined {
    for (const span of spansOf(scan, part)) {
      const reading = readMatch(scan.sentence, this.sentences[i + 1], span);
      if (!reading.blocked) return { sentence: i, tokens: scan.sentence.tokens, span, speaker: reading.speaker };
    }
    return undefined;
  }

  /** A pattern's parts all found in sentence i, or ("&") in i and i + 1, or ("+") close together in i. */
  pattern({ parts, near }: CompiledPattern, i: number, entrySide: Side, writer: Side | undefined): string | undefined {
    const found: Found[] = [];
    for (const part of parts) {
      const f = this.accepted(part, i, entrySide, writer) ?? (parts.length > 1 && !near ? this.accepted(part, i + 1, entrySide, writer) : undefined);
      if (!f) return undefined;
      found.push(f);
    }
    if (!found.some((f) => f.sentence === i)) return undefined;
    // The words as written, from the first to the last: a reading may have reordered them.
    let start = Infinity;
    let end = -Infinity;
    for (const f of found) {
      for (let k = f.span.start; k < f.span.end; k++) {
        start = Math.min(start, f.tokens[k]!.start);
        end = Math.max(end, f.tokens[k]!.end);
      }
    }
    if (near && end - start > NEAR) return undefined;
    return this.text.slice(start, end);
  }
}

/**
 * The catalogue phrases found in `text` (or in each of several texts, such as an interaction's
 * summary and notes), at most one hit per phrase, in catalogue order, with the words as written.
 * With `side` the writer is known: their own sentences count only for that side's phrases, while
 * words they report ("the client said IT doesn't get it") count for the side of whoever said them.
 * The result is what the app stores beside the text.
 */
export function detectPhrases(text: string | readonly string[], side?: Side): StoredPhraseHit[] {
  const { entries, byAnchor } = catalogue();
  const scans = (typeof text === "string" ? [text] : text).filter((t) => t.trim().length > 0).map((t) => new TextScan(t, byAnchor));
  const hits: StoredPhraseHit[] = [];
  for (const { entry, patterns } of entries) {
    const matched = firstMatch(scans, patterns, entry.side, side);
    if (matched !== undefined) hits.push({ phraseId: entry.id, side: entry.side, stage: entry.stage, matchedText: matched });
  }
  return hits;
}

function firstMatch(scans: readonly TextScan[], patterns: readonly CompiledPattern[], entrySide: Side, writer: Side | undefined): string | undefined {
  for (const scan of scans) {
    for (let i = 0; i < scan.sentences.length; i++) {
      for (const pattern of patterns) {
        const m = scan.pattern(pattern, i, entrySide, writer);
        if (m !== undefined) return m;
      }
    }
  }
  return undefined;
}

/** The words one pattern finds in `text` (for catalogue authors and the notation's tests). */
export function patternMatch(template: string, text: string, macros: Record<string, string[]> = PHRASE_MACROS): string | undefined {
  const pattern = compilePattern(template, macros);
  const byAnchor = new Map<string, Part[]>();
  for (const part of pattern.parts) for (const anchor of part.anchors) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), part]);
  const scan = new TextScan(text, byAnchor);
  for (let i = 0; i < scan.sentences.length; i++) {
    const m = scan.pattern(pattern, i, "BUSINESS", undefined);
    if (m !== undefined) return m;
  }
  return undefined;
}
