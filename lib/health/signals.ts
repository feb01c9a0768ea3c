import type { Tx } from "../data/audit";
import type { ParsedSignals } from "../scoring";
import { loadDiagnosisInputs } from "./inputs";

export { SIGNAL_LOOKBACK_DAYS } from "./inputs";

/** Everything the scoring library needs about each account as of `now`, in one statement (inputs.ts). */
export async function loadSignals(tx: Tx, accountIds: string[], now: Date): Promise<Map<string, ParsedSignals>> {
  const inputs = await loadDiagnosisInputs(tx, accountIds, now, []);
  return new Map([...inputs].map(([id, { signals }]) => [id, signals]));
}
