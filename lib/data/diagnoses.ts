import "server-only";
import { z } from "zod";
import { db } from "../db/client";
import { type ChangedItem, changeAt, type PointChange } from "../health/point-change";
import { earlierDiffering, projectedItems } from "../health/snapshot";
import { withSpansExpanded } from "../health/source-spans.sql";
import { logUnexpected } from "../log";
import { type Diagnosis, evidenceSchema, parseStoredDiagnosis, type Stage } from "../scoring";
import { diffDiagnoses, type DiagnosisDiff } from "../scoring/diff";
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

type SnapshotRow = { id: string; computed_at: Date; evidence: string };

/** Stored diagnoses, their runs of records (stored as spans, lib/health/source-spans.ts) listed again: one statement for all. */
async function read(accountId: string, rows: SnapshotRow[]): Promise<ReadDiagnosis[]> {
  const parsed = rows.map((row) => ({ row, computedAt: new Date(row.computed_at), parsed: parseStoredDiagnosis(JSON.parse(row.evidence)) }));
  const readable = parsed.flatMap((p) => (p.parsed.ok ? [p.parsed.diagnosis] : []));
  const expanded = await withSpansExpanded(db(), accountId, readable);
  return parsed.map(({ row, computedAt, parsed }) => {
    if (parsed.ok) return { snapshotId: row.id, computedAt, readable: true, diagnosis: expanded.shift()! };
    logUnexpected(`unreadable health snapshot ${row.id}`, parsed.reason);
    return { snapshotId: row.id, computedAt, readable: false, reason: parsed.reason };
  });
}

/** The latest diagnosis alone (IT only). */
export async function getLatestDiagnosis(actor: Actor, accountId: string): Promise<ReadDiagnosis | null> {
  await openAccount(actor, accountId, (access) => access === "full");
  const [row] = await db().$queryRaw<SnapshotRow[]>`
    SELECT id, computed_at, evidence::text AS evidence FROM health_snapshots
    WHERE account_id = ${accountId} ORDER BY computed_at DESC, id DESC LIMIT 1`;
  return row ? (await read(accountId, [row]))[0]! : null;
}

/**
 * The latest diagnosis and the one to compare it with: the latest earlier snapshot that reads
 * differently (by diagnosisKey's parts). Not simply the snapshot before: an unchanged account
 * still gets a snapshot each day (lib/health/recompute.ts), and "what changed since yesterday:
 * nothing" would hide the change that put the account where it is. The latest names it
 * (compared_with_id, set when stored); a row stored without it (by hand, or before it was kept)
 * has it searched for. One query for both.
 */
export async function getAccountDiagnosis(actor: Actor, accountId: string): Promise<AccountDiagnosis> {
  await openAccount(actor, accountId, (access) => access === "full");
  const rows = await db().$queryRaw<{ which: "current" | "previous"; id: string; computed_at: Date; evidence: string; config_version: number; moved_at: Date | null }[]>`
    WITH cur AS (
      SELECT id, account_id, computed_at, evidence, config_version, compared_with_id, change FROM health_snapshots
      WHERE account_id = ${accountId} ORDER BY computed_at DESC, id DESC LIMIT 1
    ), previous AS (
      SELECT p.id, p.computed_at, p.evidence, p.config_version FROM cur JOIN health_snapshots p ON p.id = cur.compared_with_id
      UNION ALL
      SELECT p.id, p.computed_at, p.evidence, p.config_version FROM cur CROSS JOIN LATERAL ${earlierDiffering("cur")} AS p
      WHERE cur.compared_with_id IS NULL AND cur.change IS NULL
    )
    SELECT 'current' AS which, cur.id, cur.computed_at, cur.evidence::text AS evidence, cur.config_version, NULL::timestamp AS moved_at FROM cur
    UNION ALL
    SELECT 'previous', p.id, p.computed_at, p.evidence::text, p.config_version,
      (SELECT min(m.computed_at) FROM health_snapshots m WHERE m.account_id = ${accountId} AND m.computed_at > p.computed_at)
    FROM previous p`;
  const currentRow = rows.find((row) => row.which === "current");
  const previousRow = rows.find((row) => row.which === "previous");
  if (!currentRow) return { current: null, comparison: null, sources: {} };
  // Both expanded in one statement, each reading the records of its window.
  const [current, previous = null] = await read(accountId, previousRow ? [currentRow, previousRow] : [currentRow]);
  if (!current) return { current: null, comparison: null, sources: {} };
  if (!current.readable) return { current, comparison: null, sources: {} };
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

export type { ChangedItem, PointChange };

export interface ScoreHistoryPoint {
  computedAt: Date;
  stage: Stage;
  score: number | null;
  /** Against the snapshot before it; null for the account's first diagnosis or when nothing moved. */
  change: PointChange | null;
}

// What changed at each point was worked out when the snapshot was stored (its `change` column,
// lib/health/store.ts). Rows stored without it carry their evidence items (whole, or compacted
// by the migration to what the chart reads): their change is worked out here, validated like a
// whole diagnosis would be.
const projectedSchema = z.array(evidenceSchema.pick({ signal: true, stage: true, weight: true, message: true, sourceIds: true }));
const storedChangeSchema = z.object({ point: z.unknown() });

/**
 * The account's diagnoses over the last year, oldest first, each with what changed since the one
 * before (the first against the last one before the year). One query over the window.
 */
export async function getScoreHistory(actor: Actor, accountId: string, now = new Date()): Promise<ScoreHistoryPoint[]> {
  await openAccount(actor, accountId, (access) => access === "full");
  const since = new Date(now.getTime() - SCORE_HISTORY_DAYS * 86_400_000);
  const rows = await db().$queryRaw<{ computed_at: Date; stage: Stage; score: number | null; change: string | null; items: string | null }[]>`
    SELECT s.computed_at, s.stage::text AS stage, s.score, s.change::text AS change,
      CASE WHEN s.change IS NULL THEN (${projectedItems("s")})::text END AS items
    FROM health_snapshots s
    WHERE s.account_id = ${accountId} AND s.computed_at <= ${now} AND (
      s.computed_at >= ${since}
      OR s.id = (SELECT b.id FROM health_snapshots b WHERE b.account_id = ${accountId} AND b.computed_at < ${since} ORDER BY b.computed_at DESC, b.id DESC LIMIT 1))
    ORDER BY s.computed_at, s.id`;
  const points = rows.map((row) => {
    const items = projectedSchema.safeParse(row.items === null ? null : JSON.parse(row.items));
    const stored = row.change === null ? null : storedChangeSchema.safeParse(JSON.parse(row.change));
    return {
      computedAt: new Date(row.computed_at),
      stage: row.stage,
      score: row.score === null ? null : Number(row.score),
      evidence: items.success ? items.data : null,
      stored: stored?.success ? ((stored.data.point ?? null) as PointChange | null) : undefined,
    };
  });
  const inWindow = points.findIndex((point) => point.computedAt >= since);
  if (inWindow < 0) return [];
  return points.slice(inWindow).map((point, index) => {
    const before = points[inWindow + index - 1];
    const change = point.stored !== undefined ? point.stored : before ? changeAt(before, point) : null;
    return { computedAt: point.computedAt, stage: point.stage, score: point.score, change };
  });
}

