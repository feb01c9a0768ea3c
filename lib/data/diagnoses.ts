import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { compared, evidenceItems } from "../health/snapshot";
import { logUnexpected } from "../log";
import { type Diagnosis, evidenceSchema, parseStoredDiagnosis, type Stage } from "../scoring";
import { diffDiagnoses, evidenceMoved, type DiagnosisDiff, type DiffEvidence } from "../scoring/diff";
import { openAccount } from "./accounts";
import { type EvidenceSources, getEvidenceSources } from "./evidence-sources";
import type { Actor } from "./permissions";

// An account's stored diagnoses as the account page shows them: the latest, what changed since
// the one before, and the score over time with what changed at each point. Every row is read
// through the library's schema: a malformed one shows as unreadable, never as a crash.

export type ReadDiagnosis = { snapshotId: string; computedAt: Date } & ({ readable: true; diagnosis: Diagnosis } | { readable: false; reason: string });

export type Comparison =
  /** No earlier diagnosis that says something else. */
  | { kind: "first" }
  | { kind: "unreadable"; since: Date }
  /**
   * `since`: the earlier diagnosis; `movedAt`: the first diagnosis that read as the current one does;
   * `configVersions`: the scoring configuration each was made with (an admin's change moves diagnoses too).
   */
  | { kind: "diff"; since: Date; movedAt: Date; configVersions: { from: number; to: number }; previous: Diagnosis; diff: DiagnosisDiff };

export interface AccountDiagnosis {
  /** Null: never diagnosed. */
  current: ReadDiagnosis | null;
  /** Null while there is no readable current diagnosis. */
  comparison: Comparison | null;
  /** Names and links of the records behind both diagnoses. */
  sources: EvidenceSources;
}

function read(row: { id: string; computed_at: Date; evidence: string }): ReadDiagnosis {
  const computedAt = new Date(row.computed_at);
  const parsed = parseStoredDiagnosis(JSON.parse(row.evidence));
  if (parsed.ok) return { snapshotId: row.id, computedAt, readable: true, diagnosis: parsed.diagnosis };
  logUnexpected(`unreadable health snapshot ${row.id}`, parsed.reason);
  return { snapshotId: row.id, computedAt, readable: false, reason: parsed.reason };
}

/** The latest diagnosis alone (IT only). */
export async function getLatestDiagnosis(actor: Actor, accountId: string): Promise<ReadDiagnosis | null> {
  await openAccount(actor, accountId, (access) => access === "full");
  const [row] = await db().$queryRaw<{ id: string; computed_at: Date; evidence: string }[]>`
    SELECT id, computed_at, evidence::text AS evidence FROM health_snapshots
    WHERE account_id = ${accountId} ORDER BY computed_at DESC, id DESC LIMIT 1`;
  return row ? read(row) : null;
}

/**
 * The latest diagnosis and the one to compare it with: the latest earlier snapshot that reads
 * differently (by diagnosisKey's parts). Not simply the snapshot before: an unchanged account
 * still gets a snapshot each day (lib/health/recompute.ts), and "what changed since yesterday:
 * nothing" would hide the change that put the account where it is. One query for both.
 */
export async function getAccountDiagnosis(actor: Actor, accountId: string): Promise<AccountDiagnosis> {
  await openAccount(actor, accountId, (access) => access === "full");
  const rows = await db().$queryRaw<{ which: "current" | "previous"; id: string; computed_at: Date; evidence: string; config_version: number; moved_at: Date | null }[]>`
    WITH cur AS (
      SELECT id, computed_at, evidence, config_version FROM health_snapshots
      WHERE account_id = ${accountId} ORDER BY computed_at DESC, id DESC LIMIT 1
    )
    SELECT 'current' AS which, cur.id, cur.computed_at, cur.evidence::text AS evidence, cur.config_version, NULL::timestamp AS moved_at FROM cur
    UNION ALL
    SELECT 'previous', p.id, p.computed_at, p.evidence::text, p.config_version,
      (SELECT min(m.computed_at) FROM health_snapshots m WHERE m.account_id = ${accountId} AND m.computed_at > p.computed_at)
    FROM cur CROSS JOIN LATERAL (
      SELECT s.id, s.computed_at, s.evidence, s.config_version FROM health_snapshots s
      WHERE s.account_id = ${accountId} AND s.computed_at < cur.computed_at AND ${compared("s")} IS DISTINCT FROM ${compared("cur")}
      ORDER BY s.computed_at DESC, s.id DESC LIMIT 1
    ) AS p`;
  const currentRow = rows.find((row) => row.which === "current");
  const previousRow = rows.find((row) => row.which === "previous");
  if (!currentRow) return { current: null, comparison: null, sources: {} };
  const current = read(currentRow);
  if (!current.readable) return { current, comparison: null, sources: {} };
  const previous = previousRow ? read(previousRow) : null;
  const comparison: Comparison = !previous
    ? { kind: "first" }
    : !previous.readable
      ? { kind: "unreadable", since: previous.computedAt }
      : {
          kind: "diff",
          since: previous.computedAt,
          movedAt: new Date(previousRow!.moved_at!),
          configVersions: { from: Number(previousRow!.config_version), to: Number(currentRow.config_version) },
          previous: previous.diagnosis,
          diff: diffDiagnoses(previous.diagnosis, current.diagnosis),
        };
  const sources = await getEvidenceSources(actor, accountId, current.diagnosis, previous?.readable ? previous.diagnosis : null);
  return { current, comparison, sources };
}

const SCORE_HISTORY_DAYS = 365;
/** Items named per point in the chart's tooltip; the rest are counted. */
const NAMED_PER_POINT = 2;

/** What the chart's tooltip says changed at one point: small, as it goes to the browser for every point. */
export type PointChange =
  | { readable: false }
  | { readable: true; stage: { from: Stage; to: Stage } | null; added: ChangedItem[]; removed: ChangedItem[]; more: number };
export type ChangedItem = Pick<DiffEvidence, "stage" | "message">;

export interface ScoreHistoryPoint {
  computedAt: Date;
  stage: Stage;
  score: number | null;
  /** Against the snapshot before it; null for the account's first diagnosis or when nothing moved. */
  change: PointChange | null;
}

// The chart reads each snapshot's evidence items, not its whole diagnosis (phrases and record ids
// are most of it), and of the records only the first, which is what tells apart the items of a
// signal that repeats (one per missed project). Validated like a whole diagnosis would be.
const projectedSchema = z.array(evidenceSchema.pick({ signal: true, stage: true, weight: true, message: true, sourceIds: true }));

/**
 * The account's diagnoses over the last year, oldest first, each with what changed since the one
 * before (the first against the last one before the year). One query over the window.
 */
export async function getScoreHistory(actor: Actor, accountId: string, now = new Date()): Promise<ScoreHistoryPoint[]> {
  await openAccount(actor, accountId, (access) => access === "full");
  const since = new Date(now.getTime() - SCORE_HISTORY_DAYS * 86_400_000);
  const rows = await db().$queryRaw<{ computed_at: Date; stage: Stage; score: number | null; items: string | null }[]>`
    SELECT s.computed_at, s.stage::text AS stage, s.score,
      CASE WHEN jsonb_typeof(s.evidence->'evidence') = 'array' THEN (
        SELECT coalesce(jsonb_agg(jsonb_build_object(
          'signal', e->'signal', 'stage', e->'stage', 'weight', e->'weight', 'message', e->'message',
          'sourceIds', jsonb_path_query_array(e->'sourceIds', '$[0]')) ORDER BY n), '[]')
        FROM jsonb_array_elements(${evidenceItems("s")}) WITH ORDINALITY AS x(e, n)
      )::text END AS items
    FROM health_snapshots s
    WHERE s.account_id = ${accountId} AND s.computed_at <= ${now} AND (
      s.computed_at >= ${since}
      OR s.id = (SELECT b.id FROM health_snapshots b WHERE b.account_id = ${accountId} AND b.computed_at < ${since} ORDER BY b.computed_at DESC, b.id DESC LIMIT 1))
    ORDER BY s.computed_at, s.id`;
  const points = rows.map((row) => {
    const items = projectedSchema.safeParse(row.items === null ? null : JSON.parse(row.items));
    return { computedAt: new Date(row.computed_at), stage: row.stage, score: row.score === null ? null : Number(row.score), evidence: items.success ? items.data : null };
  });
  const inWindow = points.findIndex((point) => point.computedAt >= since);
  if (inWindow < 0) return [];
  return points.slice(inWindow).map((point, index) => {
    const before = points[inWindow + index - 1];
    return { computedAt: point.computedAt, stage: point.stage, score: point.score, change: before ? changeAt(before, point) : null };
  });
}

type Projected = { stage: Stage; score: number | null; evidence: DiffEvidence[] | null };

function changeAt(before: Projected, after: Projected): PointChange | null {
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
