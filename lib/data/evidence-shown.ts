import type { Diagnosis } from "../scoring";
import { diffDiagnoses } from "../scoring/diff";

// What the account page shows of a diagnosis's records, bounded (decision 018): an evidence item
// of a long-history account names thousands of ratings, and listing them all made the heaviest
// account's page 22.9 MB. The page names at most LINKS_PER_ITEM records per piece of evidence and
// PHRASES_PER_SIDE phrases per side (the newest), and counts the rest; the data layer names only
// the records these pick (lib/data/evidence-sources.ts), so both read the same choice from here.

/** Records named and linked per piece of evidence (the first few visible, the rest behind "more"). */
export const LINKS_PER_ITEM = 25;
/** Phrases listed per side, newest first. */
export const PHRASES_PER_SIDE = 15;

type Phrases = Diagnosis["phrases"];

/** Each quote's interaction, from the phrases heard, so that a quote and its interaction are linked once. */
export function quoteHosts(...phrases: Phrases[]): Map<string, string> {
  return new Map(phrases.flat().flatMap((hit) => (hit.interactionId ? [[hit.source.id, hit.interactionId] as const] : [])));
}

/** The records of one piece of evidence to name (a quote stands for its interaction), and how many more there are. */
export function shownSourceIds(sourceIds: string[], hostOf: Map<string, string>): { ids: string[]; more: number } {
  const quoted = new Set(sourceIds.map((id) => hostOf.get(id)).filter(Boolean));
  const listed = sourceIds.filter((id) => !quoted.has(id));
  return { ids: listed.slice(0, LINKS_PER_ITEM), more: Math.max(0, listed.length - LINKS_PER_ITEM) };
}

/** The newest phrases heard, at most `limit`, and how many more were heard. */
export function shownPhrases(hits: Phrases, limit = PHRASES_PER_SIDE): { hits: Phrases; more: number } {
  const newest = [...hits].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { hits: newest.slice(0, limit), more: Math.max(0, hits.length - limit) };
}

/** Every record the page names for a diagnosis and the one it is compared with: what is shown, not all behind it. */
export function shownRecordIds(current: Diagnosis, previous: Diagnosis | null): string[] {
  const hostOf = quoteHosts(current.phrases, previous?.phrases ?? []);
  const ids = new Set<string>();
  const addItem = (sourceIds: string[]) => shownSourceIds(sourceIds, hostOf).ids.forEach((id) => ids.add(id));
  const addPhrases = (hits: Phrases) => {
    for (const hit of shownPhrases(hits).hits) {
      ids.add(hit.source.id);
      if (hit.interactionId) ids.add(hit.interactionId);
    }
  };
  for (const diagnosis of [current, previous]) {
    if (!diagnosis) continue;
    for (const item of diagnosis.evidence) addItem(item.sourceIds);
    addPhrases(diagnosis.phrases.filter((hit) => hit.side === "BUSINESS"));
    addPhrases(diagnosis.phrases.filter((hit) => hit.side === "IT"));
  }
  if (previous) {
    // What changed lists the records new to a piece of evidence and the phrases newly heard.
    const diff = diffDiagnoses(previous, current);
    for (const change of diff.changed) addItem(change.newSourceIds);
    addPhrases(diff.phrasesHeard);
  }
  return [...ids];
}
