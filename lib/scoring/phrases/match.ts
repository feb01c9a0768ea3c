import type { Side } from "../enums";
import type { StoredPhraseHit } from "../input";
import { PHRASE_CATALOGUE, PHRASE_MACROS, type CatalogueEntry } from "./catalogue";
import { compilePattern } from "./compile";

interface CompiledEntry {
  entry: CatalogueEntry;
  patterns: RegExp[];
}

// Compiled once: scanning must be cheap enough to run on every save and in bulk rescoring.
const COMPILED: readonly CompiledEntry[] = PHRASE_CATALOGUE.map((entry) => ({ entry, patterns: [] }));

/**
 * Anchor word → the patterns that cannot match without it. A text is split into words once and
 * only the patterns whose anchors it contains are run, so most notes cost one pass.
 */
const BY_ANCHOR = new Map<string, RegExp[]>();
/** Patterns without a usable anchor, run on every text. */
const ALWAYS: RegExp[] = [];

for (const compiled of COMPILED) {
  for (const template of compiled.entry.patterns) {
    const { regex, anchors } = compilePattern(template, PHRASE_MACROS);
    compiled.patterns.push(regex);
    if (anchors.length === 0) ALWAYS.push(regex);
    for (const anchor of anchors) BY_ANCHOR.set(anchor, [...(BY_ANCHOR.get(anchor) ?? []), regex]);
  }
}

const WORDS = /[a-z0-9]+/g;

function candidatePatterns(text: string): Set<RegExp> {
  const found = new Set<RegExp>(ALWAYS);
  for (const [word] of text.toLowerCase().matchAll(WORDS)) {
    const patterns = BY_ANCHOR.get(word);
    if (patterns) for (const p of patterns) found.add(p);
  }
  return found;
}

const BY_ID = new Map(PHRASE_CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(phraseId: string): CatalogueEntry | undefined {
  return BY_ID.get(phraseId);
}

/**
 * The catalogue phrases found in `text` (or in each of several texts, such as an interaction's
 * summary and notes), at most one hit per phrase, in catalogue order. With `side`, the speaker is
 * known and only that side's phrases count. The result is what the app stores beside the text.
 */
export function detectPhrases(text: string | readonly string[], side?: Side): StoredPhraseHit[] {
  const texts = (typeof text === "string" ? [text] : text).filter((t) => t.length > 0);
  const scans = texts.map((t) => ({ text: t, candidates: candidatePatterns(t) })).filter((s) => s.candidates.size > 0);
  if (scans.length === 0) return [];
  const hits: StoredPhraseHit[] = [];
  for (const { entry, patterns } of COMPILED) {
    if (side && entry.side !== side) continue;
    const matched = firstMatch(scans, patterns);
    if (matched !== undefined) hits.push({ phraseId: entry.id, side: entry.side, stage: entry.stage, matchedText: matched });
  }
  return hits;
}

function firstMatch(scans: readonly { text: string; candidates: Set<RegExp> }[], patterns: readonly RegExp[]): string | undefined {
  for (const { text, candidates } of scans) {
    for (const regex of patterns) {
      if (!candidates.has(regex)) continue;
      const m = regex.exec(text);
      if (m) return m[0];
    }
  }
  return undefined;
}
