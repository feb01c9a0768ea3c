import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach } from "vitest";
import { db } from "../../lib/db/client";
import { createAppJobs, stopJobs } from "../../lib/jobs";
import type { JobSystem } from "../../lib/jobs/types";

// For tests of work that goes through the job queue: a separate worker where jobs run in another
// process in production, stopped (with this process's jobs) after each test; and waiting for it.
// On PostgreSQL the test files share one database, whose pg-boss schema the table truncation
// leaves alone: a job another test queued but nobody ran would run in this test's worker.

/** Registers the clean-up around each test; returns `startWorker`, for the tests that need one. */
export function jobWorkersPerTest(): { startWorker: () => Promise<void> } {
  const workers: JobSystem<never>[] = [];
  beforeEach(async () => {
    if (process.env.RAPPORT_TEST_DB !== "postgres") return;
    const [pgBoss] = await db().$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`;
    if (pgBoss?.exists) await db().$executeRawUnsafe(`DELETE FROM pgboss.job WHERE state IN ('created', 'retry')`);
  });
  afterEach(async () => {
    await stopJobs();
    await Promise.all(workers.splice(0).map((system) => system.stop()));
  });
  return {
    async startWorker() {
      // On PostgreSQL this process only sends the job (as a web-only instance would); a worker runs it.
      if (process.env.RAPPORT_TEST_DB === "postgres") workers.push((await createAppJobs({ schedules: [], pollSeconds: 1, onRun: () => {} })) as unknown as JobSystem<never>);
    },
  };
}

/** Reads until `done` says yes, every 100 ms, failing after `timeoutMs`. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await sleep(100);
  }
}
