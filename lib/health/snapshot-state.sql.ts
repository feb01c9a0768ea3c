import { Prisma, type Stage } from "../generated/prisma/client";
import type { DiffEvidence } from "../scoring/diff";
import { ms } from "./account-signals.sql";
import { projectedItems } from "./snapshot";

// What a re-diagnosis needs of the account's stored snapshots, as columns of the statement in
// inputs.ts: the history the library reads (each day's last stage and score in each window asked
// for, plus the last one before it) and the latest snapshot's parts that decide whether the new
// diagnosis changed. Every lookup walks the (account_id, computed_at) index of one account.

const DAY_MS = 86_400_000;

export interface SnapshotStateRow {
  /** The account row's version (xmin): any write to the account since this read changes it. */
  version: string;
  /** By history window in days (as text). */
  histories: Record<string, { at: number; stage: Stage; score: number | null }[] | null>;
  latest: {
    id: string;
    at: number;
    config_version: number;
    compared_with_id: string | null;
    /** The row was stored with its comparison (by storeDiagnoses): compared_with_id null means none. */
    pointer_known: boolean;
    /** The row's own stage and score columns (the evidence's parts below may be missing). */
    row_stage: Stage;
    row_score: number | null;
    stage: unknown;
    score: unknown;
    confidence: unknown;
    observations: unknown;
    /** Null when the row has no evidence list (hand-written). */
    items: DiffEvidence[] | null;
  } | null;
  /** A snapshot after `now` exists (a replay of history): the latest before it stays as it is. */
  later: boolean;
}

function historyOf(now: Date, days: number): Prisma.Sql {
  const since = new Date(now.getTime() - days * DAY_MS);
  // Plus the last diagnosis before the window: an account quiet for months keeps its previous
  // stage (and so the slow-recovery rule). Nothing from before the current epoch (`w`,
  // account-signals.sql.ts): a new baseline is not held at the stage that ended the last one.
  return Prisma.sql`(SELECT json_agg(json_build_object('at', ${ms("h.computed_at")}, 'stage', h.stage, 'score', h.score) ORDER BY h.computed_at)
      FROM (
        (SELECT computed_at, stage, score FROM health_snapshots
         WHERE account_id = a.id AND computed_at <= ${since} AND computed_at >= w.epoch ORDER BY computed_at DESC LIMIT 1)
        UNION ALL
        (SELECT DISTINCT ON (date_trunc('day', computed_at)) computed_at, stage, score FROM health_snapshots
         WHERE account_id = a.id AND computed_at > ${since} AND computed_at <= ${now} AND computed_at >= w.epoch
         ORDER BY date_trunc('day', computed_at), computed_at DESC)
      ) AS h)`;
}

/** The columns of SnapshotStateRow for the account `a` of the enclosing query. */
export function snapshotStateColumns(now: Date, windows: readonly number[]): Prisma.Sql {
  const histories = windows.length === 0 ? Prisma.sql`'{}'::json` : Prisma.sql`json_build_object(${Prisma.join(windows.map((days) => Prisma.sql`${String(days)}::text, ${historyOf(now, days)}`))})`;
  return Prisma.sql`
      a.xmin::text AS version,
      ${histories} AS histories,
      (SELECT json_build_object(
          'id', s.id, 'at', ${ms("s.computed_at")}, 'config_version', s.config_version, 'compared_with_id', s.compared_with_id, 'pointer_known', s.change IS NOT NULL,
          'row_stage', s.stage, 'row_score', s.score, 'stage', s.evidence->'stage', 'score', s.evidence->'score', 'confidence', s.evidence->'confidence',
          'observations', s.evidence->'observations', 'items', ${projectedItems("s")})
        FROM health_snapshots s
        WHERE s.account_id = a.id AND s.computed_at <= ${now}
        ORDER BY s.computed_at DESC, s.id DESC LIMIT 1) AS latest,
      EXISTS (SELECT 1 FROM health_snapshots l WHERE l.account_id = a.id AND l.computed_at > ${now}) AS later`;
}
