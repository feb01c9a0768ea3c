import type { z } from "zod";

export interface JobContext {
  /** The time to act as of: the clock when the run starts (tests inject a clock). */
  now: Date;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** Checked when a job is sent and again when it runs: a queue row outlives the code that wrote it. */
  payload: S;
  /**
   * At most one waiting and one running at a time, across instances; a request while one is
   * already waiting adds nothing. For jobs that redo all the work (a rescore), not for jobs that
   * each carry their own work (an email).
   */
  exclusive: boolean;
  /** A run still going after this long counts as failed, and is retried. */
  timeoutSeconds: number;
  /** Resolves to a summary for the log. Throws to fail the run (pg-boss retries it). */
  run: (payload: z.output<S>, context: JobContext) => Promise<unknown>;
}

/** Keeps the payload's type attached to `run`. */
export const defineJob = <S extends z.ZodType>(definition: JobDefinition<S>): JobDefinition<S> => definition;

export type Catalogue = Record<string, JobDefinition>;

export type PayloadOf<C extends Catalogue, N extends keyof C> = z.input<C[N]["payload"]>;

export type Schedule<C extends Catalogue> = {
  [N in keyof C & string]: { job: N; /** Five-field cron, in UTC. */ cron: string; payload: PayloadOf<C, N> };
}[keyof C & string];

/** One finished run, for the log (and for tests to observe). */
export interface JobRun {
  name: string;
  now: Date;
  ms: number;
  result?: unknown;
  error?: unknown;
}

export interface JobSystemOptions<C extends Catalogue> {
  schedules: readonly Schedule<C>[];
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** Defaults to logging the run. */
  onRun?: (run: JobRun) => void;
  /** pg-boss only: seconds between looks for new jobs and due schedules (tests shorten them). */
  pollSeconds?: number;
}

export interface JobSystem<C extends Catalogue> {
  /** "pg-boss" on PostgreSQL (shared by every instance); "in-process" on the embedded database. */
  readonly kind: "pg-boss" | "in-process";
  /** Queues a job; resolves once it is queued, not once it has run. */
  send<N extends keyof C & string>(name: N, payload: PayloadOf<C, N>): Promise<void>;
  /** Stops scheduling and taking jobs, lets a running one finish (within a limit), disconnects. */
  stop(): Promise<void>;
}
