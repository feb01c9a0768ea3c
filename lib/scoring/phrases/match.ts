import type { Side } from "../enums";
import type { StoredPhraseHit } from "../input";
import { PHRASE_CATALOGUE, PHRASE_MACROS, type CatalogueEntry } from "./catalogue";
import { compilePattern, type CompiledPattern } from "./compile";

interface CompiledEntry {
  entry: CatalogueEntry;
  patterns: CompiledPattern[];
}

// Compiled once: scanning must be cheap enough to run on every save and in bulk rescoring.
const COMPILED: readonly CompiledEntry[] = PHRASE_CATALOGUE.map((entry) => ({
  entry,
  patterns: entry.patterns.map((p) => compilePattern(p, PHRASE_MACROS)),
}));

const BY_ID = new Map(PHRASE_CATALOGUE.map((e) => [e.id, e]));

export function catalogueEntry(phraseId: string): CatalogueEntry | undefined {
  return BY_ID.get(phraseId);
}

function firstMatch(text: string, lower: string, patterns: CompiledPattern[]): string | undefined {
  for (const { regex, anchors } of patterns) {
    if (anchors.length > 0 && !anchors.some((a) => lower.includes(a))) continue;
    const m = regex.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

/**
 * The catalogue phrases found in `text` (or in each of several texts, such as an interaction's
 * summary and notes), at most one hit per phrase, in catalogue order. With `side`, the speaker is
 * known and only that side's phrases count. The result is what the app stores beside the text.
 */
export function detectPhrases(text: string | readonly string[], side?: Side): StoredPhraseHit[] {
  const texts = (typeof text === "string" ? [text] : text).filter((t) => t.length > 0);
  if (texts.length === 0) return [];
  const lowered = texts.map((t) => t.toLowerCase());
  const hits: StoredPhraseHit[] = [];
  for (const { entry, patterns } of COMPILED) {
    if (side && entry.side !== side) continue;
    for (let i = 0; i < texts.length; i++) {
      const matched = firstMatch(texts[i]!, lowered[i]!, patterns);
      if (matched !== undefined) {
        hits.push({ phraseId: entry.id, side: entry.side, stage: entry.stage, matchedText: matched });
        break;
      }
    }
  }
  return hits;
}
