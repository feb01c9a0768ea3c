import type { Tx } from "../data/audit";
import { epochStartColumn } from "../data/epoch-starts";
import type { Stage } from "../generated/prisma/client";
import { Prisma } from "../generated/prisma/client";
import type { HistoryEntry, ParsedSignals } from "../scoring";
import type { DiffEvidence } from "../scoring/diff";
import { type AccountSignalRow, recordedColumns } from "./account-signals.sql";
import { type ActivityRow, activityColumns } from "./activity.sql";
import { toParsedSignals } from "./parse-signals";
import { type SnapshotStateRow, snapshotStateColumns } from "./snapshot-state.sql";
import { diagnosisKey } from "./snapshot";

/** The account's latest snapshot as of `now`, as a re-diagnosis compares and links to it. */
export interface LatestSnapshot {
  id: string;
  computedAt: Date;
  configVersion: number;
  comparedWithId: string | null;
  /** comparedWithId null means it has none (false: a row from before pointers were kept, or made by hand). */
  pointerKnown: boolean;
  /** diagnosisKey of what it says. */
  key: string;
  stage: Stage;
  score: number | null;
  /** Null when it has no readable evidence list. */
  evidence: DiffEvidence[] | null;
}

/** Everything a re-diagnosis of one account reads. */
export interface DiagnosisInputs {
  signals: ParsedSignals;
  /** By history window (days). */
  histories: Map<number, HistoryEntry[]>;
  latest: LatestSnapshot | null;
  /** The account has a snapshot after `now` (a replay of history). */
  later: boolean;
  /** The account row's version when read (see recompute.ts). */
  version: string;
}

/**
 * The scoring library's windows reach back a year at most (defaultConfig.windows), so older rows
 * are left out; follow-ups still open are included whatever their age, since they stay owed.
 */
export const SIGNAL_LOOKBACK_DAYS = 400;

type Row = AccountSignalRow & ActivityRow & SnapshotStateRow;

/**
 * The signals, history and latest snapshot of each account as of `now`, in ONE statement: one row
 * per account, each kind a JSON array built by PostgreSQL, each read through an index on the
 * account. `windows`: the history windows (days) wanted, one per scoring configuration.
 * Accounts that do not exist are left out. An account whose current epoch started (issue 10:
 * death and reincarnation, lib/data/epoch-starts.ts) is read from that start on: a new baseline.
 */
export async function loadDiagnosisInputs(tx: Tx, accountIds: string[], now: Date, windows: readonly number[]): Promise<Map<string, DiagnosisInputs>> {
  if (accountIds.length === 0) return new Map();
  const since = new Date(now.getTime() - SIGNAL_LOOKBACK_DAYS * 86_400_000);
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT a.id, ${recordedColumns(now)}, ${activityColumns(now)}, ${snapshotStateColumns(now, windows)}
    FROM accounts a
    CROSS JOIN LATERAL (
      SELECT x.epoch, greatest(${since}::timestamp, x.epoch) AS since
      FROM (SELECT coalesce(timestamp 'epoch' + y.epoch_start * interval '1 millisecond', '-infinity'::timestamp) AS epoch
            FROM (SELECT ${epochStartColumn(now)}) y) x
    ) w
    WHERE a.id = ANY(${accountIds}::text[])`);
  return new Map(rows.map((row) => [row.id, toInputs(row, now, windows)]));
}

function toInputs(row: Row, now: Date, windows: readonly number[]): DiagnosisInputs {
  const histories = new Map(
    windows.map((days) => [days, (row.histories[String(days)] ?? []).map((h) => ({ at: new Date(h.at), stage: h.stage, score: h.score === null ? null : Number(h.score) }))]),
  );
  const l = row.latest;
  const latest: LatestSnapshot | null = l && {
    id: l.id,
    computedAt: new Date(l.at),
    configVersion: Number(l.config_version),
    comparedWithId: l.compared_with_id,
    pointerKnown: l.pointer_known,
    key: diagnosisKey({ stage: l.stage, score: l.score, confidence: l.confidence, observations: l.observations, evidence: l.items ?? [] } as Parameters<typeof diagnosisKey>[0]),
    stage: l.row_stage,
    score: l.row_score,
    evidence: l.items,
  };
  return { signals: toParsedSignals(row, now), histories, latest, later: row.later, version: row.version };
}
