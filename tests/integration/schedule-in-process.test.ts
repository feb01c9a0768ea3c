import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { nextRun } from "../../lib/jobs/cron";
import { startInProcessJobs } from "../../lib/jobs/in-process";
import { defineJob, type JobRun, type Schedule } from "../../lib/jobs/types";

// The embedded database's scheduler: timers in the app process, one job at a time. Its jobs here
// touch no database, so fake timers can stand in for days of waiting.

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A job that runs until the test lets it finish, recording how many runs overlap. */
function gatedJob(exclusive: boolean) {
  const state = { running: 0, mostAtOnce: 0, release: () => {} };
  const job = defineJob({
    payload: z.object({ n: z.number() }),
    exclusive,
    timeoutSeconds: 60,
    run: async ({ n }) => {
      state.mostAtOnce = Math.max(state.mostAtOnce, ++state.running);
      await new Promise<void>((resolve) => (state.release = resolve));
      state.running--;
      return n;
    },
  });
  return { job, state };
}

const tick = { tick: defineJob({ payload: z.object({}), exclusive: true, timeoutSeconds: 60, run: async () => "ticked" }) };

function start<C extends Record<string, ReturnType<typeof defineJob>>>(catalogue: C, schedules: Schedule<C>[] = []) {
  const runs: JobRun[] = [];
  const system = startInProcessJobs(catalogue, { schedules, clock: () => new Date(), onRun: (run) => runs.push(run) });
  return { system, runs };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("the next run of a schedule", () => {
  it("is the next time the cron expression names, in UTC, strictly after the given time", () => {
    expect(nextRun("0 3 * * *", new Date("2026-11-20T12:00:00Z"))).toEqual(new Date("2026-11-21T03:00:00Z"));
    expect(nextRun("0 3 * * *", new Date("2026-11-21T02:59:59Z"))).toEqual(new Date("2026-11-21T03:00:00Z"));
    expect(nextRun("0 3 * * *", new Date("2026-11-21T03:00:00Z"))).toEqual(new Date("2026-11-22T03:00:00Z"));
    expect(nextRun("30 6 * * 1", new Date("2026-11-20T12:00:00Z"))).toEqual(new Date("2026-11-23T06:30:00Z")); // a Monday
  });
});

describe("the in-process scheduler", () => {
  it("runs a job when its schedule comes round, with that time as now, and again the next day", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-20T02:59:00Z"), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { system, runs } = start(tick, [{ job: "tick", cron: "0 3 * * *", payload: {} }]);

    await vi.advanceTimersByTimeAsync(MINUTE - 1);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(runs).toMatchObject([{ name: "tick", now: new Date("2026-11-20T03:00:00Z"), result: "ticked" }]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(runs.map((run) => run.now)).toEqual([new Date("2026-11-20T03:00:00Z"), new Date("2026-11-21T03:00:00Z")]);
    await system.stop();
    await vi.advanceTimersByTimeAsync(DAY);
    expect(runs).toHaveLength(2);
  });

  it("reaches a run further off than a timer can wait", async () => {
    vi.useFakeTimers({ now: new Date("2026-11-01T03:00:01Z"), toFake: ["setTimeout", "clearTimeout", "Date"] });
    const { system, runs } = start(tick, [{ job: "tick", cron: "0 3 1 * *", payload: {} }]);

    await vi.advanceTimersByTimeAsync(29 * DAY);
    expect(runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(runs.map((run) => run.now)).toEqual([new Date("2026-12-01T03:00:00Z")]);
    await system.stop();
  });

  it("never overlaps runs, and keeps one waiting run of an exclusive job however often it is asked for", async () => {
    const { job, state } = gatedJob(true);
    const { system, runs } = start({ job });
    for (const n of [1, 2, 3]) await system.send("job", { n });
    await vi.waitFor(() => expect(state.running).toBe(1));
    state.release();
    await vi.waitFor(() => expect(runs).toHaveLength(1));
    await vi.waitFor(() => expect(state.running).toBe(1));
    state.release();
    await vi.waitFor(() => expect(runs).toHaveLength(2));

    expect(runs.map((run) => run.result)).toEqual([1, 2]);
    expect(state.mostAtOnce).toBe(1);
    await system.stop();
  });

  it("runs every job of a non-exclusive kind, one after another", async () => {
    const { job, state } = gatedJob(false);
    const { system, runs } = start({ job });
    for (const n of [1, 2, 3]) await system.send("job", { n });
    for (let done = 1; done <= 3; done++) {
      await vi.waitFor(() => expect(state.running).toBe(1));
      state.release();
      await vi.waitFor(() => expect(runs).toHaveLength(done));
    }
    expect(runs.map((run) => run.result)).toEqual([1, 2, 3]);
    expect(state.mostAtOnce).toBe(1);
    await system.stop();
  });

  it("refuses a payload its schema rejects, and reports a failed run without stopping the next", async () => {
    let calls = 0;
    const flaky = defineJob({
      payload: z.object({}),
      exclusive: false,
      timeoutSeconds: 60,
      run: async () => {
        if (++calls === 1) throw new Error("first run fails");
        return "recovered";
      },
    });
    const { system, runs } = start({ flaky });
    await expect(system.send("flaky", "not an object" as never)).rejects.toThrow();
    for (let n = 0; n < 2; n++) await system.send("flaky", {});
    await vi.waitFor(() => expect(runs).toHaveLength(2));
    expect(runs[0]?.error).toBeInstanceOf(Error);
    expect(runs[1]).toMatchObject({ result: "recovered" });
    await system.stop();
  });

  it("stops after the running job, dropping those still waiting", async () => {
    const { job, state } = gatedJob(false);
    const { system, runs } = start({ job });
    for (const n of [1, 2]) await system.send("job", { n });
    await vi.waitFor(() => expect(state.running).toBe(1));
    const stopped = system.stop();
    state.release();
    await stopped;
    expect(runs.map((run) => run.result)).toEqual([1]);
    await system.send("job", { n: 3 });
    expect(state.running).toBe(0);
  });
});
