import PgBoss from "pg-boss";
import { runJob } from "./run";
import type { Catalogue, JobRun, JobSystem, Schedule } from "./types";

/** pg-boss's tables live in their own schema, which it creates and migrates itself. */
export const PGBOSS_SCHEMA = "pgboss";

/**
 * The job system on PostgreSQL: pg-boss, with its own small pool on the app's database, so that
 * every instance shares one queue and one set of schedules. A schedule fires once however many
 * instances run: an instance looks at the schedules only when it is the one that advanced the
 * shared `cron_on` timestamp, and what a due schedule queues is keyed by its name and minute, so
 * a unique index refuses a second one in the same minute. A worker claims each job with
 * SKIP LOCKED, so one instance runs it.
 */
export async function startPgBossJobs<C extends Catalogue>(
  catalogue: C,
  connectionString: string,
  { schedules, clock, onRun, pollSeconds }: { schedules: readonly Schedule<C>[]; clock: () => Date; onRun: (run: JobRun) => void; pollSeconds?: number },
): Promise<JobSystem<C>> {
  const boss = new PgBoss({
    connectionString,
    schema: PGBOSS_SCHEMA,
    max: 3,
    application_name: "rapport-jobs",
    ...(pollSeconds ? { cronMonitorIntervalSeconds: pollSeconds, cronWorkerIntervalSeconds: pollSeconds } : {}),
  });
  // An unhandled "error" event would crash the server; pg-boss reports and carries on.
  boss.on("error", (error) => console.error("[jobs] pg-boss:", error));
  await boss.start();

  await applyQueues(boss, catalogue);
  for (const name of Object.keys(catalogue)) {
    await boss.work(name, pollSeconds ? { pollingIntervalSeconds: pollSeconds } : {}, async ([job]) => {
      if (job) await runJob(catalogue, name, job.data, clock, onRun);
    });
  }
  const scheduled = new Map(schedules.map((schedule) => [schedule.job, schedule]));
  for (const name of Object.keys(catalogue)) {
    const schedule = scheduled.get(name);
    // A schedule removed from the configuration is removed from the database too.
    if (schedule) await boss.schedule(name, schedule.cron, schedule.payload as object, { tz: "UTC" });
    else await boss.unschedule(name);
  }

  return {
    kind: "pg-boss",
    send: (name, payload) => sendJob(boss, catalogue, name, payload),
    async stop() {
      // Waits up to 20 s for a running job; one still running then is failed and retried later.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}

/**
 * Sends jobs without running any: for an instance with RAPPORT_JOBS=off (web only), whose jobs
 * the other instances run. No maintenance, no schedules, one connection.
 */
export async function startPgBossSender<C extends Catalogue>(catalogue: C, connectionString: string): Promise<Pick<JobSystem<C>, "send" | "stop">> {
  const boss = new PgBoss({ connectionString, schema: PGBOSS_SCHEMA, max: 1, application_name: "rapport-jobs-sender", supervise: false, schedule: false });
  boss.on("error", (error) => console.error("[jobs] pg-boss sender:", error));
  await boss.start();
  // The queues may not exist yet if no worker instance has started since they were added.
  await applyQueues(boss, catalogue);
  return {
    send: (name, payload) => sendJob(boss, catalogue, name, payload),
    stop: () => boss.stop({ graceful: false, wait: true }),
  };
}

/** Every catalogue queue with today's definition: exclusive jobs on a stately queue (one waiting, one running). */
async function applyQueues(boss: PgBoss, catalogue: Catalogue): Promise<void> {
  for (const [name, definition] of Object.entries(catalogue)) {
    const queue = {
      name,
      policy: definition.exclusive ? ("stately" as const) : ("standard" as const),
      expireInSeconds: definition.timeoutSeconds,
      retryLimit: 2,
      retryDelay: 60,
    };
    // createQueue leaves an existing queue as it is; updateQueue applies today's definition.
    await boss.createQueue(name, queue);
    await boss.updateQueue(name, queue);
  }
}

async function sendJob(boss: PgBoss, catalogue: Catalogue, name: string, payload: unknown): Promise<void> {
  const definition = catalogue[name];
  if (!definition) throw new Error(`Unknown job "${name}"`);
  definition.payload.parse(payload);
  // A stately queue that already holds a waiting job refuses another (send returns null): the
  // waiting one will do the same work.
  await boss.send(name, payload as object);
}
