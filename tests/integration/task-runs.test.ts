import { setTimeout as sleep } from "node:timers/promises";
import { beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "../../lib/db/client";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { finishTaskRun, recentTaskRuns, reportProgress, startTaskRun, taskRunById } from "../../lib/data/task-runs";
import { enqueueJob } from "../../lib/jobs";
import { until, jobWorkersPerTest } from "./job-workers";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});
const { startWorker } = jobWorkersPerTest();

describe("task runs", () => {
  it("records progress and the outcome, merging what the run found into what it started with", async () => {
    const { id } = await startTaskRun(db(), { kind: "rescore-all", createdById: world.users.admin.id, detail: { configVersion: 3 } });
    expect(await taskRunById(world.actors.admin, id)).toMatchObject({ status: "QUEUED", done: 0, total: null, createdByName: world.users.admin.name });

    await reportProgress(db(), id, 5, 12);
    expect(await taskRunById(world.actors.cio, id)).toMatchObject({ status: "RUNNING", done: 5, total: 12 });

    await finishTaskRun(db(), id, { status: "SUCCEEDED", detail: { summary: "Re-diagnosed 12 accounts." } });
    const finished = await taskRunById(world.actors.admin, id);
    expect(finished).toMatchObject({ status: "SUCCEEDED", detail: { configVersion: 3, summary: "Re-diagnosed 12 accounts." }, error: null });
    expect(finished.finishedAt).toBeInstanceOf(Date);

    // A finished run does not move again.
    await reportProgress(db(), id, 1, 12);
    expect(await taskRunById(world.actors.admin, id)).toMatchObject({ status: "SUCCEEDED", done: 5 });
  });

  it("shows runs to the CIO and admins only, newest first, and hides unknown ids", async () => {
    const first = await startTaskRun(db(), { kind: "rescore-all" });
    await sleep(5);
    const second = await startTaskRun(db(), { kind: "other" });
    expect((await recentTaskRuns(world.actors.cio)).map((run) => run.id)).toEqual([second.id, first.id]);
    expect((await recentTaskRuns(world.actors.admin, "rescore-all")).map((run) => run.id)).toEqual([first.id]);

    for (const actor of [world.actors.rm, world.actors.client]) {
      await expect(taskRunById(actor, first.id)).rejects.toThrow(ForbiddenError);
      await expect(recentTaskRuns(actor)).rejects.toThrow(ForbiddenError);
    }
    await expect(taskRunById(world.actors.admin, "ckunknownunknownunknown")).rejects.toThrow(NotFoundError);
    await expect(taskRunById(world.actors.admin, "../etc")).rejects.toThrow(NotFoundError);
  });
});

describe("enqueueJob", () => {
  it("refuses a payload the catalogue's schema refuses, and queues nothing", async () => {
    await expect(enqueueJob("rescore-all", { extra: 1 } as never)).rejects.toThrow(ZodError);
    expect(await db().taskRun.count()).toBe(0);
  });

  it("runs a queued rescore from a process that runs no jobs, which takes over the run a screen queued", async () => {
    await startWorker();
    const { id } = await startTaskRun(db(), { kind: "rescore-all", createdById: world.users.admin.id });

    await enqueueJob("rescore-all", {});
    const run = await until(
      () => taskRunById(world.actors.admin, id),
      (value) => value.status === "SUCCEEDED" || value.status === "FAILED",
    );
    expect(run).toMatchObject({ status: "SUCCEEDED", done: 2, total: 2, detail: { accounts: 2, summary: expect.stringContaining("Re-diagnosed 2 accounts") } });
    expect(await db().account.count({ where: { healthComputedAt: { not: null } } })).toBe(2);
    // It took over the queued run rather than starting one of its own.
    expect(await db().taskRun.count()).toBe(1);
  });
});
