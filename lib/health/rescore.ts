import { configInForce } from "../data/scoring-config";
import type { PrismaClient } from "../generated/prisma/client";
import { recomputeHealth } from "./recompute";

/** Accounts re-diagnosed per transaction: large enough for few round trips, small enough to bound memory. */
export const RESCORE_BATCH_SIZE = 250;

export interface RescoreOptions {
  /**
   * Batches in flight at once. Two lets the database work on one batch while Node diagnoses the
   * other; PGlite runs one query at a time, so it gains nothing there.
   */
  concurrency?: number;
  /** Called with 0 first, then after each batch; awaited, so a slow report slows the run. */
  onProgress?: (done: number, total: number) => unknown;
}

/**
 * Re-diagnoses every account as of `now` (e.g. after the scoring configuration changed) with the
 * configuration in force when the run starts, so that one run applies one version; counts the
 * accounts whose stage it changed.
 */
export async function rescoreAll(
  prisma: PrismaClient,
  now: Date,
  { concurrency = 1, onProgress }: RescoreOptions = {},
): Promise<{ accounts: number; stageChanges: number; configVersion: number }> {
  const inForce = await configInForce(prisma);
  const accounts = await prisma.account.findMany({ select: { id: true, healthStage: true }, orderBy: { id: "asc" } });
  const stageBefore = new Map(accounts.map((account) => [account.id, account.healthStage]));
  const ids = accounts.map((account) => account.id);
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += RESCORE_BATCH_SIZE) batches.push(ids.slice(start, start + RESCORE_BATCH_SIZE));

  let next = 0;
  let done = 0;
  let stageChanges = 0;
  await onProgress?.(0, ids.length);
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as string[];
      const diagnoses = await prisma.$transaction((tx) => recomputeHealth(tx, batch, now, inForce), { timeout: 300_000, maxWait: 60_000 });
      for (const [id, diagnosis] of diagnoses) if (stageBefore.get(id) !== diagnosis.stage) stageChanges++;
      done += batch.length;
      await onProgress?.(done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return { accounts: ids.length, stageChanges, configVersion: inForce.version };
}
