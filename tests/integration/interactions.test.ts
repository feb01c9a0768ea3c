import { beforeEach, describe, expect, it } from "vitest";
import { InputConflictError } from "../../lib/data/errors";
import { logInteraction } from "../../lib/data/interactions";
import { db } from "../../lib/db/client";
import { createUser } from "../../prisma/seed/factories";
import { buildWorld, daysFromNow, interactionInput, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe("logging an interaction", () => {
  it("stores the interaction, attendees, quotes and follow-ups, audits it and re-diagnoses the account", async () => {
    const accountId = world.accounts.mine.id;
    const input = interactionInput(accountId, { attendeeContactIds: [world.contact.id], attendeeUserIds: [world.users.rm.id] });
    const result = await logInteraction(world.actors.rm, input);

    const stored = await db().interaction.findUniqueOrThrow({
      where: { id: result.id },
      include: { attendees: true, quotes: true, followUps: true },
    });
    expect(stored).toMatchObject({ accountId, summary: "Quarterly review", sentiment: "NEGATIVE", itOnTime: false, loggedById: world.users.rm.id });
    expect(stored.attendees.map((a) => a.side).sort()).toEqual(["BUSINESS", "IT"]);
    expect(stored.quotes).toMatchObject([{ side: "BUSINESS", text: "IT just doesn't get it" }]);
    expect(stored.followUps).toMatchObject([{ owedBy: "IT", accountId, description: "Send the revised plan" }]);
    expect(stored.followUps[0]?.dueDate.toISOString()).toBe(`${daysFromNow(14)}T00:00:00.000Z`);

    const snapshots = await db().healthSnapshot.findMany({ where: { accountId } });
    expect(snapshots).toHaveLength(1);
    const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(account.healthStage).toBe(result.stage);
    expect(account.healthStage).toBe(snapshots[0]?.stage);
    expect(account.healthComputedAt).toEqual(snapshots[0]?.computedAt);

    const audit = await db().auditEvent.findMany({ where: { entityId: result.id } });
    expect(audit).toMatchObject([{ action: "interaction.created", actorId: world.users.rm.id, accountId }]);
  });

  it("records the phrase heard as evidence in the stored diagnosis", async () => {
    const accountId = world.accounts.mine.id;
    await logInteraction(world.actors.rm, interactionInput(accountId, {
      quotes: [{ side: "BUSINESS", text: "We've given up waiting for IT; we'll do it ourselves" }],
    }));
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId } });
    const phrases = (snapshot.evidence as { phrases: { side: string; stage: string }[] }).phrases;
    expect(phrases).toEqual(expect.arrayContaining([expect.objectContaining({ side: "BUSINESS", stage: "FLU" })]));
  });

  it("refuses attendees from another account or clients as IT people, writing nothing", async () => {
    const foreignContact = await db().contact.create({ data: { accountId: world.accounts.theirs.id, name: "Someone else" } });
    const attempts = [
      interactionInput(world.accounts.mine.id, { attendeeContactIds: [foreignContact.id] }),
      interactionInput(world.accounts.mine.id, { attendeeUserIds: [world.users.client.id] }),
    ];
    for (const input of attempts) {
      await expect(logInteraction(world.actors.rm, input)).rejects.toBeInstanceOf(InputConflictError);
    }
    expect(await db().interaction.count()).toBe(0);
    expect(await db().quote.count()).toBe(0);
    expect(await db().followUp.count()).toBe(0);
    expect(await db().healthSnapshot.count()).toBe(0);
  });

  it("keeps the stage's start date while the stage holds", async () => {
    const accountId = world.accounts.mine.id;
    const calm = { sentiment: "POSITIVE", itOnTime: true, quotes: [], followUps: [] };
    await logInteraction(world.actors.rm, interactionInput(accountId, calm), new Date("2026-10-01T10:00:00Z"));
    const first = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    await logInteraction(world.actors.rm, interactionInput(accountId, calm), new Date("2026-10-02T10:00:00Z"));
    const second = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(second.healthStage).toBe(first.healthStage);
    expect(second.healthSince).toEqual(first.healthSince);
    expect(second.healthComputedAt?.toISOString()).toBe("2026-10-02T10:00:00.000Z");
  });

  it("lets an admin-created relationship manager log only once assigned", async () => {
    const newcomer = await createUser(db(), { role: "RELATIONSHIP_MANAGER" });
    const actor = { id: newcomer.id, role: newcomer.role, accountId: null, name: newcomer.name, email: newcomer.email };
    await expect(logInteraction(actor, interactionInput(world.accounts.mine.id))).rejects.toThrow(/not found/);
    await db().account.update({ where: { id: world.accounts.mine.id }, data: { relationshipManagerId: newcomer.id } });
    await expect(logInteraction(actor, interactionInput(world.accounts.mine.id))).resolves.toHaveProperty("id");
  });
});

describe("completing a follow-up", () => {
  it("marks it done once, audits it, re-diagnoses the account, and is refused to anyone without full access", async () => {
    const { completeFollowUp } = await import("../../lib/data/follow-ups");
    const { NotFoundError } = await import("../../lib/data/errors");
    await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id));
    const followUp = await db().followUp.findFirstOrThrow();
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(completeFollowUp(actor, followUp.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(completeFollowUp(world.actors.rm, "czzzzzzzzzzzzzzzzzzzzzzzz")).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).doneAt).toBeNull();

    const first = await completeFollowUp(world.actors.rm, followUp.id, new Date("2026-11-21T09:00:00Z"));
    const again = await completeFollowUp(world.actors.cio, followUp.id, new Date("2026-11-22T09:00:00Z"));
    expect(again.doneAt).toEqual(first.doneAt);
    expect([first.already, again.already, again.description]).toEqual([false, true, followUp.description]);
    expect(await db().auditEvent.count({ where: { action: "followUp.completed" } })).toBe(1);
    expect(await db().healthSnapshot.count({ where: { computedAt: new Date("2026-11-21T09:00:00Z") } })).toBe(1);
  });
});

describe("re-diagnosis in the same request", () => {
  it("counts the follow-ups the request just logged", async () => {
    const { loadSignals } = await import("../../lib/health/signals");
    const now = new Date(Date.now() - 60_000);
    const accountId = world.accounts.mine.id;
    await logInteraction(world.actors.rm, interactionInput(accountId, { occurredAt: new Date(now.getTime() - 3_600_000) }), now);
    const signals = await loadSignals(db(), [accountId], now);
    expect(signals.get(accountId)?.followUps).toHaveLength(1);
  });

  it("sees both of two writes made at once to one account", async () => {
    const { submitRating } = await import("../../lib/data/ratings");
    const { loadSignals } = await import("../../lib/health/signals");
    const { diagnoseParsed } = await import("../../lib/scoring");
    const { ratingInput } = await import("./world");
    const accountId = world.accounts.mine.id;
    const now = new Date();
    await Promise.all([
      logInteraction(world.actors.rm, interactionInput(accountId, { occurredAt: new Date(now.getTime() - 60_000) }), now),
      submitRating(world.actors.client, ratingInput(accountId, { overall: 1, recommend: 0 }), now),
    ]);
    // Whichever finished last diagnosed with both the interaction and the rating.
    const signals = (await loadSignals(db(), [accountId], now)).get(accountId);
    const both = diagnoseParsed(signals!, { now }).observations;
    const snapshots = await db().healthSnapshot.findMany({ where: { accountId } });
    expect(snapshots.map((snapshot) => (snapshot.evidence as { observations: number }).observations)).toContain(both);
  });
});
