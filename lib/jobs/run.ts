import type { Catalogue, JobRun } from "./types";

/**
 * Runs one job as both job systems do: validates the payload, takes `now` from the clock, times
 * the run and reports it. Rethrows a failure so that pg-boss can retry the job.
 */
export async function runJob(catalogue: Catalogue, name: string, payload: unknown, clock: () => Date, onRun: (run: JobRun) => void): Promise<void> {
  const definition = catalogue[name];
  if (!definition) throw new Error(`Unknown job "${name}"`);
  const now = clock();
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const result = await definition.run(definition.payload.parse(payload), { now });
    onRun({ name, now, ms: ms(), result });
  } catch (error) {
    onRun({ name, now, ms: ms(), error });
    throw error;
  }
}

export function logRun({ name, now, ms, result, error }: JobRun): void {
  if (error) console.error(`[jobs] ${name} (as of ${now.toISOString()}) failed after ${ms} ms:`, error);
  else console.info(`[jobs] ${name} (as of ${now.toISOString()}) done in ${ms} ms`, result ?? "");
}
