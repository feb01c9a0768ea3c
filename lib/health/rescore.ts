import type { PrismaClient } from "../generated/prisma/client";
import { recomputeHealth } from "./recompute";

/** Accounts re-diagnosed per transaction: large enough for few round trips, small enough to bound memory. */
export const RESCORE_BATCH_SIZE = 250;

/** Re-diagnoses every account as of `now` (e.g. after the scoring configuration changed). */
export async function rescoreAll(
  prisma: PrismaClient,
  now: Date,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<{ accounts: number }> {
  const ids = (await prisma.account.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((account) => account.id);
  for (let start = 0; start < ids.length; start += RESCORE_BATCH_SIZE) {
    const batch = ids.slice(start, start + RESCORE_BATCH_SIZE);
    await prisma.$transaction((tx) => recomputeHealth(tx, batch, now), { timeout: 300_000, maxWait: 60_000 });
    onProgress(Math.min(start + RESCORE_BATCH_SIZE, ids.length), ids.length);
  }
  return { accounts: ids.length };
}
