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
  onProgress?: (done: number, total: number) => void;
}

/** Re-diagnoses every account as of `now` (e.g. after the scoring configuration changed). */
export async function rescoreAll(prisma: PrismaClient, now: Date, { concurrency = 1, onProgress }: RescoreOptions = {}): Promise<{ accounts: number }> {
  const ids = (await prisma.account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((account) => account.id);
  const batches: string[][] = [];
  for (let start = 0; start < ids.length; start += RESCORE_BATCH_SIZE) batches.push(ids.slice(start, start + RESCORE_BATCH_SIZE));

  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as string[];
      await prisma.$transaction((tx) => recomputeHealth(tx, batch, now), { timeout: 300_000, maxWait: 60_000 });
      done += batch.length;
      onProgress?.(done, ids.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
  return { accounts: ids.length };
}
