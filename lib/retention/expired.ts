import type { PrismaClient } from "../generated/prisma/client";

// Rows that are kept for a while and then mean nothing: swept daily by the "prune-expired" job.
// No "server-only" marker: the job catalogue, which scripts load too, imports this.

/** An API create's Idempotency-Key is remembered for a day (decision 029). */
export const KEY_LIFETIME_MS = 24 * 3_600_000;

/**
 * An uploaded CSV file is kept this long after its import ends (or after it was uploaded and never
 * started): long enough to correct and start a failed one again; what it did stays in the audit log.
 */
export const CSV_IMPORT_KEEP_DAYS = 30;

export async function pruneExpired(prisma: PrismaClient, now: Date): Promise<{ idempotencyKeys: number; csvImports: number }> {
  const keys = await prisma.apiIdempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEY_LIFETIME_MS) } } });
  const cutoff = new Date(now.getTime() - CSV_IMPORT_KEEP_DAYS * 86_400_000);
  const imports = await prisma.csvImport.deleteMany({
    where: {
      OR: [
        { status: { in: ["SUCCEEDED", "FAILED"] }, finishedAt: { lt: cutoff } },
        { status: "STAGED", createdAt: { lt: cutoff } },
      ],
    },
  });
  return { idempotencyKeys: keys.count, csvImports: imports.count };
}
