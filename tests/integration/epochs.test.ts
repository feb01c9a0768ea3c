import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Tx } from "../../lib/data/audit";
import { currentEpochStarts } from "../../lib/data/epoch-starts";
import { currentEpochStart, deleteEpoch, listEpochMarkers, listEpochStarts, listEras, recordEpoch } from "../../lib/data/epochs";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { db } from "../../lib/db/client";
import { epochInputSchema } from "../../lib/validation/epoch";
import { createHealthSnapshot } from "../../prisma/seed/factories";
import { signIn, submit } from "./action-harness";
import { buildWorld, daysFromNow, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { recordEpochAction } = await import("../../app/(app)/accounts/[id]/epochs/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const DAY = 86_400_000;
const epoch = (overrides: Record<string, string> = {}) =>
  epochInputSchema.parse({ startsAt: daysFromNow(-10), reasonKind: "NEW_IT_LEADERSHIP", reason: "A new CIO arrived after the outsourcing threat", ...overrides });
const midnight = (days: number) => new Date(`${daysFromNow(days)}T00:00:00Z`);

describe("reincarnation epochs", () => {
  it("the CIO starts one: recorded with who and why, audited, the account re-diagnosed, and the current start known alone and in a batch", async () => {
    const mine = world.accounts.mine.id;
    const before = await db().healthSnapshot.count({ where: { accountId: mine } });
    const { result, change } = await recordEpoch(world.actors.cio, mine, epoch());
    expect(change).toMatchObject({ accountId: mine, accountName: "Finance" });
    expect(await db().accountEpoch.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({
      accountId: mine,
      startsAt: midnight(-10),
      reasonKind: "NEW_IT_LEADERSHIP",
      recordedById: world.users.cio.id,
    });
    expect(await db().auditEvent.count({ where: { action: "accountEpoch.created", entityId: result.id, actorId: world.users.cio.id } })).toBe(1);
    expect(await db().healthSnapshot.count({ where: { accountId: mine } })).toBeGreaterThan(before);

    // A later epoch wins; one dated tomorrow does not count yet; another account has none.
    await recordEpoch(world.actors.admin, mine, epoch({ startsAt: daysFromNow(-3), reasonKind: "OUTSOURCING_CHANGE" }));
    await recordEpoch(world.actors.admin, mine, epoch({ startsAt: daysFromNow(1), reasonKind: "OTHER" }));
    expect(await currentEpochStart(world.actors.rm, mine)).toEqual(midnight(-3));
    const starts = await currentEpochStarts(db() as unknown as Tx, [mine, world.accounts.theirs.id]);
    expect([...starts]).toEqual([[mine, midnight(-3)]]);
    // As of an earlier day (a replay), the epoch then current.
    expect(await currentEpochStart(world.actors.rm, mine, new Date(Date.now() - 5 * DAY))).toEqual(midnight(-10));
  });

  it("only the CIO and admins start or delete one; a refused call writes nothing", async () => {
    const mine = world.accounts.mine.id;
    const { result } = await recordEpoch(world.actors.cio, mine, epoch());
    for (const actor of [world.actors.rm, world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(recordEpoch(actor, mine, epoch({ startsAt: daysFromNow(-2) }))).rejects.toThrow(ForbiddenError);
      await expect(deleteEpoch(actor, result.id, "not theirs to delete")).rejects.toThrow(ForbiddenError);
    }
    expect(await db().accountEpoch.findMany({ where: { accountId: mine }, select: { id: true, deletedAt: true } })).toEqual([{ id: result.id, deletedAt: null }]);
    // The CIO of a unit that does not exist, or an epoch that does not: not found.
    await expect(recordEpoch(world.actors.cio, "c".repeat(25), epoch())).rejects.toThrow(NotFoundError);
    await expect(deleteEpoch(world.actors.admin, "c".repeat(25), "typo")).rejects.toThrow(NotFoundError);
  });

  it("refuses a second epoch on the same day, and a deleted one stops counting", async () => {
    const mine = world.accounts.mine.id;
    const first = await recordEpoch(world.actors.cio, mine, epoch({ startsAt: daysFromNow(-20) }));
    const second = await recordEpoch(world.actors.cio, mine, epoch({ startsAt: daysFromNow(-5), reasonKind: "NEW_RELATIONSHIP_MANAGER" }));
    await expect(recordEpoch(world.actors.admin, mine, epoch({ startsAt: daysFromNow(-5) }))).rejects.toThrow(InputConflictError);
    await deleteEpoch(world.actors.admin, second.result.id, "Recorded for the wrong unit");
    expect(await currentEpochStart(world.actors.cio, mine)).toEqual(midnight(-20));
    expect((await listEras(world.actors.cio, mine)).map((era) => era.id)).toEqual([null, first.result.id]);
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "accountEpoch.deleted", entityId: second.result.id } })).toMatchObject({ actorId: world.users.admin.id });
  });

  it("lists the eras with how each diagnosis ended; IT with full access reads them, a client only when epochs began", async () => {
    const mine = world.accounts.mine.id;
    await createHealthSnapshot(db(), { accountId: mine, stage: "PNEUMONIA", score: 30, computedAt: new Date(Date.now() - 40 * DAY) });
    await createHealthSnapshot(db(), { accountId: mine, stage: "DEATH_AND_REINCARNATION", score: 12, computedAt: new Date(Date.now() - 20 * DAY) });
    // Recorded (and re-diagnosed) a little earlier than the epoch's latest diagnosis below.
    const { result } = await recordEpoch(world.actors.cio, mine, epoch({ startsAt: daysFromNow(-10) }), new Date(Date.now() - 120_000));
    await createHealthSnapshot(db(), { accountId: mine, stage: "SNIFFLES", score: 61, computedAt: new Date(Date.now() - 60_000) });

    for (const actor of [world.actors.rm, world.actors.cio, world.actors.admin]) {
      const eras = await listEras(actor, mine);
      expect(eras).toMatchObject([
        { id: null, startsAt: null, endsAt: midnight(-10), lastDiagnosis: { stage: "DEATH_AND_REINCARNATION", score: 12 } },
        { id: result.id, startsAt: midnight(-10), endsAt: null, reasonKind: "NEW_IT_LEADERSHIP", recordedBy: world.users.cio.name, lastDiagnosis: { stage: "SNIFFLES", score: 61 } },
      ]);
    }
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(listEras(actor, mine)).rejects.toThrow(NotFoundError);
    }
    // The unit's client sees when and what kind, never IT's reason; another unit's client sees nothing.
    const seen = await listEpochStarts(world.actors.client, mine);
    expect(seen).toEqual([{ id: result.id, startsAt: midnight(-10), reasonKind: "NEW_IT_LEADERSHIP" }]);
    expect(JSON.stringify(seen)).not.toContain("outsourcing threat");
    for (const actor of [world.actors.otherClient, world.actors.otherRm]) {
      await expect(listEpochStarts(actor, mine)).rejects.toThrow(NotFoundError);
      await expect(currentEpochStart(actor, mine)).rejects.toThrow(NotFoundError);
    }
    expect(await listEpochMarkers(world.actors.rm, mine)).toEqual([{ at: midnight(-10).toISOString(), label: "Epoch: New IT leadership" }]);
  });

  it("the form asks for a confirmation and a reason, writes nothing without them, and says what the save did", async () => {
    signIn(world.actors.cio);
    const fields = { accountId: world.accounts.mine.id, startsAt: daysFromNow(-1), reasonKind: "OUTSOURCING_CHANGE", reason: "Service desk brought back in-house" };
    const unconfirmed = await submit(recordEpochAction, fields);
    expect(unconfirmed.error?.confirm).toEqual(["Confirm that the diagnosis starts over from that day"]);
    const vague = await submit(recordEpochAction, { ...fields, reason: "new", confirm: "on" });
    expect(vague.error?.reason).toEqual(["The reason must be at least 10 characters"]);
    expect(await db().accountEpoch.count()).toBe(0);
    const saved = await submit(recordEpochAction, { ...fields, confirm: "on" });
    expect(saved.notice).toMatch(/^New epoch from .* \(Outsourcing change\): the diagnosis reads from that day on\. Finance (stays at|moved from) /);
    signIn(world.actors.rm);
    const refused = await submit(recordEpochAction, { ...fields, startsAt: daysFromNow(-2), confirm: "on" });
    expect(refused.error?.[""]).toEqual(["Only the CIO and administrators start a new epoch of a relationship."]);
    expect(await db().accountEpoch.count()).toBe(1);
  });
});
