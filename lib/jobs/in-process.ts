import { nextRun } from "./cron";
import { runJob } from "./run";
import type { Catalogue, JobRun, JobSystem, Schedule } from "./types";

/** setTimeout's longest delay (about 24.8 days); a later run is reached in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The job system for the embedded database, which one process alone may open (decision 001):
 * timers in this process fire the schedules, and one job runs at a time, never overlapping
 * another (PGlite runs one query at a time anyway). Queued jobs live in memory: a job waiting
 * when the process stops is not run.
 */
export function startInProcessJobs<C extends Catalogue>(
  catalogue: C,
  { schedules, clock, onRun }: { schedules: readonly Schedule<C>[]; clock: () => Date; onRun: (run: JobRun) => void },
): JobSystem<C> {
  const waiting: { name: string; payload: unknown }[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let draining: Promise<void> | null = null;
  let stopped = false;

  const drain = async () => {
    for (let job = waiting.shift(); job && !stopped; job = waiting.shift()) {
      // A failure is reported by runJob; the next job still runs.
      await runJob(catalogue, job.name, job.payload, clock, onRun).catch(() => undefined);
    }
    draining = null;
  };

  const enqueue = (name: string, payload: unknown) => {
    if (stopped) return;
    // Like pg-boss's "stately" queues: one running and at most one waiting.
    if (catalogue[name]?.exclusive && waiting.some((job) => job.name === name)) return;
    waiting.push({ name, payload });
    draining ??= drain();
  };

  const arm = (schedule: Schedule<C>, at: Date) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      if (Date.now() < at.getTime()) return arm(schedule, at); // the delay was capped
      enqueue(schedule.job, schedule.payload);
      // From now, not from `at`: after a sleep or a long pause, missed runs are not replayed.
      arm(schedule, nextRun(schedule.cron, new Date(Math.max(Date.now(), at.getTime()))));
    }, Math.min(Math.max(0, at.getTime() - Date.now()), MAX_TIMER_MS));
    // The schedules never keep a process alive on their own.
    timer.unref();
    timers.add(timer);
  };

  for (const schedule of schedules) arm(schedule, nextRun(schedule.cron, new Date()));

  return {
    kind: "in-process",
    async send(name, payload) {
      const definition = catalogue[name];
      if (!definition) throw new Error(`Unknown job "${name}"`);
      definition.payload.parse(payload);
      // As sent, like a pg-boss job's data: the run parses it again.
      enqueue(name, payload);
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      waiting.length = 0;
      await draining;
    },
  };
}
