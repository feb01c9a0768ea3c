import type { Stage } from "../generated/prisma/client";
import { type DiffEvidence, diffDiagnoses, evidenceMoved } from "../scoring/diff";

// What the score chart's tooltip says changed at one point of an account's history, against the
// snapshot before it. Worked out when a snapshot is stored (lib/health/store.ts) and kept in its
// `change` column, since the snapshot itself is then compacted; for rows from before that, when
// the chart is read (lib/data/diagnoses.ts).

/** Items named per point in the chart's tooltip; the rest are counted. */
const NAMED_PER_POINT = 2;

/** Small, as it goes to the browser for every point. */
export type PointChange =
  | { readable: false }
  | { readable: true; stage: { from: Stage; to: Stage } | null; added: ChangedItem[]; removed: ChangedItem[]; more: number };
export type ChangedItem = Pick<DiffEvidence, "stage" | "message">;

/** A diagnosis as the chart compares it; `evidence` null when it could not be read. */
export type Projected = { stage: Stage; score: number | null; evidence: DiffEvidence[] | null };

/** Null when nothing moved (the stage, and every item as it reads). */
export function changeAt(before: Projected, after: Projected): PointChange | null {
  if (!after.evidence) return { readable: false };
  // An unreadable snapshot before reads as no evidence: everything now shows as added, which it is to a reader.
  const diff = diffDiagnoses({ ...before, evidence: before.evidence ?? [], phrases: [] }, { ...after, evidence: after.evidence, phrases: [] });
  if (!diff.stage && !evidenceMoved(diff)) return null;
  const item = ({ stage, message }: DiffEvidence): ChangedItem => ({ stage, message });
  const added = diff.added.slice(0, NAMED_PER_POINT).map(item);
  const removed = diff.removed.slice(0, NAMED_PER_POINT).map(item);
  const more = diff.added.length + diff.removed.length + diff.changed.length - added.length - removed.length;
  return { readable: true, stage: diff.stage, added, removed, more };
}

/** A diagnosis' items as the chart reads them: the first record of each (see projectedItems). */
export function projectEvidence(evidence: readonly DiffEvidence[]): DiffEvidence[] {
  return evidence.map(({ signal, stage, weight, message, sourceIds }) => ({ signal, stage, weight, message, sourceIds: sourceIds.slice(0, 1) }));
}
