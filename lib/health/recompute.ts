import type { Tx } from "../data/audit";
import { type ConfigInForce, configInForce, historyDays } from "../data/scoring-config";
import { type Diagnosis, diagnoseParsed, type ScoringConfig } from "../scoring";
import { type DiagnosisInputs, loadDiagnosisInputs } from "./inputs";
import { type Rediagnosed, storeDiagnoses } from "./store";

/**
 * Diagnoses each account as of `now` with the configuration in force (read from the database on
 * each call: several instances share it), updates the accounts' health summaries, and stores a
 * health snapshot, recording that configuration's version, for each diagnosis that changed, was
 * made under another configuration than the latest snapshot, or is the account's first today
 * (UTC), so that a rescore of unchanged accounts leaves history as it was. A constant number of
 * statements however many accounts there are and however long their history: one read, one lock,
 * one write. Runs inside the caller's transaction.
 */
export async function recomputeHealth(tx: Tx, accountIds: string[], now: Date, inForce?: ConfigInForce): Promise<Map<string, Diagnosis>> {
  if (accountIds.length === 0) return new Map();
  const { version, config } = inForce ?? (await configInForce(tx));
  const rediagnose = async (ids: string[]) => {
    const inputs = await loadDiagnosisInputs(tx, ids, now, [historyDays(config)]);
    return new Map([...inputs].map(([id, read]) => [id, { inputs: read, diagnosis: diagnosis(read, now, config) }]));
  };
  // Read and diagnose before locking, so a write to an account waits for another only while that
  // one stores its result, not while it reads the account's year. Two writes at once (an RM
  // logging while the client rates) would then each miss the other's new row: every write to an
  // account changes its row (the summary update below), so a version (xmin) that moved between
  // the read and the lock means another write committed in between, and that account is read
  // again under the lock. One that commits after our lock waits for it and sees our row. NO KEY
  // UPDATE, because the rows the writes just inserted hold KEY SHARE locks on their account (FOR
  // UPDATE would deadlock); in id order, so batches never deadlock each other.
  const diagnosed: Map<string, Rediagnosed> = await rediagnose(accountIds);
  const locked = await tx.$queryRaw<{ id: string; version: string }[]>`
    SELECT id, xmin::text AS version FROM accounts WHERE id = ANY(${accountIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;
  const moved = locked.filter((row) => diagnosed.get(row.id)?.inputs.version !== row.version).map((row) => row.id);
  if (moved.length > 0) for (const [id, again] of await rediagnose(moved)) diagnosed.set(id, again);

  await storeDiagnoses(tx, diagnosed, now, version);
  return new Map([...diagnosed].map(([id, { diagnosis }]) => [id, diagnosis]));
}

function diagnosis(inputs: DiagnosisInputs, now: Date, config: ScoringConfig, days = historyDays(config)): Diagnosis {
  return diagnoseParsed(inputs.signals, { now, history: inputs.histories.get(days) ?? [], config });
}

/**
 * Each account's diagnosis as of `now` under each of `configs` (one list per account, in the same
 * order), from one load of its signals and history. Reads only: the settings page's preview runs
 * a draft through it beside the configuration in force.
 */
export async function diagnoseAccounts(tx: Tx, accountIds: string[], now: Date, configs: readonly ScoringConfig[]): Promise<Map<string, Diagnosis[]>> {
  const inputs = await loadDiagnosisInputs(tx, accountIds, now, [...new Set(configs.map(historyDays))]);
  return new Map(accountIds.map((id) => [id, configs.map((config) => diagnosis(inputs.get(id) ?? emptyInputs, now, config))]));
}

/** An account with nothing recorded (the preview asks about ids that may be gone). */
const emptyInputs: DiagnosisInputs = { signals: { ratings: [], interactions: [], followUps: [] }, histories: new Map(), latest: null, later: false, version: "" };

/** The one account a write just changed, re-diagnosed in the same request (`inForce`: the configuration, if read already). */
export async function recomputeAccountHealth(tx: Tx, accountId: string, now: Date, inForce?: ConfigInForce): Promise<Diagnosis> {
  return (await recomputeHealth(tx, [accountId], now, inForce)).get(accountId) as Diagnosis;
}
