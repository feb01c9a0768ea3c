import type { Stage } from "./enums";
import type { Evidence, PhraseHit } from "./types";

// Why a diagnosis moved: what one diagnosis says that an earlier one did not. Pure, like the rest
// of the library; the app picks which earlier diagnosis to compare with.

/** The parts of an evidence item a diff reads (the score chart loads no more than these). */
export type DiffEvidence = Pick<Evidence, "signal" | "stage" | "weight" | "message" | "sourceIds">;

/** The parts of a diagnosis a diff reads. */
export interface Diffable<E extends DiffEvidence = DiffEvidence> {
  stage: Stage;
  score: number | null;
  evidence: readonly E[];
  phrases: readonly PhraseHit[];
}

/** One item in both diagnoses that reads differently now. */
export interface EvidenceChange<E extends DiffEvidence = Evidence> {
  signal: string;
  before: E;
  after: E;
  weightDelta: number;
  /** Records behind it now that were not before (a new rating, the quote just logged). */
  newSourceIds: string[];
  /** Records behind it before that are not now (left the window, deleted). */
  droppedSourceIds: string[];
}

export interface DiagnosisDiff<E extends DiffEvidence = Evidence> {
  /** Null when the stage stayed. */
  stage: { from: Stage; to: Stage } | null;
  /** `delta` is null when either diagnosis had no score (insufficient data). */
  score: { from: number | null; to: number | null; delta: number | null };
  /** In the current diagnosis' order: most severe first. */
  added: E[];
  /** In the previous diagnosis' order. */
  removed: E[];
  changed: EvidenceChange<E>[];
  /** Phrases in the current diagnosis heard in a record, or said, that the previous one had not. */
  phrasesHeard: PhraseHit[];
}

/**
 * Items are matched by signal. A signal can occur more than once (one item per missed project):
 * then items are matched by a record they share, and an unmatched one is added or removed rather
 * than "changed" into a different record's item. A signal occurring once on each side is the same
 * item whatever records are behind it now (the ratings window slides).
 */
function match<E extends DiffEvidence>(previous: readonly E[], current: readonly E[]): Map<E, E> {
  const pairs = new Map<E, E>();
  const bySignal = new Map<string, E[]>();
  for (const item of previous) {
    const group = bySignal.get(item.signal);
    if (group) group.push(item);
    else bySignal.set(item.signal, [item]);
  }
  const currentCount = new Map<string, number>();
  for (const item of current) currentCount.set(item.signal, (currentCount.get(item.signal) ?? 0) + 1);
  for (const item of current) {
    const candidates = bySignal.get(item.signal);
    if (!candidates || candidates.length === 0) continue;
    const single = candidates.length === 1 && currentCount.get(item.signal) === 1;
    const ids = new Set(item.sourceIds);
    const found = single ? candidates[0] : candidates.find((c) => c.sourceIds.some((id) => ids.has(id)));
    if (!found) continue;
    pairs.set(item, found);
    candidates.splice(candidates.indexOf(found), 1);
  }
  return pairs;
}

const without = (ids: readonly string[], other: readonly string[]) => {
  const drop = new Set(other);
  return ids.filter((id) => !drop.has(id));
};

const phraseKey = (hit: PhraseHit) => `${hit.source.kind}:${hit.source.id}:${hit.phraseId}`;

export function diffDiagnoses<E extends DiffEvidence>(previous: Diffable<E>, current: Diffable<E>): DiagnosisDiff<E> {
  const pairs = match(previous.evidence, current.evidence);
  const matchedBefore = new Set(pairs.values());
  const changed: EvidenceChange<E>[] = [];
  for (const [after, before] of pairs) {
    const newSourceIds = without(after.sourceIds, before.sourceIds);
    const droppedSourceIds = without(before.sourceIds, after.sourceIds);
    const same = before.weight === after.weight && before.stage === after.stage && before.message === after.message;
    if (same && newSourceIds.length === 0 && droppedSourceIds.length === 0) continue;
    changed.push({ signal: after.signal, before, after, weightDelta: after.weight - before.weight, newSourceIds, droppedSourceIds });
  }
  const heardBefore = new Set(previous.phrases.map(phraseKey));
  return {
    stage: previous.stage === current.stage ? null : { from: previous.stage, to: current.stage },
    score: {
      from: previous.score,
      to: current.score,
      delta: previous.score === null || current.score === null ? null : current.score - previous.score,
    },
    added: current.evidence.filter((item) => !pairs.has(item)),
    removed: previous.evidence.filter((item) => !matchedBefore.has(item)),
    changed,
    phrasesHeard: current.phrases.filter((hit) => !heardBefore.has(phraseKey(hit))),
  };
}

/**
 * False when every item and phrase reads as before: the stage can still move (a hold lapsing) and
 * the score or confidence too (records counted differently).
 */
export function evidenceMoved(diff: DiagnosisDiff<DiffEvidence>): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0 || diff.phrasesHeard.length > 0;
}
