import type { Tx } from "../data/audit";
import { type ConfigInForce, configInForce, historyDays } from "../data/scoring-config";
import type { Prisma, Stage } from "../generated/prisma/client";
import { type Diagnosis, diagnoseParsed, type HistoryEntry, type ParsedSignals, type ScoringConfig } from "../scoring";
import { loadSignals } from "./signals";
import { comparedSql, diagnosisKey } from "./snapshot";

/**
 * Diagnoses each account as of `now` with the configuration in force (read from the database on
 * each call: several instances share it), updates the accounts' health summaries, and stores a
 * health snapshot, recording that configuration's version, for each diagnosis that changed, was
 * made under another configuration than the latest snapshot, or is the account's first today
 * (UTC), so that a rescore of unchanged accounts leaves history as it was. A constant number of
 * queries however many accounts there are. Runs inside the caller's transaction.
 */
export async function recomputeHealth(tx: Tx, accountIds: string[], now: Date, inForce?: ConfigInForce): Promise<Map<string, Diagnosis>> {
  if (accountIds.length === 0) return new Map();
  // Two writes to one account at once (an RM logging while the client rates) would each miss the
  // other's new row: the second waits here, then reads both. NO KEY UPDATE, because the rows the
  // writes just inserted hold KEY SHARE locks on their account (FOR UPDATE would deadlock); in id
  // order, so batches never deadlock each other.
  await tx.$queryRaw`SELECT id FROM accounts WHERE id = ANY(${accountIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;
  const { version, config } = inForce ?? (await configInForce(tx));
  const [diagnoses, latest] = await Promise.all([diagnoseAccounts(tx, accountIds, now, [config]), loadLatestSnapshots(tx, accountIds, now)]);

  const rows = [...diagnoses].map(([id, [diagnosis]]) => [id, diagnosis as Diagnosis] as const);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const changed = rows.filter(([id, diagnosis]) => {
    const last = latest.get(id);
    return !last || last.computedAt.getTime() < today || last.configVersion !== version || last.key !== diagnosisKey(diagnosis);
  });
  if (changed.length > 0) {
    await tx.healthSnapshot.createMany({
      data: changed.map(([accountId, diagnosis]) => ({
        accountId,
        stage: diagnosis.stage,
        score: diagnosis.score,
        confidence: diagnosis.confidence,
        evidence: diagnosis as unknown as Prisma.InputJsonValue,
        computedAt: now,
        configVersion: version,
      })),
    });
  }
  // One UPDATE for all the accounts: the summary the dashboard reads.
  await tx.$executeRaw`
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
  return new Map(rows);
}

/**
 * Each account's diagnosis as of `now` under each of `configs` (one list per account, in the same
 * order), from one load of its signals and history. Reads only: the settings page's preview runs
 * a draft through it beside the configuration in force.
 */
export async function diagnoseAccounts(tx: Tx, accountIds: string[], now: Date, configs: readonly ScoringConfig[]): Promise<Map<string, Diagnosis[]>> {
  const windows = [...new Set(configs.map(historyDays))];
  const [signals, ...histories] = await Promise.all([loadSignals(tx, accountIds, now), ...windows.map((days) => loadHistories(tx, accountIds, now, days))]);
  return new Map(
    accountIds.map((id) => [
      id,
      configs.map((config) => {
        const history = histories[windows.indexOf(historyDays(config))]?.get(id) ?? [];
        return diagnoseParsed(signals.get(id) as ParsedSignals, { now, history, config });
      }),
    ]),
  );
}

/** The one account a write just changed, re-diagnosed in the same request. */
export async function recomputeAccountHealth(tx: Tx, accountId: string, now: Date): Promise<Diagnosis> {
  return (await recomputeHealth(tx, [accountId], now)).get(accountId) as Diagnosis;
}

/** History is sampled as each day's last snapshot: a busy account gets many a day. */
async function loadHistories(tx: Tx, accountIds: string[], now: Date, days: number): Promise<Map<string, HistoryEntry[]>> {
  const since = new Date(now.getTime() - days * 86_400_000);
  // Plus each account's last diagnosis before the window: an account quiet for months keeps
  // its previous stage (and so the slow-recovery rule).
  const rows = await tx.$queryRaw<{ account_id: string; computed_at: Date; stage: Stage; score: number | null }[]>`
    (SELECT DISTINCT ON (account_id, date_trunc('day', computed_at))
       account_id, computed_at, stage::text AS stage, score
     FROM health_snapshots
     WHERE account_id = ANY(${accountIds}::text[]) AND computed_at > ${since} AND computed_at <= ${now}
     ORDER BY account_id, date_trunc('day', computed_at), computed_at DESC)
    UNION ALL
    (SELECT DISTINCT ON (account_id) account_id, computed_at, stage::text AS stage, score
     FROM health_snapshots
     WHERE account_id = ANY(${accountIds}::text[]) AND computed_at <= ${since}
     ORDER BY account_id, computed_at DESC)`;
  const histories = new Map<string, HistoryEntry[]>();
  for (const row of rows) {
    const list = histories.get(row.account_id) ?? [];
    list.push({ at: new Date(row.computed_at), stage: row.stage, score: row.score === null ? null : Number(row.score) });
    histories.set(row.account_id, list);
  }
  return histories;
}

/** Each account's latest snapshot as of `now`: when, its diagnosisKey and configuration version. One index probe per account. */
async function loadLatestSnapshots(
  tx: Tx,
  accountIds: string[],
  now: Date,
): Promise<Map<string, { computedAt: Date; key: string; configVersion: number }>> {
  const rows = await tx.$queryRaw<{ account_id: string; computed_at: Date; compared: string; config_version: number }[]>`
    SELECT a.id AS account_id, s.computed_at, ${comparedSql} AS compared, s.config_version
    FROM unnest(${accountIds}::text[]) AS a(id)
    CROSS JOIN LATERAL (
      SELECT computed_at, evidence, config_version FROM health_snapshots
      WHERE account_id = a.id AND computed_at <= ${now}
      ORDER BY computed_at DESC
      LIMIT 1
    ) AS s`;
  return new Map(
    rows.map((row) => [row.account_id, { computedAt: new Date(row.computed_at), key: diagnosisKey(JSON.parse(row.compared)), configVersion: Number(row.config_version) }]),
  );
}
