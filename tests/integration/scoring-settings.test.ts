import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { ForbiddenError, InputConflictError } from "../../lib/data/errors";
import { configInForce, draftHash } from "../../lib/data/scoring-config";
import { previewScoringConfig, restoreScoringVersion, saveScoringConfig, scoringPreview, scoringSettings } from "../../lib/data/scoring-settings";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { defaultConfig, type ScoringConfig } from "../../lib/scoring";
import { createRating } from "../../prisma/seed/factories";
import { until, jobWorkersPerTest } from "./job-workers";
import { buildWorld, type World } from "./world";

// The admin's scoring settings on the database: the configuration in force, stored with each
// diagnosis; preview (reads only), save (only the draft previewed), restore.

const DAY = 86_400_000;
let world: World;
const { startWorker } = jobWorkersPerTest();

beforeEach(async () => {
  world = await buildWorld();
});

/** The default configuration with `change` applied to a copy. */
function draftWith(change: (config: ScoringConfig) => void): ScoringConfig {
  const config = structuredClone(defaultConfig);
  change(config);
  return config;
}
const lowerSnifflesThreshold = draftWith((c) => (c.stages.threshold.SNIFFLES = 0.5));

/** Mine: rated 3/5 every week for six weeks, which alone is below the sniffles threshold by default. */
async function rateMineLukewarm(now: Date) {
  for (let week = 1; week <= 6; week++) {
    await createRating(db(), { accountId: world.accounts.mine.id, userId: world.users.client.id, overall: 3, recommend: 7, createdAt: new Date(now.getTime() - week * 7 * DAY) });
  }
}

async function insertVersion(config: unknown, reason = "by hand") {
  return db().scoringConfigVersion.create({ data: { config: config as object, reason, createdById: world.users.admin.id } });
}

describe("the configuration in force", () => {
  it("is the library's defaults (version 0) until a version is saved, then the newest version", async () => {
    expect(await configInForce(db())).toEqual({ version: 0, config: defaultConfig });
    await insertVersion(draftWith((c) => (c.minimumObservations = 5)));
    const second = await insertVersion(lowerSnifflesThreshold);
    expect(await configInForce(db())).toEqual({ version: second.id, config: lowerSnifflesThreshold });
  });

  it("falls back to the defaults when the newest version is not valid", async () => {
    await insertVersion({ windows: { recentDays: -1 } });
    expect(await configInForce(db())).toEqual({ version: 0, config: defaultConfig });
  });

  it("diagnoses with it, records its version on the snapshot, and stores a new snapshot when the version changes", async () => {
    const now = new Date();
    await rateMineLukewarm(now);
    const accountId = world.accounts.mine.id;
    expect((await recomputeAccountHealth(db(), accountId, now)).stage).toBe("HEALTHY");
    await recomputeAccountHealth(db(), accountId, now);
    expect(await db().healthSnapshot.findMany({ where: { accountId }, select: { configVersion: true } })).toEqual([{ configVersion: 0 }]);

    const version = await insertVersion(lowerSnifflesThreshold);
    expect((await recomputeAccountHealth(db(), accountId, now)).stage).toBe("SNIFFLES");
    // A version that changes nothing in this diagnosis is still recorded: the snapshot says what it was diagnosed under.
    const same = await insertVersion(draftWith((c) => ((c.stages.threshold.SNIFFLES = 0.5), (c.trend.stablePointsPerMonth = 4))));
    await recomputeAccountHealth(db(), accountId, now);
    const versions = await db().healthSnapshot.findMany({ where: { accountId }, orderBy: { id: "asc" }, select: { configVersion: true, stage: true } });
    expect(versions.map((s) => s.configVersion).sort()).toEqual([0, version.id, same.id].sort());
  });
});

describe("previewing a draft", () => {
  it("lists the accounts whose stage would change and writes nothing but the preview", async () => {
    const now = new Date();
    await rateMineLukewarm(now);
    await recomputeAccountHealth(db(), world.accounts.mine.id, now);
    const before = { snapshots: await db().healthSnapshot.count(), accounts: await db().account.findMany({ orderBy: { id: "asc" } }) };

    const { previewId } = await previewScoringConfig(world.actors.admin, lowerSnifflesThreshold, { now });
    const preview = await scoringPreview(world.actors.admin, previewId);
    expect(preview).toMatchObject({ baseVersion: 0, accounts: 2, changed: ["stages.threshold.SNIFFLES"], hash: draftHash(lowerSnifflesThreshold, 0) });
    expect(preview.stageChanges).toEqual([expect.objectContaining({ accountId: world.accounts.mine.id, name: "Finance", from: "HEALTHY", to: "SNIFFLES" })]);
    // A threshold moves stages, not scores; a heavier penalty moves the score of the account with symptoms.
    expect(preview.scoreChanges).toEqual([]);
    const heavier = await previewScoringConfig(world.actors.admin, draftWith((c) => (c.score.penalty.SNIFFLES = 40)), { now });
    const [top] = (await scoringPreview(world.actors.admin, heavier.previewId)).scoreChanges;
    expect(top).toMatchObject({ accountId: world.accounts.mine.id, from: "HEALTHY", to: "HEALTHY" });
    expect(top!.scoreTo).toBeLessThan(top!.scoreFrom!);

    expect(await db().healthSnapshot.count()).toBe(before.snapshots);
    expect(await db().account.findMany({ orderBy: { id: "asc" } })).toEqual(before.accounts);
    expect(await db().scoringConfigVersion.count()).toBe(0);
  });

  it("refuses an invalid draft, naming each problem by its path", async () => {
    const bad = draftWith((c) => {
      c.windows.recentDays = 0;
      c.rules.ratingLevel.below[1]!.at = 3.9;
    });
    const error = await previewScoringConfig(world.actors.admin, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputConflictError);
    expect(Object.keys((error as InputConflictError).fieldErrors).sort()).toEqual(["rules.ratingLevel.below[1].at", "windows.recentDays"]);
    expect((error as InputConflictError).fieldErrors["rules.ratingLevel.below[1].at"]).toEqual(["Bands must descend"]);
    expect(await db().taskRun.count()).toBe(0);
  });

  it("is for administrators only; the CIO may look at the settings", async () => {
    await expect(previewScoringConfig(world.actors.cio, lowerSnifflesThreshold)).rejects.toThrow(ForbiddenError);
    await expect(previewScoringConfig(world.actors.rm, lowerSnifflesThreshold)).rejects.toThrow(ForbiddenError);
    await expect(scoringSettings(world.actors.rm)).rejects.toThrow(ForbiddenError);
    await expect(scoringSettings(world.actors.client)).rejects.toThrow(ForbiddenError);
    expect(await scoringSettings(world.actors.cio)).toMatchObject({ inForce: { version: 0 }, versions: [], canEdit: false });
    expect(await db().taskRun.count()).toBe(0);
  });
});

describe("saving", () => {
  it("is refused without a matching preview, and writes nothing", async () => {
    const { previewId } = await previewScoringConfig(world.actors.admin, lowerSnifflesThreshold);
    const preview = await scoringPreview(world.actors.admin, previewId);
    const otherAdmin = { ...world.actors.admin, id: world.users.cio.id };
    const attempts = [
      () => saveScoringConfig(world.actors.admin, { previewId, hash: draftHash(defaultConfig, 0), reason: "a different draft" }),
      () => saveScoringConfig(world.actors.admin, { previewId: "ckunknownunknownunknown", hash: preview.hash, reason: "no preview" }),
      () => saveScoringConfig({ ...otherAdmin, role: "ADMIN" }, { previewId, hash: preview.hash, reason: "someone else's preview" }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toThrow(InputConflictError);
    await expect(saveScoringConfig(world.actors.cio, { previewId, hash: preview.hash, reason: "not an admin" })).rejects.toThrow(ForbiddenError);
    expect(await db().scoringConfigVersion.count()).toBe(0);
    expect(await db().taskRun.count({ where: { kind: "rescore-all" } })).toBe(0);
  });

  it("stores the previewed draft as a version with who and why, audits it, and re-diagnoses every account through the job queue", async () => {
    await startWorker();
    const now = new Date();
    await rateMineLukewarm(now);
    const { previewId } = await previewScoringConfig(world.actors.admin, lowerSnifflesThreshold);
    const { hash } = await scoringPreview(world.actors.admin, previewId);

    const saved = await saveScoringConfig(world.actors.admin, { previewId, hash, reason: "Lukewarm clients are an early sign" });
    expect(saved.changed).toEqual(["stages.threshold.SNIFFLES"]);
    expect(await db().scoringConfigVersion.findUniqueOrThrow({ where: { id: saved.version } })).toMatchObject({
      reason: "Lukewarm clients are an early sign",
      createdById: world.users.admin.id,
      config: lowerSnifflesThreshold,
    });
    expect(await db().auditEvent.findFirst({ where: { entityType: "ScoringConfigVersion", entityId: String(saved.version) } })).toMatchObject({
      actorId: world.users.admin.id,
      action: "scoringConfig.saved",
      details: expect.objectContaining({ reason: "Lukewarm clients are an early sign", changed: ["stages.threshold.SNIFFLES"] }),
    });

    const run = await until(
      () => db().taskRun.findUniqueOrThrow({ where: { id: saved.taskRunId } }),
      (value) => value.status === "SUCCEEDED" || value.status === "FAILED",
    );
    expect(run).toMatchObject({ status: "SUCCEEDED", done: 2, total: 2, detail: expect.objectContaining({ configVersion: saved.version }) });
    expect(await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } })).toMatchObject({ healthStage: "SNIFFLES" });
    expect(await db().healthSnapshot.findFirst({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } })).toMatchObject({
      stage: "SNIFFLES",
      configVersion: saved.version,
    });

    // The same preview cannot be saved twice: the configuration it was compared with is no longer in force.
    await expect(saveScoringConfig(world.actors.admin, { previewId, hash, reason: "again" })).rejects.toThrow(/changed since this preview/);
    expect((await scoringSettings(world.actors.admin)).versions).toEqual([
      expect.objectContaining({ version: saved.version, reason: "Lukewarm clients are an early sign", createdByName: world.users.admin.name, changed: ["stages.threshold.SNIFFLES"] }),
    ]);
  });

  it("restores an old version through a preview", async () => {
    const first = await insertVersion(lowerSnifflesThreshold, "first");
    await insertVersion(draftWith((c) => (c.minimumObservations = 6)), "second");
    const { previewId } = await restoreScoringVersion(world.actors.admin, first.id);
    const preview = await scoringPreview(world.actors.admin, previewId);
    expect(preview).toMatchObject({ restoredFrom: first.id, config: lowerSnifflesThreshold });
    expect(preview.changed.sort()).toEqual(["minimumObservations", "stages.threshold.SNIFFLES"]);

    const saved = await saveScoringConfig(world.actors.admin, { previewId, hash: preview.hash, reason: "Back to the first" });
    expect(await configInForce(db())).toEqual({ version: saved.version, config: lowerSnifflesThreshold });
    await expect(restoreScoringVersion(world.actors.cio, first.id)).rejects.toThrow(ForbiddenError);
  });
});
