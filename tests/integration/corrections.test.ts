import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FormState } from "../../lib/actions/form-action";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { completeFollowUp, deleteFollowUp, getOpenFollowUps, updateFollowUp } from "../../lib/data/follow-ups";
import { deleteInteraction, getInteractionForEdit, logInteraction, updateInteraction } from "../../lib/data/interactions";
import { listAccountRatings, submitRating, withdrawRating } from "../../lib/data/ratings";
import { getTimeline } from "../../lib/data/timeline";
import { db } from "../../lib/db/client";
import { loadSignals } from "../../lib/health/signals";
import { interactionEditSchema, interactionInputSchema } from "../../lib/validation/interaction";
import { createUser } from "../../prisma/seed/factories";
import { form, formError, notice, signIn } from "./action-harness";
import { actorOf, buildWorld, daysFromNow, interactionInput, ratingInput, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { updateInteractionAction, deleteInteractionAction } = await import("../../app/(app)/accounts/[id]/interactions/[interactionId]/edit/actions");
const { withdrawRatingAction } = await import("../../app/(app)/accounts/[id]/rate/actions");

/** Runs an action as Next would: its answer, or where it redirected (redirect() throws). */
async function post(action: (previous: undefined, data: FormData) => Promise<FormState>, fields: Record<string, string>) {
  try {
    return { state: await action(undefined, form(fields)), redirectedTo: undefined };
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { state: undefined, redirectedTo: digest.split(";")[2] };
  }
}

// Issue 6 §5: interactions, quotes, follow-ups and ratings corrected with history. Every write
// goes through the data layer for real; the database is PGlite or PostgreSQL.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date();
const SNIFFLES = "IT just doesn't get it";
const FLU = "We've given up waiting for IT; we'll do it ourselves";

/** Logs the usual interaction (a sniffles quote, an IT follow-up) on the RM's account. */
async function logged(overrides: Record<string, unknown> = {}) {
  const { id } = await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id, overrides), now);
  return getInteractionForEdit(world.actors.rm, id);
}

/** The correction form's submission for a stored interaction, validated as the action would. */
function edit(stored: Awaited<ReturnType<typeof logged>>, overrides: Record<string, unknown> = {}) {
  return interactionEditSchema.parse({
    interactionId: stored.id,
    type: stored.type,
    occurredAt: stored.occurredAt.toISOString(),
    summary: stored.summary,
    notes: stored.notes,
    sentiment: stored.sentiment,
    itOnTime: stored.itOnTime === null ? "" : stored.itOnTime ? "yes" : "no",
    itPrepared: stored.itPrepared === null ? "" : stored.itPrepared ? "yes" : "no",
    whatHappened: "HELD",
    attendeeContactIds: stored.attendees.flatMap((a) => (a.contactId ? [a.contactId] : [])),
    attendeeUserIds: stored.attendees.flatMap((a) => (a.userId ? [a.userId] : [])),
    quotes: stored.quotes.map(({ id, side, text }) => ({ id, side, text })),
    followUps: stored.followUps.map(({ id, description, owedBy, dueDate }) => ({ id, description, owedBy, dueDate: dueDate.toISOString().slice(0, 10) })),
    ...overrides,
  });
}

const latestEvidence = async () => {
  const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
  return snapshot.evidence as { phrases: { matchedText: string; stage: string; side: string }[]; evidence: { sourceIds: string[] }[] };
};
const signals = async () => (await loadSignals(db(), [world.accounts.mine.id], new Date(now.getTime() + 1000))).get(world.accounts.mine.id)!;

describe("what happened: an outcome and the side that missed it", () => {
  it("maps each choice to a valid pair, so a held interaction is missed by nobody", () => {
    const parse = (whatHappened: string) => interactionInputSchema.parse({ ...interactionInput(world.accounts.mine.id), occurredAt: new Date(now.getTime() - 60_000).toISOString(), whatHappened });
    expect(parse("HELD")).toMatchObject({ outcome: "HELD", cancelledBy: "NOBODY" });
    expect(parse("UNANSWERED_BY_IT")).toMatchObject({ outcome: "UNANSWERED", cancelledBy: "IT" });
    expect(parse("NO_SHOW_BY_CLIENT")).toMatchObject({ outcome: "NO_SHOW", cancelledBy: "CLIENT" });
    expect(parse("CANCELLED_BY_CLIENT")).toMatchObject({ outcome: "CANCELLED", cancelledBy: "CLIENT" });
    // A pair posted directly is not a choice: it cannot make a held interaction missed by IT.
    const forged = interactionInputSchema.parse({ ...interactionInput(world.accounts.mine.id), occurredAt: new Date().toISOString(), outcome: "HELD", cancelledBy: "IT" });
    expect(forged).toMatchObject({ outcome: "HELD", cancelledBy: "NOBODY" });
    expect(interactionInputSchema.safeParse({ ...interactionInput(world.accounts.mine.id), whatHappened: "HELD_BY_IT" }).success).toBe(false);
  });

  it("stores the outcome, shows it on the timeline, and lets the diagnosis read an unanswered call", async () => {
    const { id } = await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id, { type: "CALL", outcome: "UNANSWERED", cancelledBy: "IT", quotes: [], followUps: [] }), now);
    expect(await db().interaction.findUniqueOrThrow({ where: { id }, select: { outcome: true, cancelledBy: true } })).toEqual({ outcome: "UNANSWERED", cancelledBy: "IT" });
    const page = await getTimeline(world.actors.client, world.accounts.mine.id);
    expect(page.interactions[0]).toMatchObject({ id, outcome: "UNANSWERED", cancelledBy: "IT" });
    expect((await signals()).interactions[0]).toMatchObject({ outcome: "UNANSWERED", cancelledBy: "IT" });
  });
});

describe("correcting an interaction", () => {
  it("re-detects the phrases of changed text and re-diagnoses: the evidence follows the correction", async () => {
    const stored = await logged({ quotes: [{ side: "BUSINESS", text: SNIFFLES }] });
    expect((await latestEvidence()).phrases.map((p) => p.stage)).toEqual(["SNIFFLES"]);

    const quote = stored.quotes[0]!;
    const { result, change } = await updateInteraction(
      world.actors.rm,
      edit(stored, { notes: "They said IT is so wound up in red tape", quotes: [{ id: quote.id, side: "BUSINESS", text: FLU }] }),
      new Date(now.getTime() + 1000),
    );
    expect(result.changed).toBe(2);
    expect(change).toMatchObject({ accountId: world.accounts.mine.id, accountName: "Finance" });

    const corrected = await db().quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(corrected.text).toBe(FLU);
    expect(JSON.stringify(corrected.phraseHits)).toContain("FLU");
    const interaction = await db().interaction.findUniqueOrThrow({ where: { id: stored.id } });
    expect(JSON.stringify(interaction.phraseHits)).toMatch(/red tape/i);

    const phrases = (await latestEvidence()).phrases;
    expect(phrases.some((p) => p.stage === "SNIFFLES")).toBe(false);
    expect(phrases).toEqual(expect.arrayContaining([expect.objectContaining({ side: "BUSINESS", stage: "FLU" })]));
  });

  it("audits the interaction's fields and each quote and follow-up with before and after", async () => {
    const stored = await logged();
    const [quote, followUp] = [stored.quotes[0]!, stored.followUps[0]!];
    await updateInteraction(
      world.actors.cio,
      edit(stored, {
        summary: "Quarterly review, rescheduled",
        whatHappened: "CANCELLED_BY_CLIENT",
        attendeeContactIds: [world.contact.id],
        quotes: [{ id: quote.id, side: "IT", text: quote.text }],
        followUps: [{ id: followUp.id, description: followUp.description, owedBy: "IT", dueDate: daysFromNow(21) }],
      }),
      now,
    );

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: stored.id, action: "interaction.updated" } });
    expect(audit).toMatchObject({ actorId: world.users.cio.id, accountId: world.accounts.mine.id, entityType: "Interaction" });
    expect(audit.details).toEqual({
      before: { summary: "Quarterly review", outcome: "HELD", cancelledBy: "NOBODY", attendees: [] },
      after: { summary: "Quarterly review, rescheduled", outcome: "CANCELLED", cancelledBy: "CLIENT", attendees: ["Dana Finance (business)"] },
    });
    expect((await db().auditEvent.findFirstOrThrow({ where: { entityId: quote.id } })).details).toEqual({ before: { side: "BUSINESS" }, after: { side: "IT" } });
    expect((await db().auditEvent.findFirstOrThrow({ where: { entityId: followUp.id, action: "followUp.updated" } })).details).toEqual({
      before: { dueDate: `${daysFromNow(14)}T00:00:00.000Z` },
      after: { dueDate: `${daysFromNow(21)}T00:00:00.000Z` },
    });
  });

  it("soft-deletes the quotes and follow-ups left out, adds new rows, and leaves unchanged ones alone", async () => {
    const stored = await logged();
    const auditsBefore = await db().auditEvent.count();
    const { result } = await updateInteraction(
      world.actors.rm,
      edit(stored, { quotes: [{ side: "BUSINESS", text: FLU }], followUps: [] }),
      now,
    );
    expect(result.changed).toBe(3);

    const oldQuote = await db().quote.findUniqueOrThrow({ where: { id: stored.quotes[0]!.id } });
    expect(oldQuote.deletedAt).toEqual(now);
    expect(oldQuote.deleteReason).toBe("Removed when the interaction was corrected");
    expect((await db().followUp.findUniqueOrThrow({ where: { id: stored.followUps[0]!.id } })).deletedAt).toEqual(now);
    const live = await getInteractionForEdit(world.actors.rm, stored.id);
    expect(live.quotes.map((q) => q.text)).toEqual([FLU]);
    expect(live.followUps).toEqual([]);
    expect((await signals()).followUps).toEqual([]);
    expect((await getOpenFollowUps(world.actors.rm, world.accounts.mine.id)).it).toEqual([]);
    const actions = (await db().auditEvent.findMany({ orderBy: { createdAt: "asc" }, skip: auditsBefore, select: { action: true } })).map((a) => a.action).sort();
    expect(actions).toEqual(["followUp.deleted", "quote.created", "quote.deleted"]);

    // The same form again changes nothing: no write, no audit event.
    const again = await updateInteraction(world.actors.rm, edit(live), now);
    expect(again.result.changed).toBe(0);
    expect(await db().auditEvent.count()).toBe(auditsBefore + 3);
  });

  it("refuses rows of another interaction or attendees of another account, writing nothing", async () => {
    const stored = await logged();
    const other = await logged({ summary: "Another meeting" });
    const foreign = await db().contact.create({ data: { accountId: world.accounts.theirs.id, name: "Someone else" } });
    const audits = await db().auditEvent.count();
    const attempts = [
      edit(stored, { summary: "Changed", quotes: [{ id: other.quotes[0]!.id, side: "BUSINESS", text: "Hijacked" }] }),
      edit(stored, { summary: "Changed", followUps: [{ id: other.followUps[0]!.id, description: "Hijacked", owedBy: "IT", dueDate: daysFromNow(14) }] }),
      edit(stored, { summary: "Changed", attendeeContactIds: [foreign.id] }),
    ];
    for (const input of attempts) await expect(updateInteraction(world.actors.rm, input, now)).rejects.toBeInstanceOf(InputConflictError);
    expect(await db().auditEvent.count()).toBe(audits);
    expect((await db().interaction.findUniqueOrThrow({ where: { id: stored.id } })).summary).toBe("Quarterly review");
    expect((await db().quote.findUniqueOrThrow({ where: { id: other.quotes[0]!.id } })).text).toBe(SNIFFLES);
  });

  it("answers every role as the access policy says, and treats another account's interaction as missing", async () => {
    const stored = await logged();
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(updateInteraction(actor, edit(stored, { summary: "Not theirs" }), now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteInteraction(actor, stored.id, "Not theirs", now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getInteractionForEdit(actor, stored.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateFollowUp(actor, stored.followUps[0]!.id, { description: "Not theirs", owedBy: "IT", dueDate: "2026-12-01" }, now)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteFollowUp(actor, stored.followUps[0]!.id, "Not theirs", now)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(updateInteraction(world.actors.rm, edit(stored, { interactionId: "czzzzzzzzzzzzzzzzzzzzzzzz" }), now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().interaction.findUniqueOrThrow({ where: { id: stored.id } })).summary).toBe("Quarterly review");
    for (const actor of [world.actors.admin, world.actors.cio, world.actors.rm]) {
      await expect(updateInteraction(actor, edit(stored, { summary: `Corrected by ${actor.role}` }), now)).resolves.toHaveProperty("result.changed", 1);
    }
  });
});

describe("deleting an interaction", () => {
  it("soft-deletes it with its quotes and follow-ups: they leave the timeline and the diagnosis, the audit keeps why", async () => {
    const stored = await logged({ quotes: [{ side: "BUSINESS", text: FLU }] });
    expect(JSON.stringify(await latestEvidence())).toContain(stored.id);

    await deleteInteraction(world.actors.rm, stored.id, "Logged against the wrong unit", new Date(now.getTime() + 1000));

    for (const row of [
      await db().interaction.findUniqueOrThrow({ where: { id: stored.id } }),
      await db().quote.findUniqueOrThrow({ where: { id: stored.quotes[0]!.id } }),
      await db().followUp.findUniqueOrThrow({ where: { id: stored.followUps[0]!.id } }),
    ]) {
      expect(row.deleteReason).toBe("Logged against the wrong unit");
      expect(row.deletedAt).not.toBeNull();
    }
    const evidence = await latestEvidence();
    expect(JSON.stringify(evidence)).not.toContain(stored.id);
    expect(evidence.phrases).toEqual([]);
    expect((await signals()).interactions).toEqual([]);
    expect((await getTimeline(world.actors.rm, world.accounts.mine.id)).interactions).toEqual([]);
    expect((await getOpenFollowUps(world.actors.client, world.accounts.mine.id)).it).toEqual([]);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: stored.id, action: "interaction.deleted" } });
    expect(audit.details).toMatchObject({ reason: "Logged against the wrong unit", before: { summary: "Quarterly review", quotes: [{ text: FLU }], followUps: [{ description: "Send the revised plan" }] } });
    expect(await db().auditEvent.count({ where: { action: { in: ["quote.deleted", "followUp.deleted"] } } })).toBe(2);

    // Gone for every later correction, and its follow-up can no longer be marked done.
    await expect(deleteInteraction(world.actors.rm, stored.id, "again", now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateInteraction(world.actors.rm, edit(stored), now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(completeFollowUp(world.actors.rm, stored.followUps[0]!.id, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("correcting a single follow-up", () => {
  it("updates with an audit of what changed and deletes with a reason, re-diagnosing each time", async () => {
    const stored = await logged();
    const followUp = stored.followUps[0]!;
    const updated = await updateFollowUp(world.actors.rm, followUp.id, { description: "Send the revised plan and budget", owedBy: "BUSINESS", dueDate: daysFromNow(14) }, now);
    expect(updated.result.changed).toBe(2);
    expect((await db().auditEvent.findFirstOrThrow({ where: { entityId: followUp.id, action: "followUp.updated" } })).details).toEqual({
      before: { description: "Send the revised plan", owedBy: "IT" },
      after: { description: "Send the revised plan and budget", owedBy: "BUSINESS" },
    });
    expect((await getOpenFollowUps(world.actors.rm, world.accounts.mine.id)).business.map((f) => f.description)).toEqual(["Send the revised plan and budget"]);

    await deleteFollowUp(world.actors.rm, followUp.id, "Agreed by mistake", new Date(now.getTime() + 1000));
    expect((await db().followUp.findUniqueOrThrow({ where: { id: followUp.id } })).deleteReason).toBe("Agreed by mistake");
    expect((await signals()).followUps).toEqual([]);
    expect((await getTimeline(world.actors.rm, world.accounts.mine.id)).interactions[0]?.followUps).toEqual([]);
    await expect(updateFollowUp(world.actors.rm, followUp.id, { description: "Back", owedBy: "IT", dueDate: "2026-12-01" }, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a client's rating", () => {
  it("is withdrawn by the client who gave it, with an optional reason: it leaves the lists and the diagnosis", async () => {
    const accountId = world.accounts.mine.id;
    const { id } = await submitRating(world.actors.client, ratingInput(accountId, { overall: 1, recommend: 0 }), now);
    expect((await signals()).ratings).toHaveLength(1);

    const { change } = await withdrawRating(world.actors.client, { ratingId: id, reason: "I rated the wrong unit" }, new Date(now.getTime() + 1000));
    expect(change.accountId).toBe(accountId);
    const rating = await db().rating.findUniqueOrThrow({ where: { id } });
    expect(rating.withdrawReason).toBe("I rated the wrong unit");
    expect(rating.withdrawnAt).not.toBeNull();
    expect(await listAccountRatings(world.actors.client, accountId)).toEqual([]);
    expect(await listAccountRatings(world.actors.rm, accountId)).toEqual([]);
    expect((await signals()).ratings).toEqual([]);
    expect(JSON.stringify(await latestEvidence())).not.toContain(id);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "rating.withdrawn" } });
    expect(audit).toMatchObject({ actorId: world.users.client.id, details: { before: { withdrawReason: null }, after: { withdrawReason: "I rated the wrong unit" } } });

    await expect(withdrawRating(world.actors.client, { ratingId: id, reason: "" }, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("is never withdrawn by IT, another client of the unit, or a client of another unit", async () => {
    const accountId = world.accounts.mine.id;
    const { id } = await submitRating(world.actors.client, ratingInput(accountId), now);
    const colleague = actorOf(await createUser(db(), { role: "CLIENT", accountId }));
    for (const actor of [world.actors.admin, world.actors.cio, world.actors.rm, colleague]) {
      await expect(withdrawRating(actor, { ratingId: id, reason: "" }, now)).rejects.toBeInstanceOf(ForbiddenError);
    }
    for (const actor of [world.actors.otherRm, world.actors.otherClient]) {
      await expect(withdrawRating(actor, { ratingId: id, reason: "" }, now)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(withdrawRating(world.actors.client, { ratingId: "not-an-id", reason: "" }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().rating.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
    expect(await db().auditEvent.count({ where: { action: "rating.withdrawn" } })).toBe(0);
  });
});

describe("the correction forms' actions", () => {
  const fields = (stored: Awaited<ReturnType<typeof logged>>, overrides: Record<string, string> = {}) => ({
    interactionId: stored.id,
    type: stored.type,
    occurredAt: stored.occurredAt.toISOString(),
    summary: stored.summary,
    notes: "",
    sentiment: stored.sentiment,
    itOnTime: "no",
    itPrepared: "yes",
    whatHappened: "HELD",
    "quotes[0].id": stored.quotes[0]!.id,
    "quotes[0].side": "BUSINESS",
    "quotes[0].text": stored.quotes[0]!.text,
    "followUps[0].id": stored.followUps[0]!.id,
    "followUps[0].description": stored.followUps[0]!.description,
    "followUps[0].owedBy": "IT",
    "followUps[0].dueDate": daysFromNow(14),
    ...overrides,
  });

  it("keeps bad input with a message and writes nothing, then saves and lands back on the interaction", async () => {
    const stored = await logged();
    signIn(world.actors.rm);
    const audits = await db().auditEvent.count();
    const bad = await post(updateInteractionAction, fields(stored, { summary: "", whatHappened: "SOMETHING", "quotes[0].text": "" }));
    expect(bad.state?.error).toMatchObject({ summary: ["Summary must be at least 3 characters"], whatHappened: ["Choose what happened"] });
    expect(bad.state?.initialValue).toMatchObject({ quotes: [{ id: stored.quotes[0]!.id }] });
    expect(await db().auditEvent.count()).toBe(audits);

    const good = await post(updateInteractionAction, fields(stored, { whatHappened: "NO_SHOW_BY_CLIENT" }));
    expect(good.redirectedTo).toBe(`/accounts/${world.accounts.mine.id}/record/${stored.id}`);
    expect(notice()).toMatch(/^Interaction corrected: Finance (moved from [\w ]+ to [\w ]+|stays at [\w ]+)$/);
    expect(await db().interaction.findUniqueOrThrow({ where: { id: stored.id }, select: { outcome: true, cancelledBy: true } })).toEqual({ outcome: "NO_SHOW", cancelledBy: "CLIENT" });
  });

  it("deletes only with a reason, and another manager's delete is refused as not found", async () => {
    const stored = await logged();
    signIn(world.actors.rm);
    expect((await post(deleteInteractionAction, { recordId: stored.id, reason: "" })).state?.error).toMatchObject({ reason: ["The reason must be at least 3 characters"] });
    signIn(world.actors.otherRm);
    expect(formError((await post(deleteInteractionAction, { recordId: stored.id, reason: "Not mine" })).state!)).toEqual(["That interaction was not found."]);
    expect((await db().interaction.findUniqueOrThrow({ where: { id: stored.id } })).deletedAt).toBeNull();
  });

  it("tells IT it may not withdraw a client's rating, and thanks the client who does", async () => {
    const { id } = await submitRating(world.actors.client, ratingInput(world.accounts.mine.id), now);
    signIn(world.actors.cio);
    expect(formError((await post(withdrawRatingAction, { ratingId: id, reason: "" })).state!)).toEqual([
      "IT never changes a client's rating: only the client who gave it may withdraw it.",
    ]);
    signIn(world.actors.client);
    // It stays on the page: the notice comes in the answer, for the toast.
    expect((await post(withdrawRatingAction, { ratingId: id, reason: "" })).state).toMatchObject({
      status: "success",
      notice: "Your rating is withdrawn: it no longer counts towards how IT is doing.",
    });
  });
});
