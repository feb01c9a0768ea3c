import { randomBytes } from "node:crypto";
import type { Tx } from "../data/audit";
import type { Diagnosis } from "../scoring";
import type { DiagnosisInputs, LatestSnapshot } from "./inputs";
import { changeAt, projectEvidence } from "./point-change";
import { compactEvidence, diagnosisKey, earlierDiffering } from "./snapshot";
import { encodeSpans, spanRecordsOf } from "./source-spans";

/** A new diagnosis and what it was made from. */
export interface Rediagnosed {
  diagnosis: Diagnosis;
  inputs: DiagnosisInputs;
}

interface NewSnapshot {
  id: string;
  accountId: string;
  diagnosis: Diagnosis;
  comparedWithId: string | null;
  /** The latest one searches for its comparison (a row from before pointers were kept). */
  searchFrom: string | null;
  change: string;
  /** The snapshot this one makes unneeded in full. */
  compact: string | null;
}

/**
 * Stores the diagnoses in ONE statement: refreshes each account's summary columns; for each
 * diagnosis that changed, was made under another configuration than the latest snapshot, or is
 * the account's first today (UTC), inserts a snapshot with the whole diagnosis, upserts the
 * month's row of account_health_months, and compacts the snapshot that is no longer the latest
 * nor the one the latest is compared with. So an account keeps two whole diagnoses, however long
 * its history (docs/decisions/017-cheap-rediagnosis-and-compact-snapshots.md).
 */
export async function storeDiagnoses(tx: Tx, diagnosed: ReadonlyMap<string, Rediagnosed>, now: Date, configVersion: number): Promise<void> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString().slice(0, 10);
  const stored: NewSnapshot[] = [];
  for (const [accountId, { diagnosis, inputs }] of diagnosed) {
    const { latest, later } = inputs;
    const key = diagnosisKey(diagnosis);
    const unchanged = latest && latest.computedAt.getTime() >= today && latest.configVersion === configVersion && latest.key === key;
    // Stored with its runs of records as spans (source-spans.ts); what the account sees is the same.
    if (!unchanged) stored.push(newSnapshot(accountId, encodeSpans(diagnosis, spanRecordsOf(inputs.signals)), key, latest, later));
  }
  const rows = [...diagnosed].map(([id, { diagnosis }]) => [id, diagnosis] as const);
  await tx.$executeRaw`
    WITH inserted AS (
      INSERT INTO health_snapshots (id, account_id, stage, score, confidence, evidence, computed_at, config_version, compared_with_id, change)
      SELECT n.id, n.account_id, n.stage::"Stage", n.score, n.confidence, n.evidence::jsonb, ${now}, ${configVersion},
        coalesce(n.compared_with_id, (SELECT p.id FROM health_snapshots cur CROSS JOIN LATERAL ${earlierDiffering("cur")} AS p WHERE cur.id = n.search_from)),
        n.change::jsonb
      FROM unnest(
        ${stored.map((s) => s.id)}::text[],
        ${stored.map((s) => s.accountId)}::text[],
        ${stored.map((s) => s.diagnosis.stage)}::text[],
        ${stored.map((s) => s.diagnosis.score)}::int[],
        ${stored.map((s) => s.diagnosis.confidence)}::float8[],
        ${stored.map((s) => JSON.stringify(s.diagnosis))}::text[],
        ${stored.map((s) => s.comparedWithId)}::text[],
        ${stored.map((s) => s.searchFrom)}::text[],
        ${stored.map((s) => s.change)}::text[]
      ) AS n(id, account_id, stage, score, confidence, evidence, compared_with_id, search_from, change)
      RETURNING account_id, stage, score
    ), compacted AS (
      -- Its pointer too: only an account's latest snapshot is ever compared.
      UPDATE health_snapshots SET evidence = ${compactEvidence}, compared_with_id = NULL
      WHERE id = ANY(${stored.flatMap((s) => (s.compact ? [s.compact] : []))}::text[]) AND NOT (evidence ? 'compact')
    ), months AS (
      -- A replay of an earlier month never overwrites a later diagnosis of that month.
      INSERT INTO account_health_months (account_id, month, stage, score, computed_at)
      SELECT account_id, ${month}::date, stage, score, ${now} FROM inserted
      ON CONFLICT (account_id, month) DO UPDATE SET stage = excluded.stage, score = excluded.score, computed_at = excluded.computed_at
      WHERE account_health_months.computed_at <= excluded.computed_at
    )
    UPDATE accounts AS a SET
      health_stage = u.stage::"Stage",
      health_score = u.score,
      health_confidence = u.confidence,
      -- The library sees only the history window; a stage that held longer keeps its start.
      health_since = CASE WHEN a.health_stage = u.stage::"Stage" AND a.health_since IS NOT NULL THEN a.health_since ELSE u.since END,
      health_trend = u.trend::"HealthTrend",
      health_risk = u.risk,
      health_computed_at = ${now},
      updated_at = ${now}
    FROM unnest(
      ${rows.map(([id]) => id)}::text[],
      ${rows.map(([, d]) => d.stage)}::text[],
      ${rows.map(([, d]) => d.score)}::int[],
      ${rows.map(([, d]) => d.confidence)}::float8[],
      ${rows.map(([, d]) => new Date(d.stageSince))}::timestamp[],
      ${rows.map(([, d]) => d.trend.direction.toUpperCase())}::text[],
      ${rows.map(([, d]) => (d.trend.nextStage ? d.trend.riskOfNextStage : null))}::float8[]
    ) AS u(id, stage, score, confidence, since, trend, risk)
    WHERE a.id = u.id`;
}

let counter = 0;
/**
 * Time-ordered like Prisma's cuid (readers break ties of computed_at by id, so the later of two
 * writes at one moment stays the latest): the clock, a counter, then randomness.
 */
function snapshotId(): string {
  counter = (counter + 1) % 36 ** 4;
  const random = [...randomBytes(12)].map((byte) => (byte % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${counter.toString(36).padStart(4, "0")}${random}`;
}

/**
 * The new snapshot compares with the latest one if it reads differently, else with what the latest
 * compared with. The latest then stays whole (it is compared with) and the one it compared with is
 * compacted; or the latest, now an unchanged copy, is. Not while a later snapshot exists (a replay
 * of history): the rows after it still need theirs.
 */
function newSnapshot(accountId: string, diagnosis: Diagnosis, key: string, latest: LatestSnapshot | null, later: boolean): NewSnapshot {
  const id = snapshotId();
  const after = { stage: diagnosis.stage, score: diagnosis.score, evidence: projectEvidence(diagnosis.evidence) };
  const change = JSON.stringify({ point: latest ? changeAt({ stage: latest.stage, score: latest.score, evidence: latest.evidence }, after) : null });
  if (!latest) return { id, accountId, diagnosis, comparedWithId: null, searchFrom: null, change, compact: null };
  const differs = latest.key !== key;
  return {
    id,
    accountId,
    diagnosis,
    comparedWithId: differs ? latest.id : latest.comparedWithId,
    searchFrom: !differs && !latest.comparedWithId && !latest.pointerKnown ? latest.id : null,
    change,
    compact: later ? null : differs ? latest.comparedWithId : latest.id,
  };
}
