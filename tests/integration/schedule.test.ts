import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { toDiagnosis } from "../../lib/health/snapshot";
import { createAppJobs } from "../../lib/jobs";
import type { JobRun, JobSystem } from "../../lib/jobs/types";
import { buildFollowUp, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld } from "./world";

// The scheduled rescore through the job system of the database under test: pg-boss on
// PostgreSQL, the in-process scheduler on PGlite.

const DAY = 86_400_000;
const started: JobSystem<never>[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((system) => system.stop()));
});

async function startJobs(options: Parameters<typeof createAppJobs>[0]) {
  const system = await createAppJobs({ schedules: [], pollSeconds: 1, ...options });
  started.push(system as unknown as JobSystem<never>);
  return system;
}

/** Records the rescore's runs only: other tests on a shared database may leave other jobs queued. */
const rescoreRuns = (runs: JobRun[]) => (run: JobRun) => {
  if (run.name === "rescore-all") runs.push(run);
};

async function until(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a job run");
    await sleep(50);
  }
}

describe("the scheduled rescore", () => {
  it("diagnoses a follow-up that has fallen overdue the next day, with no write at all", async () => {
    const world = await buildWorld();
    const accountId = world.accounts.mine.id;
    const today = new Date("2026-11-20T12:00:00Z");
    for (let week = 1; week <= 6; week++) {
      await createRating(db(), { accountId, userId: world.users.client.id, overall: 4, recommend: 8, createdAt: new Date(today.getTime() - week * 7 * DAY) });
      await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: new Date(today.getTime() - week * 7 * DAY + DAY) });
    }
    const followUp = buildFollowUp({ accountId, owedBy: "IT", createdAt: new Date(today.getTime() - 3_600_000), dueDate: new Date(today.getTime() + DAY) });
    await db().followUp.create({ data: followUp });

    const clock = { now: today };
    const runs: JobRun[] = [];
    const jobs = await startJobs({ clock: () => clock.now, onRun: rescoreRuns(runs) });
    const rescore = async () => {
      const before = runs.length;
      await jobs.send("rescore-all", {});
      await until(() => runs.length > before);
      expect(runs.at(-1)).toMatchObject({ name: "rescore-all", now: clock.now, result: { accounts: 2 } });
    };
    const overdueEvidence = async () => {
      const latest = await db().healthSnapshot.findFirstOrThrow({ where: { accountId }, orderBy: { computedAt: "desc" } });
      return toDiagnosis(latest.evidence)?.evidence.filter((e) => e.signal === "followUps.overdue");
    };

    await rescore();
    expect(await overdueEvidence()).toEqual([]);

    clock.now = new Date(today.getTime() + 2 * DAY); // the day after the follow-up was due
    await rescore();
    expect(await overdueEvidence()).toEqual([expect.objectContaining({ sourceIds: [followUp.id] })]);
    expect((await db().account.findUniqueOrThrow({ where: { id: accountId } })).healthComputedAt).toEqual(clock.now);
    expect(await db().healthSnapshot.count({ where: { accountId } })).toBe(2);
  });
});

describe.runIf(process.env.RAPPORT_TEST_DB === "postgres")("pg-boss with two app instances", () => {
  it("runs a scheduled rescore once, however many instances see it due", { timeout: 90_000 }, async () => {
    await buildWorld();
    // Every minute, so it is due at once; a run must start and finish within this minute, or the
    // next minute's run would rightly be a second one.
    if (new Date().getUTCSeconds() > 40) await sleep((61 - new Date().getUTCSeconds()) * 1000);
    const since = new Date();
    const runs: JobRun[] = [];
    const options = { schedules: [{ job: "rescore-all" as const, cron: "* * * * *", payload: {} }], onRun: rescoreRuns(runs) };
    await Promise.all([startJobs(options), startJobs(options)]);

    await until(() => runs.length > 0);
    const ran = new Date();
    // Both instances go on checking the schedule every second for a while.
    await sleep(5_000);

    expect(runs).toHaveLength(1);
    expect(runs[0]?.error).toBeUndefined();
    const queued = await db().$queryRaw<{ name: string; state: string }[]>`
      SELECT name, state::text FROM pgboss.job WHERE created_on >= ${since} ORDER BY name`;
    // One job fired by the schedule (pg-boss's internal send-it queue) and the one it queued.
    expect(queued).toEqual([
      { name: "__pgboss__send-it", state: "completed" },
      { name: "rescore-all", state: "completed" },
    ]);
    const [{ cron_on: checked } = { cron_on: null }] = await db().$queryRaw<{ cron_on: Date | null }[]>`SELECT cron_on FROM pgboss.version`;
    expect(checked?.getTime()).toBeGreaterThan(ran.getTime());
  });
});
