import { beforeEach, describe, expect, it, vi } from "vitest";
import { InputConflictError, NotFoundError } from "../../lib/data/errors";
import { getRecordHistory } from "../../lib/data/history";
import { listPortfolio } from "../../lib/data/portfolio";
import { endStageOverride, getStageOverrides, setStageOverride } from "../../lib/data/stage-overrides";
import { db } from "../../lib/db/client";
import { formatDate } from "../../lib/format";
import { STAGE_LABELS } from "../../lib/scoring";
import type { StageOverrideInput } from "../../lib/validation/stage-override";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { endStageOverrideAction, setStageOverrideAction } = await import("../../app/(app)/accounts/[id]/override-actions");

const DAY = 86_400_000;
const now = new Date("2026-06-01T12:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * DAY);

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const input = (overrides: Partial<StageOverrideInput> = {}): StageOverrideInput => ({
  accountId: world.accounts.mine.id,
  stage: "FLU",
  reason: "The sponsor told me they are pricing an outside vendor",
  expiresAt: later(30),
  ...overrides,
});

/** A date field's value `days` from today (the forms check against the real clock). */
const dayFromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe("setting an override", () => {
  it("is for the account's manager, the CIO and admins; another manager or a client finds nothing, and nothing is written", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(setStageOverride(actor, input(), now)).rejects.toThrow(NotFoundError);
      await expect(getStageOverrides(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
    }
    expect(await db().stageOverride.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { entityType: "StageOverride" } })).toBe(0);

    const { override } = await setStageOverride(world.actors.rm, input(), now);
    expect(await db().stageOverride.findUniqueOrThrow({ where: { id: override.id } })).toMatchObject({ stage: "FLU", createdById: world.users.rm.id, endedAt: null });
    expect(await db().auditEvent.count({ where: { entityId: override.id, action: "stageOverride.created", actorId: world.users.rm.id } })).toBe(1);
    for (const actor of [world.actors.cio, world.actors.admin]) {
      await expect(setStageOverride(actor, input({ accountId: world.accounts.theirs.id }), now)).resolves.toBeTruthy();
    }
  });

  it("stands beside the computed stage, which it never changes", async () => {
    const before = await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id }, select: { healthStage: true, healthScore: true } });
    const result = await setStageOverride(world.actors.cio, input({ stage: "PNEUMONIA" }), now);
    expect(result).toMatchObject({ accountName: "Finance", computedStage: before.healthStage, replaced: null });
    expect(await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id }, select: { healthStage: true, healthScore: true } })).toEqual(before);
    const { active } = await getStageOverrides(world.actors.rm, world.accounts.mine.id, now);
    expect(active).toMatchObject({ stage: "PNEUMONIA", byName: world.users.cio.name, status: "active", reason: input().reason });
  });

  it("refuses an expiry that has passed or lies more than a year ahead, writing nothing", async () => {
    for (const expiresAt of [now, later(-1), later(367)]) {
      const error = await setStageOverride(world.actors.rm, input({ expiresAt }), now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputConflictError);
      expect((error as InputConflictError).fieldErrors.until).toHaveLength(1);
    }
    expect(await db().stageOverride.count()).toBe(0);
  });

  it("ends the override in force when a new one is set, recorded with who and why", async () => {
    const first = await setStageOverride(world.actors.rm, input({ stage: "FLU" }), now);
    const second = await setStageOverride(world.actors.cio, input({ stage: "HEALTHY", reason: "The new service head has turned this around" }), later(1));
    expect(second.replaced).toEqual({ id: first.override.id, stage: "FLU" });
    expect(await db().stageOverride.findUniqueOrThrow({ where: { id: first.override.id } })).toMatchObject({
      endedAt: later(1),
      endedById: world.users.cio.id,
      endReason: "Replaced by a new override",
    });
    const { active, history } = await getStageOverrides(world.actors.cio, world.accounts.mine.id, later(1));
    expect(active?.id).toBe(second.override.id);
    expect(history.map((o) => [o.stage, o.status])).toEqual([
      ["HEALTHY", "active"],
      ["FLU", "ended"],
    ]);
    expect(await db().stageOverride.count({ where: { accountId: world.accounts.mine.id, endedAt: null } })).toBe(1);
  });

  it("leaves one active override when two are set at once", async () => {
    await Promise.all([setStageOverride(world.actors.rm, input({ stage: "FLU" }), now), setStageOverride(world.actors.cio, input({ stage: "SNIFFLES" }), now)]);
    expect(await db().stageOverride.count({ where: { accountId: world.accounts.mine.id, endedAt: null } })).toBe(1);
  });
});

describe("ending and lapsing", () => {
  it("ends early with a reason, and cannot end twice", async () => {
    const { override } = await setStageOverride(world.actors.cio, input(), now);
    for (const actor of [world.actors.otherRm, world.actors.client]) {
      await expect(endStageOverride(actor, override.id, "Not mine to keep", later(2))).rejects.toThrow("That override was not found.");
    }
    expect(await endStageOverride(world.actors.rm, override.id, "The vendor talks stopped", later(2))).toMatchObject({ accountName: "Finance", stage: "FLU" });
    const { active, history } = await getStageOverrides(world.actors.rm, world.accounts.mine.id, later(2));
    expect(active).toBeNull();
    expect(history).toMatchObject([{ status: "ended", endedByName: world.users.rm.name, endReason: "The vendor talks stopped", endedAt: later(2) }]);
    await expect(endStageOverride(world.actors.rm, override.id, "Again", later(3))).rejects.toThrow("already ended");
    expect(await db().auditEvent.count({ where: { entityId: override.id, action: "stageOverride.ended" } })).toBe(1);
  });

  it("lapses on its expiry with no job: the engine's stage speaks alone again", async () => {
    const { override } = await setStageOverride(world.actors.rm, input({ expiresAt: later(10) }), now);
    expect((await getStageOverrides(world.actors.rm, world.accounts.mine.id, new Date(later(10).getTime() - 1))).active?.id).toBe(override.id);
    const lapsed = await getStageOverrides(world.actors.rm, world.accounts.mine.id, later(10));
    expect(lapsed.active).toBeNull();
    expect(lapsed.history).toMatchObject([{ id: override.id, status: "lapsed", endedAt: null }]);
    await expect(endStageOverride(world.actors.rm, override.id, "Too late", later(11))).rejects.toThrow("already lapsed");
    // A new one may be set once it has lapsed, and the lapsed one is not "ended" by it.
    expect((await setStageOverride(world.actors.rm, input({ expiresAt: later(40) }), later(11))).replaced).toBeNull();
  });

  it("keeps its change history for the CIO: set, and ended with why", async () => {
    const { override } = await setStageOverride(world.actors.rm, input(), now);
    await endStageOverride(world.actors.cio, override.id, "Resolved at the quarterly review", later(1));
    const { record, entries } = await getRecordHistory(world.actors.cio, "StageOverride", override.id);
    expect(record).toMatchObject({ name: "Flu override of 1 Jun 2026", href: `/accounts/${world.accounts.mine.id}#record-${override.id}` });
    expect(entries.map((e) => [e.verb, e.actorName, e.reason])).toEqual([
      ["ended", world.users.cio.name, "Resolved at the quarterly review"],
      ["created", world.users.rm.name, null],
    ]);
    expect(entries[1]?.changes.map((c) => c.field)).toEqual(["stage", "reason", "expiresAt"]);
  });
});

describe("the portfolio", () => {
  it("shows the override in force beside the computed stage, its reason only to those who may read the account", async () => {
    await setStageOverride(world.actors.rm, input({ stage: "PNEUMONIA" }), now);
    const cioRow = (await listPortfolio(world.actors.cio, later(1))).find((row) => row.id === world.accounts.mine.id)!;
    expect(cioRow.override).toMatchObject({ stage: "PNEUMONIA", byName: world.users.rm.name, reason: input().reason, expiresAt: later(30) });
    expect(cioRow.healthStage).not.toBe("PNEUMONIA");
    const peerRow = (await listPortfolio(world.actors.otherRm, later(1))).find((row) => row.id === world.accounts.mine.id)!;
    expect(peerRow.override).toMatchObject({ stage: "PNEUMONIA", reason: null });
    expect((await listPortfolio(world.actors.cio, later(1))).find((row) => row.id === world.accounts.theirs.id)!.override).toBeNull();
    // Lapsed: gone from the portfolio.
    expect((await listPortfolio(world.actors.cio, later(31))).find((row) => row.id === world.accounts.mine.id)!.override).toBeNull();
  });
});

describe("the override forms", () => {
  const fields = (overrides: Record<string, string> = {}) => ({
    accountId: world.accounts.mine.id,
    stage: "FLU",
    until: dayFromToday(30),
    reason: "The sponsor told me they are pricing an outside vendor",
    ...overrides,
  });

  it("needs a stage, a reason and a last day from today to a year ahead, writing nothing otherwise", async () => {
    signIn(world.actors.rm);
    const refused = await submit(setStageOverrideAction, fields({ stage: "", reason: "short", until: dayFromToday(-1) }));
    expect(Object.keys(refused.error ?? {}).sort()).toEqual(["reason", "stage", "until"]);
    expect((await submit(setStageOverrideAction, fields({ until: dayFromToday(400) }))).error?.until).toEqual(["Choose a day within a year: an override is revisited at least yearly"]);
    expect((await submit(setStageOverrideAction, fields({ stage: "INSUFFICIENT_DATA" }))).error?.stage).toBeTruthy();
    expect(await db().stageOverride.count()).toBe(0);
  });

  it("says what it set, and what ending it changed; refuses a client", async () => {
    signIn(world.actors.client);
    expect(formError(await submit(setStageOverrideAction, fields()))).toEqual(["That account was not found."]);
    expect(await db().stageOverride.count()).toBe(0);

    signIn(world.actors.cio);
    const computed = (await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } })).healthStage;
    const until = dayFromToday(45);
    const set = await submit(setStageOverrideAction, fields({ until }));
    expect(set.notice).toBe(`Override set on Finance: Flu until ${formatDate(new Date(until))}, shown beside the computed stage (${STAGE_LABELS[computed]}).`);
    const stored = await db().stageOverride.findFirstOrThrow();
    expect(stored.expiresAt).toEqual(new Date(new Date(until).getTime() + DAY)); // holds through its last day

    const replaced = await submit(setStageOverrideAction, fields({ stage: "HEALTHY", reason: "Ratings have risen every month since spring" }));
    expect(replaced.notice).toContain("It ends the earlier Flu override.");
    const active = (await getStageOverrides(world.actors.cio, world.accounts.mine.id)).active!;

    expect((await submit(endStageOverrideAction, { overrideId: active.id, reason: "" })).error?.reason).toBeTruthy();
    const ended = await submit(endStageOverrideAction, { overrideId: active.id, reason: "Discussed at the review" });
    expect(ended.notice).toMatch(/^The Healthy override on Finance has ended: the computed stage \(.+\) stands alone again\.$/);
    expect(formError(await submit(endStageOverrideAction, { overrideId: active.id, reason: "Again" }))).toEqual(["This override was already ended: nothing changed."]);
  });
});
