import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { completeFollowUp } from "../../lib/data/follow-ups";
import { getRecordHistory } from "../../lib/data/history";
import { deleteInteraction, getInteractionForEdit, logInteraction, updateInteraction } from "../../lib/data/interactions";
import { projectKind } from "../../lib/data/kinds/project";
import { submitRating, withdrawRating } from "../../lib/data/ratings";
import { createRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { historyParamsSchema, historyPath } from "../../lib/validation/history";
import { interactionEditSchema } from "../../lib/validation/interaction";
import { projectInputSchema } from "../../lib/validation/project";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

// Issue 6 §5: the CIO and admins see a record's change history, read from the audit log.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date();

async function correctedInteraction() {
  const { id } = await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id), now);
  const stored = await getInteractionForEdit(world.actors.rm, id);
  await updateInteraction(
    world.actors.cio,
    interactionEditSchema.parse({
      interactionId: id,
      type: "CALL",
      occurredAt: stored.occurredAt.toISOString(),
      summary: "Quarterly review by phone",
      sentiment: stored.sentiment,
      itOnTime: "no",
      itPrepared: "yes",
      whatHappened: "HELD",
      quotes: [{ id: stored.quotes[0]!.id, side: "BUSINESS", text: "IT really just doesn't get it" }],
      followUps: [],
    }),
    now,
  );
  return stored;
}

describe("a record's change history", () => {
  it("shows the CIO who changed an interaction, when, each field before and after, its parts, and why it was deleted", async () => {
    const stored = await correctedInteraction();
    await deleteInteraction(world.actors.admin, stored.id, "Logged twice", now);

    const { record, entries } = await getRecordHistory(world.actors.cio, "Interaction", stored.id);
    expect(record).toMatchObject({ entityType: "Interaction", accountId: world.accounts.mine.id, deleted: true });
    expect(record.name).toMatch(/^Call, \d+ \w+ \d{4}: Quarterly review by phone$/);

    const byVerb = (verb: string, part: "own" | "part") => entries.filter((e) => e.verb === verb && (part === "own" ? e.part === null : e.part !== null));
    expect(byVerb("created", "own")).toHaveLength(1);
    expect(byVerb("created", "own")[0]?.actorName).toBe(world.users.rm.name);
    expect(byVerb("created", "own")[0]?.changes).toEqual(expect.arrayContaining([{ field: "summary", after: "Quarterly review" }]));

    const [updated] = byVerb("updated", "own");
    expect(updated?.actorName).toBe(world.users.cio.name);
    expect(updated?.changes).toEqual([
      { field: "type", before: "MEETING", after: "CALL" },
      { field: "summary", before: "Quarterly review", after: "Quarterly review by phone" },
    ]);
    const [quoteChange] = byVerb("updated", "part");
    expect(quoteChange?.part).toMatch(/^Quote “IT really just doesn't get it”/);
    expect(quoteChange?.changes).toEqual([{ field: "text", before: "IT just doesn't get it", after: "IT really just doesn't get it" }]);
    expect(byVerb("deleted", "part").map((e) => e.reason)).toEqual(expect.arrayContaining(["Removed when the interaction was corrected", "Logged twice"]));

    const [deleted] = byVerb("deleted", "own");
    expect(deleted).toMatchObject({ actorName: world.users.admin.name, reason: "Logged twice", changes: [] });
    // Newest first.
    expect(entries[entries.length - 1]?.verb).toBe("created");
  });

  it("covers follow-ups (done), ratings (withdrawn) and the records of the account's sections", async () => {
    const { id } = await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id), now);
    const followUp = await db().followUp.findFirstOrThrow({ where: { interactionId: id } });
    await completeFollowUp(world.actors.rm, followUp.id, now);
    const followUpHistory = await getRecordHistory(world.actors.admin, "FollowUp", followUp.id);
    expect(followUpHistory.entries[0]).toMatchObject({ verb: "completed", changes: [{ field: "doneAt", before: null, after: now.toISOString() }] });

    const rating = await submitRating(world.actors.client, ratingInput(world.accounts.mine.id), now);
    await withdrawRating(world.actors.client, { ratingId: rating.id, reason: "Wrong unit" }, now);
    const ratingHistory = await getRecordHistory(world.actors.cio, "Rating", rating.id);
    expect(ratingHistory.record.deleted).toBe(true);
    expect(ratingHistory.entries.map((e) => e.verb)).toEqual(["withdrawn", "created"]);

    const project = projectInputSchema.parse({ name: "New ledger", status: "IN_PROGRESS", plannedEnd: "2026-02-01" });
    const { result } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project, now);
    await updateRecord(projectKind, world.actors.rm, result.id, { ...project, name: "Newer ledger" }, now);
    const projectHistory = await getRecordHistory(world.actors.cio, "Project", result.id);
    expect(projectHistory.record).toMatchObject({ name: "Project “Newer ledger”", href: `/accounts/${world.accounts.mine.id}/delivery#record-${result.id}` });
    expect(projectHistory.entries[0]?.changes).toEqual([{ field: "name", before: "New ledger", after: "Newer ledger" }]);
  });

  it("is for the CIO and admins only: other roles are refused for their role, whatever the record", async () => {
    const { id } = await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id), now);
    for (const actor of [world.actors.rm, world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getRecordHistory(actor, "Interaction", id)).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getRecordHistory(world.actors.admin, "Interaction", id)).resolves.toHaveProperty("record.id", id);
  });

  it("answers not found for a missing record, a malformed id, or an id of another kind", async () => {
    const { id } = await logInteraction(world.actors.otherRm, interactionInput(world.accounts.theirs.id), now);
    await expect(getRecordHistory(world.actors.cio, "Interaction", "czzzzzzzzzzzzzzzzzzzzzzzz")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRecordHistory(world.actors.cio, "Interaction", "../../etc")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getRecordHistory(world.actors.cio, "Project", id)).rejects.toBeInstanceOf(NotFoundError);
    // Another account's record by id: the CIO sees every account, so it is found.
    await expect(getRecordHistory(world.actors.cio, "Interaction", id)).resolves.toHaveProperty("record.accountId", world.accounts.theirs.id);
  });

  it("has addresses whose kind is checked: an unknown kind is not a page", () => {
    const id = "cabcdefghijklmnopqrstuvwx";
    expect(historyPath("FollowUp", id)).toBe(`/history/follow-up/${id}`);
    expect(historyParamsSchema.parse({ entityType: "sla-period", entityId: id })).toEqual({ entityType: "SlaPeriod", entityId: id });
    expect(historyParamsSchema.safeParse({ entityType: "user", entityId: id }).success).toBe(false);
    expect(historyParamsSchema.safeParse({ entityType: "interaction", entityId: "1" }).success).toBe(false);
  });
});
