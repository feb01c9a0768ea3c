import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError } from "../../lib/data/errors";
import { getWorklist, NOT_MET_DAYS, WORKLIST_SECTION_SIZE } from "../../lib/data/worklist";
import { db } from "../../lib/db/client";
import { buildFollowUp, createAccount, createContact, createInteraction, newId, toCalendarDay } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// The relationship manager's worklist (lib/data/worklist.ts): only their units, each section's rule.

const DAY = 86_400_000;
const now = new Date();
const days = (n: number) => new Date(now.getTime() + n * DAY);

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const followUp = (accountId: string, description: string, owedBy: "IT" | "BUSINESS", dueInDays: number, extra: Record<string, unknown> = {}) =>
  db().followUp.create({ data: buildFollowUp({ accountId, description, owedBy, createdAt: days(-30), dueDate: days(dueInDays), ...extra }) });

const meeting = (accountId: string, daysAgo: number, extra: Record<string, unknown> = {}) =>
  createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: days(-daysAgo), ...extra });

async function openCampaign(accountIds: string[], extra: Record<string, unknown> = {}) {
  return db().campaign.create({
    data: { name: `Pulse ${newId().slice(-5)}`, status: "OPEN", opensAt: days(-3), closesAt: days(11), accounts: { create: accountIds.map((accountId) => ({ accountId })) }, ...extra },
  });
}

const invite = (campaignId: string, accountId: string, contactId: string, extra: Record<string, unknown> = {}) =>
  db().ratingInvitation.create({
    data: { campaignId, accountId, contactId, tokenSalt: newId(), tokenHash: newId(), sentAt: days(-3), expiresAt: days(11), ...extra },
  });

describe("worklist", () => {
  it("holds only the caller's own units, in every section", async () => {
    const { mine, theirs } = world.accounts;
    await db().account.updateMany({ where: { id: { in: [mine.id, theirs.id] } }, data: { meetingCadenceDays: 30, createdAt: days(-60) } });
    const theirContact = await createContact(db(), { accountId: theirs.id, name: "Their Sponsor", createdAt: days(-400) });
    await db().contact.update({ where: { id: world.contact.id }, data: { createdAt: days(-400) } });
    for (const account of [mine, theirs]) {
      await followUp(account.id, `IT owes ${account.name}`, "IT", -2);
      await followUp(account.id, `${account.name} owes IT`, "BUSINESS", -1);
      await db().goal.create({ data: { accountId: account.id, title: `Goal of ${account.name}`, measure: "m", target: "t", ownerName: "o", agreedAt: toCalendarDay(days(-200)) } });
    }
    const campaign = await openCampaign([mine.id, theirs.id]);
    await invite(campaign.id, mine.id, world.contact.id);
    await invite(campaign.id, theirs.id, theirContact.id);

    const list = await getWorklist(world.actors.rm, now);
    const names = [
      ...list.itOwes.items,
      ...list.clientOwes.items,
      ...list.meetingsDue,
      ...list.contactsNotMet.items,
      ...list.goalReviewsDue,
      ...list.invitations.items,
    ].map((item) => item.accountName);
    expect(new Set(names)).toEqual(new Set(["Finance"]));
    expect(list.units.map((u) => u.name)).toEqual(["Finance"]);
    expect(list.itOwes.items.map((i) => i.description)).toEqual(["IT owes Finance"]);
    expect(list.clientOwes.items.map((i) => i.description)).toEqual(["Finance owes IT"]);
    expect(list.meetingsDue).toHaveLength(1);
    expect(list.contactsNotMet.items.map((c) => c.name)).toEqual(["Dana Finance"]);
    expect(list.goalReviewsDue.map((g) => g.title)).toEqual(["Goal of Finance"]);
    expect(list.invitations.items.map((i) => i.contactName)).toEqual(["Dana Finance"]);

    // The other manager sees theirs; the CIO, who manages no unit, an empty list; a client none at all.
    const other = await getWorklist(world.actors.otherRm, now);
    expect(other.itOwes.items.map((i) => i.description)).toEqual(["IT owes Sales"]);
    expect(other.invitations.items.map((i) => i.contactName)).toEqual(["Their Sponsor"]);
    const cio = await getWorklist(world.actors.cio, now);
    expect([cio.units, cio.itOwes.items, cio.clientOwes.items, cio.meetingsDue, cio.goalReviewsDue, cio.invitations.items].every((s) => s.length === 0)).toBe(true);
    await expect(getWorklist(world.actors.client, now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the CIO's worklist is the units they manage themselves", async () => {
    const unit = await createAccount(db(), { name: "Treasury", relationshipManagerId: world.users.cio.id });
    await followUp(unit.id, "Send the treasury roadmap", "IT", 3);
    const list = await getWorklist(world.actors.cio, now);
    expect(list.units.map((u) => u.name)).toEqual(["Treasury"]);
    expect(list.itOwes.items.map((i) => i.description)).toEqual(["Send the treasury roadmap"]);
  });

  it("lists follow-ups by due date, overdue first and marked; done, deleted and archived units' ones leave", async () => {
    const { mine } = world.accounts;
    await followUp(mine.id, "Due next week", "IT", 7);
    await followUp(mine.id, "Long overdue", "IT", -20);
    await followUp(mine.id, "Due today", "IT", 0);
    await followUp(mine.id, "Yesterday's", "IT", -1);
    await followUp(mine.id, "Done already", "IT", -5, { doneAt: days(-1) });
    await followUp(mine.id, "Deleted", "IT", -5, { deletedAt: days(-1), deleteReason: "typo" });
    await followUp(mine.id, "Client's sign-off", "BUSINESS", -3);
    const archived = await createAccount(db(), { name: "Old unit", relationshipManagerId: world.users.rm.id, archivedAt: days(-1) });
    await followUp(archived.id, "Of an archived unit", "IT", -9);

    const { itOwes, clientOwes } = await getWorklist(world.actors.rm, now);
    expect(itOwes.items.map((i) => [i.description, i.overdue])).toEqual([
      ["Long overdue", true],
      ["Yesterday's", true],
      ["Due today", false],
      ["Due next week", false],
    ]);
    expect(itOwes.total).toBe(4);
    expect(clientOwes.items.map((i) => [i.description, i.overdue])).toEqual([["Client's sign-off", true]]);
  });

  it("shows the first of a long section and counts them all", async () => {
    for (let n = 0; n < WORKLIST_SECTION_SIZE + 3; n++) await followUp(world.accounts.mine.id, `Item ${n}`, "BUSINESS", n);
    const { clientOwes } = await getWorklist(world.actors.rm, now);
    expect(clientOwes.items).toHaveLength(WORKLIST_SECTION_SIZE);
    expect(clientOwes.total).toBe(WORKLIST_SECTION_SIZE + 3);
    expect(clientOwes.items[0]?.description).toBe("Item 0");
  });

  it("lists meetings due by the agreed cadence: late ones first, those due within a week, none without a cadence", async () => {
    const rm = world.users.rm.id;
    const late = await createAccount(db(), { name: "Late unit", relationshipManagerId: rm, meetingCadenceDays: 30 });
    const soon = await createAccount(db(), { name: "Soon unit", relationshipManagerId: rm, meetingCadenceDays: 30 });
    const fine = await createAccount(db(), { name: "Fine unit", relationshipManagerId: rm, meetingCadenceDays: 30 });
    await createAccount(db(), { name: "Never met", relationshipManagerId: rm, meetingCadenceDays: 14, createdAt: days(-20) });
    const fresh = await createAccount(db(), { name: "Fresh unit", relationshipManagerId: rm, meetingCadenceDays: 14, createdAt: days(-2) });
    await createAccount(db(), { name: "No cadence", relationshipManagerId: rm });
    await meeting(late.id, 45);
    await meeting(soon.id, 26);
    await meeting(fine.id, 5);
    // Neither an email, a cancelled meeting nor a deleted one keeps the rhythm.
    await meeting(late.id, 1, { type: "EMAIL" });
    await meeting(late.id, 2, { outcome: "CANCELLED", cancelledBy: "CLIENT" });
    await meeting(late.id, 3, { deletedAt: days(-1), deleteReason: "logged twice" });

    const { meetingsDue } = await getWorklist(world.actors.rm, now);
    expect(meetingsDue.map((m) => [m.accountName, m.overdue])).toEqual([
      ["Late unit", true],
      ["Never met", true],
      ["Soon unit", false],
    ]);
    expect(meetingsDue[0]?.lastMetAt?.getTime()).toBe(days(-45).getTime());
    expect(meetingsDue[1]?.lastMetAt).toBeNull();
    expect(meetingsDue.map((m) => m.accountId)).not.toContain(fresh.id);
  });

  it("lists active contacts not met for a long while, the most influential first", async () => {
    const { mine } = world.accounts;
    const old = { createdAt: days(-400) };
    const high = await createContact(db(), { accountId: mine.id, name: "High Unmet", influence: "HIGH", ...old });
    const low = await createContact(db(), { accountId: mine.id, name: "Low Unmet", influence: "LOW", ...old });
    const met = await createContact(db(), { accountId: mine.id, name: "Met Lately", influence: "HIGH", ...old });
    const longAgo = await createContact(db(), { accountId: mine.id, name: "Met Long Ago", influence: "HIGH", ...old });
    await createContact(db(), { accountId: mine.id, name: "Left Already", influence: "HIGH", leftAt: days(-10), ...old });
    await createContact(db(), { accountId: mine.id, name: "Just Added", influence: "HIGH", createdAt: days(-3) });
    await meeting(mine.id, 10, { contactIds: [met.id] });
    await meeting(mine.id, NOT_MET_DAYS + 30, { contactIds: [longAgo.id] });
    // A no-show is not a meeting.
    await meeting(mine.id, 5, { contactIds: [high.id], outcome: "NO_SHOW", cancelledBy: "CLIENT" });

    const { contactsNotMet } = await getWorklist(world.actors.rm, now);
    // "Dana Finance", the world's contact, was added today: not yet a long while.
    expect(contactsNotMet.items.map((c) => c.name)).toEqual(["High Unmet", "Met Long Ago", "Low Unmet"]);
    expect(contactsNotMet.items[1]?.lastMetAt?.getTime()).toBe(days(-(NOT_MET_DAYS + 30)).getTime());
    expect(contactsNotMet.items.at(-1)?.id).toBe(low.id);
  });

  it("lists goal reviews overdue or due within a week, by the Goals section's schedule", async () => {
    const { mine } = world.accounts;
    const goal = (title: string, agreedDaysAgo: number, extra: Record<string, unknown> = {}) =>
      db().goal.create({ data: { accountId: mine.id, title, measure: "m", target: "t", ownerName: "o", agreedAt: toCalendarDay(days(-agreedDaysAgo)), reviewEveryDays: 90, ...extra } });
    await goal("Overdue", 120);
    await goal("Due in 5 days", 85);
    await goal("Due in a month", 60);
    await goal("Closed", 200, { closedAt: toCalendarDay(days(-10)) });
    const reviewed = await goal("Reviewed lately", 200);
    await db().goalReview.create({ data: { goalId: reviewed.id, reviewedAt: toCalendarDay(days(-20)), result: "PARTLY" } });

    const { goalReviewsDue } = await getWorklist(world.actors.rm, now);
    expect(goalReviewsDue.map((g) => [g.title, g.overdue])).toEqual([
      ["Overdue", true],
      ["Due in 5 days", false],
    ]);
  });

  it("lists rating requests unanswered while their link works, soonest to lapse first; never an anonymous campaign's", async () => {
    const { mine } = world.accounts;
    const [soon, later, answered, revoked, expired, skipped] = await Promise.all(
      ["Soon Lapsing", "Later Lapsing", "Answered", "Revoked", "Expired", "Skipped"].map((name) => createContact(db(), { accountId: mine.id, name })),
    );
    const campaign = await openCampaign([mine.id]);
    await invite(campaign.id, mine.id, later!.id);
    await invite(campaign.id, mine.id, soon!.id, { expiresAt: days(2) });
    await invite(campaign.id, mine.id, answered!.id, { answeredAt: days(-1) });
    await invite(campaign.id, mine.id, revoked!.id, { revokedAt: days(-1) });
    await invite(campaign.id, mine.id, expired!.id, { expiresAt: days(-1) });
    await invite(campaign.id, mine.id, skipped!.id, { skippedReason: "Unsubscribed", sentAt: null });
    const anonymous = await openCampaign([mine.id], { anonymous: true });
    await invite(anonymous.id, mine.id, world.contact.id);
    const closed = await openCampaign([mine.id], { status: "CLOSED" });
    await invite(closed.id, mine.id, world.contact.id);

    const { invitations } = await getWorklist(world.actors.rm, now);
    expect(invitations.items.map((i) => i.contactName)).toEqual(["Soon Lapsing", "Later Lapsing"]);
    expect(invitations.items[0]).toMatchObject({ campaignId: campaign.id, campaignName: campaign.name });
    expect(invitations.items[0]?.lapsesAt.getTime()).toBe(days(2).getTime());
    expect(invitations.total).toBe(2);
  });

  it("lists the open actions the caller owns, overdue first; the CIO's on any unit", async () => {
    const { mine, theirs } = world.accounts;
    const action = (accountId: string, ownerId: string, title: string, dueInDays: number, extra: Record<string, unknown> = {}) =>
      db().action.create({ data: { accountId, ownerId, title, dueDate: toCalendarDay(days(dueInDays)), ...extra } });
    await action(mine.id, world.users.rm.id, "Book the reset workshop", 5);
    await action(mine.id, world.users.rm.id, "Send the incident report", -2);
    await action(mine.id, world.users.rm.id, "Done already", -9, { status: "DONE", closedAt: days(-1), outcome: "Sent" });
    await action(theirs.id, world.users.otherRm.id, "Their action", -1);
    await action(theirs.id, world.users.cio.id, "The CIO's call to the sponsor", 1);

    const { actions } = await getWorklist(world.actors.rm, now);
    expect(actions.items.map((a) => [a.title, a.accountName, a.overdue])).toEqual([
      ["Send the incident report", "Finance", true],
      ["Book the reset workshop", "Finance", false],
    ]);
    const cio = await getWorklist(world.actors.cio, now);
    expect(cio.actions.items.map((a) => [a.title, a.accountName])).toEqual([["The CIO's call to the sponsor", "Sales"]]);
  });
});
