import { connection } from "../db/client";
import { env } from "../env";
import { type AppJobs, jobs } from "./catalogue";
import { startInProcessJobs } from "./in-process";
import { startPgBossJobs } from "./pg-boss";
import { logRun } from "./run";
import type { Catalogue, JobSystem, JobSystemOptions } from "./types";

/** Starts the job system for the database in use: pg-boss on PostgreSQL, in-process on PGlite. */
export async function createJobSystem<C extends Catalogue>(catalogue: C, options: JobSystemOptions<C>): Promise<JobSystem<C>> {
  const settings = { ...options, clock: options.clock ?? (() => new Date()), onRun: options.onRun ?? logRun };
  if (connection().kind === "pglite") return startInProcessJobs(catalogue, settings);
  // pg-boss opens its own pool, so it takes the URL rather than the app's client.
  return startPgBossJobs(catalogue, env().DATABASE_URL as string, settings);
}

/** Rapport's jobs on their configured schedules (RESCORE_CRON). */
export function createAppJobs(options: Partial<JobSystemOptions<AppJobs>> = {}): Promise<JobSystem<AppJobs>> {
  return createJobSystem(jobs, { schedules: [{ job: "rescore-all", cron: env().RESCORE_CRON, payload: {} }], ...options });
}

// One per server process, surviving hot reloads in development (like the database connection).
const globalForJobs = globalThis as typeof globalThis & { __rapportJobs?: Promise<JobSystem<AppJobs>> };

/** Starts this server's jobs once, unless RAPPORT_JOBS=off, and stops them when the server stops. */
export async function startJobs(): Promise<void> {
  if (env().RAPPORT_JOBS === "off" || globalForJobs.__rapportJobs) return;
  globalForJobs.__rapportJobs = createAppJobs();
  // Next exits on its own after these signals, so stopping is best effort: pg-boss retries a job
  // cut short once it expires.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs());
  try {
    await globalForJobs.__rapportJobs;
  } catch (error) {
    globalForJobs.__rapportJobs = undefined;
    throw error;
  }
}

export async function stopJobs(): Promise<void> {
  const current = globalForJobs.__rapportJobs;
  globalForJobs.__rapportJobs = undefined;
  await current?.then((system) => system.stop());
}
