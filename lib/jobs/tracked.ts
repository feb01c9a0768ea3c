import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { claimQueuedTaskRuns, finishTaskRun, reportProgress, startTaskRun } from "../data/task-runs";

/** What tracked work reports: the task run's detail when done, with a sentence for people. */
export type TrackedResult = Prisma.InputJsonObject & { summary: string };

/**
 * Runs a job's work with its progress in task_runs, for the screens: it takes over every run of
 * `kind` that a screen queued (they all wait for the same work), or starts its own (a scheduled
 * run), reports progress to them and records the outcome. A failure is recorded and rethrown, so
 * the job system still retries the job.
 */
export async function trackedRun<T extends TrackedResult>(
  prisma: PrismaClient,
  kind: string,
  work: (progress: (done: number, total: number) => Promise<void>) => Promise<T>,
): Promise<T> {
  const claimed = await claimQueuedTaskRuns(prisma, kind);
  const ids = claimed.length > 0 ? claimed : [(await startTaskRun(prisma, { kind, status: "RUNNING" })).id];
  try {
    const result = await work((done, total) => reportProgress(prisma, ids, done, total));
    await finishTaskRun(prisma, ids, { status: "SUCCEEDED", detail: result });
    return result;
  } catch (error) {
    await finishTaskRun(prisma, ids, { status: "FAILED", error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
