import { connection } from "../db/client";
import { env } from "../env";
import { type AppJobs, jobs } from "./catalogue";
import { startInProcessJobs } from "./in-process";
import { startPgBossJobs, startPgBossSender } from "./pg-boss";
import { phraseEngineChanged } from "./redetect";
import { logRun } from "./run";
import type { Catalogue, JobSystem, JobSystemOptions, PayloadOf } from "./types";

/** Starts the job system for the database in use: pg-boss on PostgreSQL, in-process on PGlite. */
export async function createJobSystem<C extends Catalogue>(catalogue: C, options: JobSystemOptions<C>): Promise<JobSystem<C>> {
  const settings = { ...options, clock: options.clock ?? (() => new Date()), onRun: options.onRun ?? logRun };
  if (connection().kind === "pglite") return startInProcessJobs(catalogue, settings);
  // pg-boss opens its own pool, so it takes the URL rather than the app's client.
  return startPgBossJobs(catalogue, env().DATABASE_URL as string, settings);
}

/** Rapport's jobs on their configured schedules (RESCORE_CRON). */
export function createAppJobs(options: Partial<JobSystemOptions<AppJobs>> = {}): Promise<JobSystem<AppJobs>> {
  return createJobSystem(jobs, {
    schedules: [
      { job: "rescore-all", cron: env().RESCORE_CRON, payload: {} },
      // Campaigns open, remind and close on time; creating one that opens now also queues a tick.
      { job: "campaigns-tick", cron: "*/5 * * * *", payload: {} },
      // The outbox's sweep: queued emails go within a minute even if the nudge after queuing was lost.
      { job: "deliver-emails", cron: "* * * * *", payload: {} },
      // Alerts: a changed diagnosis reaches its unit's manager and the CIO within a minute.
      { job: "detect-alerts", cron: "* * * * *", payload: {} },
      // Each sponsor's monthly value report: on the 1st at 07:00 UTC, for the month just ended.
      { job: "monthly-reports", cron: "0 7 1 * *", payload: {} },
      // Webhooks: an event reaches its subscribers within a minute; retries come due on their own.
      { job: "deliver-webhooks", cron: "* * * * *", payload: {} },
      // Retention: daily, after the night's rescore.
      { job: "prune-snapshots", cron: "30 3 * * *", payload: {} },
      { job: "prune-expired", cron: "45 3 * * *", payload: {} },
    ],
    ...options,
  });
}

type Sender = Pick<JobSystem<AppJobs>, "send" | "stop">;

// One per server process, surviving hot reloads in development (like the database connection).
const globalForJobs = globalThis as typeof globalThis & { __rapportJobs?: Promise<JobSystem<AppJobs>>; __rapportJobSender?: Promise<Sender> };

/**
 * Queues one of Rapport's jobs from any instance; resolves once it is queued. The payload is
 * checked against the catalogue first (a ZodError names what is wrong). An exclusive job already
 * waiting is not queued twice: the waiting one does the same work. Where this process runs jobs,
 * its own system takes it. Otherwise, on PostgreSQL, a send-only pg-boss queues it for the
 * instances that run jobs; on PGlite, which no other process can open, this process runs it
 * (a schedule-less in-process system, even with RAPPORT_JOBS=off).
 */
export async function enqueueJob<N extends keyof AppJobs & string>(name: N, payload: PayloadOf<AppJobs, N>): Promise<void> {
  jobs[name].payload.parse(payload);
  const system = globalForJobs.__rapportJobs ?? (globalForJobs.__rapportJobSender ??= startSender());
  try {
    await (await system).send(name, payload);
  } catch (error) {
    // A sender that failed to start is tried afresh next time.
    if (globalForJobs.__rapportJobSender === system) globalForJobs.__rapportJobSender = undefined;
    throw error;
  }
}

function startSender(): Promise<Sender> {
  if (connection().kind === "pglite") return createAppJobs({ schedules: [] });
  return startPgBossSender(jobs, env().DATABASE_URL as string);
}

/** Starts this server's jobs once, unless RAPPORT_JOBS=off, and stops them when the server stops. */
export async function startJobs(): Promise<void> {
  if (env().RAPPORT_JOBS === "off" || globalForJobs.__rapportJobs) return;
  globalForJobs.__rapportJobs = createAppJobs();
  // Next exits on its own after these signals, so stopping is best effort: pg-boss retries a job
  // cut short once it expires.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void stopJobs());
  try {
    const system = await globalForJobs.__rapportJobs;
    // Operators (and the two-instance test) see which instances take jobs.
    console.info(`[jobs] started (${system.kind}) in process ${process.pid}`);
  } catch (error) {
    globalForJobs.__rapportJobs = undefined;
    throw error;
  }
  // Hits stored by another phrase engine are re-detected, once: the job is exclusive.
  if (await phraseEngineChanged(connection().prisma)) await enqueueJob("redetect-phrases", {});
}

/** Stops this process's jobs and its sender, if any (a job running in it finishes first). */
export async function stopJobs(): Promise<void> {
  const running = [globalForJobs.__rapportJobs, globalForJobs.__rapportJobSender];
  globalForJobs.__rapportJobs = undefined;
  globalForJobs.__rapportJobSender = undefined;
  await Promise.all(running.map((current) => current?.then((system) => system.stop())));
}
