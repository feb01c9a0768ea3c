import { Prisma } from "../generated/prisma/client";
import { type Diagnosis, parseStoredDiagnosis } from "../scoring";

/**
 * A snapshot's JSON column holds the Diagnosis that lib/scoring returned when it was written, read
 * back through parseStoredDiagnosis (any stored format, upgraded). For callers to whom an unreadable
 * row is as good as none; pages say which it was (lib/data/diagnoses.ts).
 */
export function toDiagnosis(json: unknown): Diagnosis | null {
  const read = parseStoredDiagnosis(json);
  return read.ok ? read.diagnosis : null;
}

/** The parts of a diagnosis that decide whether it changed (docs/decisions/007-scheduled-rescoring.md). */
type Compared = Pick<Diagnosis, "stage" | "score" | "confidence" | "observations"> & {
  evidence: Pick<Diagnosis["evidence"][number], "signal" | "stage" | "message">[];
};

/**
 * Equal for diagnoses that tell a reader the same: the same stage, score and confidence, drawn
 * from as many observations, with the same evidence as worded. Left out on purpose: the time of
 * the diagnosis and the stage's start, which move with the clock alone; the trend, which is drawn
 * from the snapshots themselves (a first snapshot turns the next trend from unknown to stable);
 * and the records behind each item, which the observations and the wording already follow.
 */
export function diagnosisKey(d: Compared): string {
  return JSON.stringify([d.stage, d.score, d.confidence, d.observations, d.evidence.map((e) => [e.signal, e.stage, e.message])]);
}

/**
 * SQL for the `Compared` parts of the snapshot under `alias`, as jsonb: a few hundred bytes instead
 * of the whole diagnosis (its phrases and record ids are most of it). Must select every field
 * diagnosisKey reads; a missing one would make every diagnosis look changed. A malformed row gives
 * nulls and no evidence rather than an SQL error, so it cannot stop a rescore.
 */
export function compared(alias: string) {
  const s = Prisma.raw(alias);
  return Prisma.sql`jsonb_build_object(
    'stage', ${s}.evidence->'stage',
    'score', ${s}.evidence->'score',
    'confidence', ${s}.evidence->'confidence',
    'observations', ${s}.evidence->'observations',
    'evidence', (SELECT coalesce(jsonb_agg(jsonb_build_object('signal', e->'signal', 'stage', e->'stage', 'message', e->'message') ORDER BY n), '[]')
                 FROM jsonb_array_elements(${evidenceItems(alias)}) WITH ORDINALITY AS x(e, n))
  )`;
}

/**
 * The latest snapshot before the one under `cur` that reads differently (by compared()), for rows
 * stored without their comparison; as a LATERAL subquery. Walks back over the account's snapshots.
 */
export function earlierDiffering(cur: string) {
  const c = Prisma.raw(cur);
  return Prisma.sql`(SELECT s.id, s.computed_at, s.evidence, s.config_version FROM health_snapshots s
    WHERE s.account_id = ${c}.account_id AND s.computed_at < ${c}.computed_at AND ${compared("s")} IS DISTINCT FROM ${compared(cur)}
    ORDER BY s.computed_at DESC, s.id DESC LIMIT 1)`;
}

/** The snapshot's evidence list, or an empty one when the row has none. */
function evidenceItems(alias: string) {
  const items = Prisma.raw(`${alias}.evidence->'evidence'`);
  return Prisma.sql`(CASE WHEN jsonb_typeof(${items}) = 'array' THEN ${items} ELSE '[]'::jsonb END)`;
}

/**
 * The snapshot's evidence items as the score chart and a diff read them: signal, stage, weight,
 * message and the first record (what tells apart the items of a signal that repeats, one per
 * missed project), as jsonb; null when the row has no evidence list.
 */
export function projectedItems(alias: string) {
  const s = Prisma.raw(alias);
  return Prisma.sql`CASE WHEN jsonb_typeof(${s}.evidence->'evidence') = 'array' THEN (
    SELECT coalesce(jsonb_agg(jsonb_build_object(
      'signal', e->'signal', 'stage', e->'stage', 'weight', e->'weight', 'message', e->'message',
      'sourceIds', jsonb_path_query_array(e->'sourceIds', '$[0]')) ORDER BY n), '[]')
    FROM jsonb_array_elements(${s}.evidence->'evidence') WITH ORDINALITY AS x(e, n)) END`;
}

/**
 * What a snapshot keeps once it is neither the account's latest nor the one the latest is compared
 * with: its observations (stage, score and confidence are columns), tens of bytes instead of
 * several kilobytes. What changed at it stays in its `change` column (lib/health/store.ts).
 */
export const compactEvidence = Prisma.sql`jsonb_build_object('compact', true, 'observations', evidence->'observations', 'evidence', '[]'::jsonb)`;
