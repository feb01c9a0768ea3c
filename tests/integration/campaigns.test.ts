import { beforeEach, describe, expect, it } from "vitest";
import { runCampaignTick, type Outbox } from "../../lib/campaigns/lifecycle";
import { getSurveyPolicy, saveSurveyPolicy } from "../../lib/campaigns/policy";
import { cancelCampaign, campaignChoices, createCampaign, getCampaignPage, listCampaigns, remindNow, revokeInvitation } from "../../lib/data/campaigns";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import type { Actor } from "../../lib/data/permissions";
import { db } from "../../lib/db/client";
import { queueInvitationEmail } from "../../lib/mail";
import { campaignInputSchema } from "../../lib/validation/campaign";
import { createContact, createRating, createUser } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Campaigns on the real database with an injected clock. Emails are queued by lib/mail's
// queueInvitationEmail (inside the tick's transaction); delivery is simulated by marking rows sent.

const NOW = new Date("2026-12-02T09:00:00Z");
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

let deliveryRequests = 0;
// lib/mail's queueing, in the tick's transaction; the delivery run is only counted here.
const outbox: Outbox = {
  queue: queueInvitationEmail,
  requestDelivery: async () => {
    deliveryRequests++;
  },
};
const tick = (now: Date) => runCampaignTick(db(), now, { outbox });

/** What the delivery job does once the mail server accepted each queued email. */
async function deliverAll(now: Date) {
  const queued = await db().emailMessage.findMany({ where: { status: "QUEUED" }, include: { invitation: { include: { campaign: true } } } });
  for (const email of queued) {
    await db().emailMessage.update({ where: { id: email.id }, data: { status: "SENT", sentAt: now, transport: "mailbox", attempts: 1 } });
    const invitation = email.invitation!;
    if (!invitation.sentAt) {
      await db().ratingInvitation.update({ where: { id: invitation.id }, data: { sentAt: now, expiresAt: new Date(now.getTime() + invitation.campaign.linkValidDays * DAY) } });
    }
  }
}

const form = (overrides: Record<string, unknown> = {}) =>
  campaignInputSchema.parse({ name: "Winter check-in", accountIds: [world.accounts.mine.id], contactMode: "all", opensOn: "2026-12-02", closesOn: "2026-12-16", recurrence: "NONE", ...overrides });

/** Answers an invitation as lib/data/invitations does (anonymous: no link to the person, day-truncated times). */
async function answer(invitationId: string, now: Date, scores: { overall?: number; recommend?: number; comment?: string; serviceScores?: { coreSystemId: string; importance: number; satisfaction: number }[] } = {}) {
  const invitation = await db().ratingInvitation.findUniqueOrThrow({ where: { id: invitationId }, include: { campaign: true } });
  const anonymous = invitation.campaign.anonymous;
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const rating = await db().rating.create({
    data: {
      id: anonymous ? crypto.randomUUID().replaceAll("-", "") : undefined,
      idempotencyKey: crypto.randomUUID(),
      accountId: invitation.accountId,
      source: "INVITATION",
      campaignId: invitation.campaignId,
      contactId: anonymous ? null : invitation.contactId,
      overall: scores.overall ?? 3,
      recommend: scores.recommend ?? 7,
      comment: scores.comment ?? "",
      createdAt: anonymous ? day : now,
    },
  });
  for (const s of scores.serviceScores ?? []) await db().serviceScore.create({ data: { ratingId: rating.id, ...s } });
  await db().ratingInvitation.update({ where: { id: invitationId }, data: { answeredAt: anonymous ? day : now, ratingId: anonymous ? null : rating.id } });
}

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  deliveryRequests = 0;
  // Dana (the world's contact) gets an address; the tests add the others they need.
  await db().contact.update({ where: { id: world.contact.id }, data: { email: "dana@finance.test" } });
});

describe("who may run campaigns", () => {
  it("lets the CIO and admins ask any account, a manager only their own, a client never", async () => {
    const both = form({ accountIds: [world.accounts.mine.id, world.accounts.theirs.id] });
    await expect(createCampaign(world.actors.cio, both, NOW)).resolves.toMatchObject({ opensNow: true });
    await expect(createCampaign(world.actors.admin, both, NOW)).resolves.toBeTruthy();
    await expect(createCampaign(world.actors.rm, form(), NOW)).resolves.toBeTruthy();
    await expect(createCampaign(world.actors.rm, both, NOW)).rejects.toThrow(/only for the accounts you manage \(not Sales\)/);
    await expect(createCampaign(world.actors.client, form(), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(campaignChoices(world.actors.client)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await campaignChoices(world.actors.rm)).accounts.map((a) => a.name)).toEqual(["Finance"]);
    expect(await db().campaign.count()).toBe(3);
    expect(await db().auditEvent.count({ where: { action: "campaign.created" } })).toBe(3);
  });

  it("shows a manager only the campaigns and accounts they manage", async () => {
    const both = await createCampaign(world.actors.cio, form({ accountIds: [world.accounts.mine.id, world.accounts.theirs.id] }), NOW);
    const theirsOnly = await createCampaign(world.actors.otherRm, form({ accountIds: [world.accounts.theirs.id] }), NOW);
    expect((await listCampaigns(world.actors.cio)).length).toBe(2);
    const rmList = await listCampaigns(world.actors.rm);
    expect(rmList.map((c) => c.id)).toEqual([both.id]);
    expect(rmList[0]!.accounts.map((a) => a.name)).toEqual(["Finance"]);
    await expect(getCampaignPage(world.actors.rm, theirsOnly.id)).rejects.toBeInstanceOf(NotFoundError);
    const page = await getCampaignPage(world.actors.rm, both.id);
    expect(page.partial).toBe(true);
    expect(page.canCancel).toBe(false);
    await expect(cancelCampaign(world.actors.rm, both.id, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listCampaigns(world.actors.client)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("validating a campaign", () => {
  const problems = (input: Record<string, unknown>) => {
    const parsed = campaignInputSchema.safeParse({ name: "Check-in", accountIds: ["c".padEnd(25, "a")], contactMode: "all", opensOn: "2026-12-02", closesOn: "2026-12-16", recurrence: "NONE", ...input });
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("explains each mistake", () => {
    expect(problems({ closesOn: "2026-12-02" })).toEqual({ closesOn: "The closing date must be after the opening date" });
    expect(problems({ closesOn: "2026-11-30" })).toEqual({ closesOn: "The closing date must be after the opening date" });
    expect(problems({ opensOn: "2026-02-30" })).toEqual({ opensOn: "Enter the opening date as a date (YYYY-MM-DD)" });
    expect(problems({ closesOn: "2027-06-01" })).toEqual({ closesOn: "A campaign stays open at most 90 days" });
    expect(problems({ recurrence: "MONTHLY", closesOn: "2027-01-15" })).toMatchObject({ closesOn: expect.stringContaining("at most 28 days for a monthly campaign") });
    expect(problems({ accountIds: [] })).toEqual({ accountIds: "Choose at least one account" });
    expect(problems({ contactMode: "chosen", contactIds: [] })).toEqual({ contactIds: "Choose at least one contact, or ask all active contacts" });
    expect(problems({ name: "" })).toEqual({ name: "The campaign's name is required" });
    expect(problems({ recurrence: "WEEKLY" })).toEqual({ recurrence: "Choose how often the campaign repeats" });
    expect(problems({ maxReminders: "0x3" })).toEqual({ maxReminders: "The number of reminders must be a whole number" });
  });

  it("refuses a past opening date, K below the policy and contacts of another account, writing nothing", async () => {
    await expect(createCampaign(world.actors.cio, form({ opensOn: "2026-12-01" }), NOW)).rejects.toMatchObject({ fieldErrors: { opensOn: ["The opening date cannot be in the past"] } });
    await saveSurveyPolicy(db(), world.actors.cio, { ...(await getSurveyPolicy(db())), minGroupSize: 6 });
    const lowK = createCampaign(world.actors.cio, form({ anonymous: "on", minGroupSize: "5" }), NOW);
    await expect(lowK).rejects.toBeInstanceOf(InputConflictError);
    await expect(lowK).rejects.toMatchObject({ fieldErrors: { minGroupSize: [expect.stringContaining("At least 6")] } });
    const stranger = await createContact(db(), { accountId: world.accounts.theirs.id, email: "s@sales.test" });
    await expect(createCampaign(world.actors.cio, form({ contactMode: "chosen", contactIds: [stranger.id] }), NOW)).rejects.toMatchObject({ fieldErrors: { contactIds: ["Choose contacts of the accounts you ask"] } });
    expect(await db().campaign.count()).toBe(0);
  });

  it("fills blank settings from the policy", async () => {
    await saveSurveyPolicy(db(), world.actors.admin, { recontactDays: 30, minGroupSize: 7, maxReminders: 1, reminderEveryDays: 3, linkValidDays: 10 });
    const { id } = await createCampaign(world.actors.cio, form({ anonymous: "on" }), NOW);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ minGroupSize: 7, maxReminders: 1, reminderEveryDays: 3, linkValidDays: 10, opensAt: NOW, closesAt: new Date("2026-12-16T23:59:59Z") });
  });
});

describe("the survey policy", () => {
  it("defaults, saves for the CIO and admins only, and says what changed", async () => {
    expect(await getSurveyPolicy(db())).toEqual({ recontactDays: 30, minGroupSize: 5, maxReminders: 2, reminderEveryDays: 5, linkValidDays: 14 });
    const saved = await saveSurveyPolicy(db(), world.actors.cio, { recontactDays: "45", minGroupSize: "5", maxReminders: "1", reminderEveryDays: "5", linkValidDays: "14" });
    expect(saved.changes).toEqual([{ field: "recontactDays", from: 30, to: 45 }, { field: "maxReminders", from: 2, to: 1 }]);
    expect((await getSurveyPolicy(db())).recontactDays).toBe(45);
    await expect(saveSurveyPolicy(db(), world.actors.rm, saved.policy)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveSurveyPolicy(db(), world.actors.admin, { ...saved.policy, minGroupSize: 1 })).rejects.toThrow();
  });
});

describe("opening a campaign", () => {
  it("asks each chosen contact once, skipping with a reason those who must not be emailed", async () => {
    const mine = world.accounts.mine.id;
    const noEmail = await createContact(db(), { accountId: mine, name: "No Email" });
    const unsubscribed = await createContact(db(), { accountId: mine, name: "Una Subscribed", email: "una@finance.test", unsubscribedAt: at(-40) });
    await createContact(db(), { accountId: mine, name: "Gone Already", email: "gone@finance.test", leftAt: at(-3) });
    const recent = await createContact(db(), { accountId: mine, name: "Recently Asked", email: "recent@finance.test" });
    const longAgo = await createContact(db(), { accountId: mine, name: "Long Ago", email: "long@finance.test" });
    await createContact(db(), { accountId: mine, name: "App Rater", email: "Client.User@Finance.test" });
    await db().user.update({ where: { id: world.users.client.id }, data: { email: "client.user@finance.test" } });
    await createRating(db(), { accountId: mine, userId: world.users.client.id, source: "APP", createdAt: at(-10) });

    // An earlier campaign asked `recent` 20 days ago and `longAgo` 45 days ago.
    const earlier = await db().campaign.create({ data: { name: "Autumn round", opensAt: at(-50), closesAt: at(-15), status: "CLOSED" } });
    await db().ratingInvitation.createMany({
      data: [
        { campaignId: earlier.id, accountId: mine, contactId: recent.id, tokenSalt: "s1", tokenHash: "h1", createdAt: at(-20), sentAt: at(-20) },
        { campaignId: earlier.id, accountId: mine, contactId: longAgo.id, tokenSalt: "s2", tokenHash: "h2", createdAt: at(-45), sentAt: at(-45) },
      ],
    });

    const { id } = await createCampaign(world.actors.cio, form(), NOW);
    const result = await tick(NOW);
    expect(result).toMatchObject({ opened: 1, invited: 2, skipped: 4 });
    expect(deliveryRequests).toBe(1);

    const invitations = await db().ratingInvitation.findMany({ where: { campaignId: id }, include: { contact: true } });
    const reason = (name: string) => invitations.find((i) => i.contact.name === name)?.skippedReason;
    expect(reason("Dana Finance")).toBeNull();
    expect(reason("Long Ago")).toBeNull();
    expect(reason("No Email")).toBe("No email address");
    expect(reason("Una Subscribed")).toMatch(/^Unsubscribed on .*: never emailed again$/);
    expect(reason("Recently Asked")).toMatch(/^Asked in “Autumn round” on .*, within the 30-day recontact window$/);
    expect(reason("App Rater")).toMatch(/^Rated IT in the app \(signed in\) on .*, within the 30-day recontact window$/);
    expect(reason("Gone Already")).toBeUndefined(); // "all active contacts" leaves out those who left
    expect(invitations.find((i) => i.contactId === noEmail.id)?.tokenHash).not.toBe(invitations.find((i) => i.contactId === unsubscribed.id)?.tokenHash);
    expect(await db().emailMessage.count({ where: { kind: "INVITATION" } })).toBe(2);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", openedAt: NOW });

    // The page shows the reasons, and the response rate counts only those asked.
    const page = await getCampaignPage(world.actors.cio, id);
    expect(page.overall).toMatchObject({ invited: 2, answered: 0, skipped: 4, responseRate: 0 });
    expect(page.invitations.find((i) => i.contactName === "No Email")).toMatchObject({ skippedReason: "No email address", delivery: { tone: "skipped" }, canRevoke: false });
    expect(page.invitations.find((i) => i.contactName === "Dana Finance")).toMatchObject({ delivery: { tone: "queued", label: "Queued" }, answered: false, canRevoke: true });

    // A second campaign opening the next day skips those just asked (across campaigns).
    const second = await createCampaign(world.actors.cio, form({ name: "Follow-up", opensOn: "2026-12-03" }), NOW);
    await tick(at(1));
    const reasons = await db().ratingInvitation.findMany({ where: { campaignId: second.id }, include: { contact: true } });
    expect(reasons.find((i) => i.contact.name === "Dana Finance")?.skippedReason).toMatch(/^Asked in “Winter check-in”/);
  });

  it("does the work once when two ticks run at the same time", async () => {
    await createContact(db(), { accountId: world.accounts.mine.id, name: "Second", email: "second@finance.test" });
    const { id } = await createCampaign(world.actors.cio, form(), NOW);
    const results = await Promise.all([tick(NOW), tick(NOW)]);
    expect(results.map((r) => r.opened).sort()).toEqual([0, 1]);
    expect(await db().ratingInvitation.count({ where: { campaignId: id } })).toBe(2);
    expect(await db().emailMessage.count()).toBe(2);
    await deliverAll(NOW);
    const reminders = await Promise.all([tick(at(6)), tick(at(6))]);
    expect(reminders.reduce((sum, r) => sum + r.reminders, 0)).toBe(2);
    expect(await db().emailMessage.count({ where: { kind: "REMINDER" } })).toBe(2);
    const closes = await Promise.all([tick(at(15)), tick(at(15))]);
    expect(closes.reduce((sum, r) => sum + r.closed, 0)).toBe(1);
  });

  it("a campaign for later waits for its day", async () => {
    const { id, opensNow } = await createCampaign(world.actors.cio, form({ opensOn: "2026-12-05", closesOn: "2026-12-19" }), NOW);
    expect(opensNow).toBe(false);
    expect((await tick(NOW)).opened).toBe(0);
    expect((await tick(new Date("2026-12-05T00:00:00Z"))).opened).toBe(1);
    expect(await db().ratingInvitation.count({ where: { campaignId: id } })).toBe(1);
  });
});

describe("reminders", () => {
  it("go only to those who have not answered, spaced, at most the campaign's maximum", async () => {
    const other = await createContact(db(), { accountId: world.accounts.mine.id, name: "Quiet One", email: "quiet@finance.test" });
    const { id } = await createCampaign(world.actors.cio, form({ closesOn: "2026-12-30", reminderEveryDays: "5", maxReminders: "2" }), NOW);
    await tick(NOW);
    await deliverAll(NOW);
    const dana = await db().ratingInvitation.findFirstOrThrow({ where: { campaignId: id, contactId: world.contact.id } });
    await answer(dana.id, at(2));

    expect((await tick(at(4))).reminders).toBe(0); // not yet 5 days
    expect((await tick(at(5))).reminders).toBe(1);
    expect((await tick(at(6))).reminders).toBe(0); // spacing from the last reminder
    await deliverAll(at(6));
    expect((await tick(at(10))).reminders).toBe(1);
    expect((await tick(at(20))).reminders).toBe(0); // at most 2
    const reminders = await db().emailMessage.findMany({ where: { kind: "REMINDER" }, include: { invitation: true } });
    expect(reminders.map((r) => r.invitation!.contactId)).toEqual([other.id, other.id]);
    expect(await db().ratingInvitation.findUniqueOrThrow({ where: { id: reminders[0]!.invitationId! } })).toMatchObject({ remindersSent: 2, lastRemindedAt: at(10) });

    // Unsubscribing or a revoked link stops them too.
    const third = await createContact(db(), { accountId: world.accounts.mine.id, name: "Third", email: "third@finance.test" });
    const fourth = await createContact(db(), { accountId: world.accounts.mine.id, name: "Fourth", email: "fourth@finance.test" });
    const later = await createCampaign(world.actors.cio, form({ name: "Later", contactMode: "chosen", contactIds: [third.id, fourth.id], opensOn: "2026-12-03" }), NOW);
    await tick(at(1));
    await deliverAll(at(1));
    await db().contact.update({ where: { id: third.id }, data: { unsubscribedAt: at(2) } });
    const fourthInvitation = await db().ratingInvitation.findFirstOrThrow({ where: { campaignId: later.id, contactId: fourth.id } });
    await revokeInvitation(world.actors.cio, { campaignId: later.id, invitationId: fourthInvitation.id }, at(2));
    expect((await tick(at(7))).reminders).toBe(0);
  });
});

describe("remind now", () => {
  it("reminds only those who have not answered, within the maximum, for those who may change the campaign", async () => {
    const quiet = await createContact(db(), { accountId: world.accounts.mine.id, name: "Quiet One", email: "quiet@finance.test" });
    const { id } = await createCampaign(world.actors.cio, form({ maxReminders: "1" }), NOW);
    await expect(remindNow(world.actors.cio, id, NOW, outbox)).rejects.toThrow("only while a campaign is open");
    await tick(NOW);
    await deliverAll(NOW);
    expect((await getCampaignPage(world.actors.cio, id)).canRemind).toBe(true);
    const dana = await db().ratingInvitation.findFirstOrThrow({ where: { campaignId: id, contactId: world.contact.id } });
    await answer(dana.id, at(0.1));
    await expect(remindNow(world.actors.otherRm, id, at(0.2), outbox)).rejects.toBeInstanceOf(NotFoundError);
    expect(await remindNow(world.actors.rm, id, at(0.2), outbox)).toEqual({ name: "Winter check-in", reminders: 1 });
    expect(await remindNow(world.actors.cio, id, at(0.3), outbox)).toMatchObject({ reminders: 0 });
    const reminders = await db().emailMessage.findMany({ where: { kind: "REMINDER" }, include: { invitation: true } });
    expect(reminders.map((r) => r.invitation!.contactId)).toEqual([quiet.id]);
    expect((await getCampaignPage(world.actors.cio, id)).canRemind).toBe(false);
  });
});

describe("closing and recurrence", () => {
  it("closes at the closing time and schedules the next round of a recurring campaign once", async () => {
    const { id } = await createCampaign(world.actors.cio, form({ recurrence: "MONTHLY", closesOn: "2026-12-16" }), NOW);
    await tick(NOW);
    expect((await tick(new Date("2026-12-16T23:00:00Z"))).closed).toBe(0);
    const closing = await tick(new Date("2026-12-17T00:00:00Z"));
    expect(closing).toMatchObject({ closed: 1, nextRounds: 1 });
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CLOSED" });
    const next = await db().campaign.findFirstOrThrow({ where: { previousId: id }, include: { accounts: true } });
    expect(next).toMatchObject({ status: "SCHEDULED", name: "Winter check-in", recurrence: "MONTHLY", opensAt: new Date("2027-01-02T09:00:00Z"), closesAt: new Date("2027-01-16T23:59:59Z") });
    expect(next.accounts.map((a) => a.accountId)).toEqual([world.accounts.mine.id]);
    expect((await tick(new Date("2026-12-18T00:00:00Z"))).nextRounds).toBe(0);
    expect(await db().campaign.count()).toBe(2);

    // The next round opens on its day; Dana was asked 31 days earlier, outside the window.
    expect((await tick(new Date("2027-01-02T09:00:00Z"))).invited).toBe(1);
  });

  it("cancelling stops the links and the queued emails", async () => {
    const { id } = await createCampaign(world.actors.rm, form(), NOW);
    await tick(NOW);
    const cancelled = await cancelCampaign(world.actors.rm, id, at(1));
    expect(cancelled.revoked).toBe(1);
    expect(await db().emailMessage.count()).toBe(0);
    expect(await db().ratingInvitation.findFirstOrThrow({ where: { campaignId: id } })).toMatchObject({ revokedAt: at(1) });
    await expect(cancelCampaign(world.actors.cio, id, at(1))).rejects.toThrow("already cancelled");
    expect((await tick(at(20))).closed).toBe(0);
  });
});

describe("results and anonymity", () => {
  async function anonymousCampaign(contacts: number, actor: Actor = world.actors.cio) {
    const system = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Ledger" } });
    for (let i = 0; i < contacts - 1; i++) await createContact(db(), { accountId: world.accounts.mine.id, name: `Person ${i}`, email: `p${i}@finance.test` });
    const { id } = await createCampaign(actor, form({ anonymous: "on", askScorecard: "on" }), NOW);
    await tick(NOW);
    await deliverAll(NOW);
    const invitations = await db().ratingInvitation.findMany({ where: { campaignId: id }, orderBy: { id: "asc" } });
    return { id, system, invitations };
  }

  it("shows no score, comment or scorecard for fewer than K answers", async () => {
    const { id, system, invitations } = await anonymousCampaign(6);
    for (const invitation of invitations.slice(0, 4)) await answer(invitation.id, at(1), { overall: 2, comment: "Too slow", serviceScores: [{ coreSystemId: system.id, importance: 5, satisfaction: 1 }] });
    // The two who did not answer are reminded: the page must not show that either.
    expect((await tick(at(5))).reminders).toBe(2);
    await deliverAll(at(5));
    const page = await getCampaignPage(world.actors.cio, id);
    expect(page.invitations.map((i) => i.delivery.label).filter((label) => /reminder/i.test(label))).toEqual([]);
    // Revoking is offered, and answered alike, whether or not the person answered.
    expect(page.invitations.every((i) => i.canRevoke)).toBe(true);
    await expect(revokeInvitation(world.actors.cio, { campaignId: id, invitationId: invitations[0]!.id })).resolves.toBeTruthy();
    await expect(revokeInvitation(world.actors.cio, { campaignId: id, invitationId: invitations[5]!.id })).resolves.toBeTruthy();
    expect(page.overall.result).toEqual({ shown: false, answers: 4, needed: 5 });
    expect(page.accounts[0]!.result.shown).toBe(false);
    expect(page.scorecard).toEqual([expect.objectContaining({ name: "Ledger", hidden: true, importance: null, satisfaction: null, answers: 4 })]);
    expect(JSON.stringify(page)).not.toContain("Too slow");
    // Who was invited and delivery show; who answered does not.
    expect(page.invitations.every((i) => i.answered === null && i.answeredAt === null && i.remindersSent === null)).toBe(true);
    expect(page.overall).toMatchObject({ invited: 6, answered: 4, responseRate: 67 });
    // Anonymous ratings keep no link to the person.
    expect(await db().rating.count({ where: { campaignId: id, OR: [{ contactId: { not: null } }, { userId: { not: null } }] } })).toBe(0);
  });

  it("shows scores, comments and the scorecard from K answers on, without names", async () => {
    const { id, system, invitations } = await anonymousCampaign(6);
    for (const [index, invitation] of invitations.slice(0, 5).entries()) {
      await answer(invitation.id, at(1), { overall: index < 3 ? 2 : 4, recommend: index < 2 ? 10 : 5, comment: index === 0 ? "Too slow" : "", serviceScores: [{ coreSystemId: system.id, importance: 5, satisfaction: 2 }] });
    }
    const page = await getCampaignPage(world.actors.cio, id);
    expect(page.overall.result).toMatchObject({ shown: true, scores: { answers: 5, meanOverall: 2.8, nps: -20, comments: [{ text: "Too slow", raterName: null }] } });
    expect(page.scorecard).toEqual([expect.objectContaining({ name: "Ledger", hidden: false, importance: 5, satisfaction: 2, answers: 5, fixFirst: true })]);
    expect(page.overall.responseRate).toBe(83);
  });

  it("names the rater beside a non-anonymous answer and shows any number of answers", async () => {
    const { id } = await createCampaign(world.actors.cio, form(), NOW);
    await tick(NOW);
    await deliverAll(NOW);
    const [invitation] = await db().ratingInvitation.findMany({ where: { campaignId: id } });
    await answer(invitation!.id, at(1), { overall: 5, recommend: 9, comment: "Great help" });
    const page = await getCampaignPage(world.actors.cio, id);
    expect(page.overall.result).toMatchObject({ shown: true, scores: { answers: 1, meanOverall: 5, nps: 100, comments: [{ text: "Great help", raterName: "Dana Finance" }] } });
    expect(page.invitations[0]).toMatchObject({ answered: true, canRevoke: false, delivery: { tone: "sent" } });
    expect(page.overall.responseRate).toBe(100);
    expect((await listCampaigns(world.actors.cio))[0]).toMatchObject({ invited: 1, answered: 1, responseRate: 100 });
    await expect(revokeInvitation(world.actors.cio, { campaignId: id, invitationId: invitation!.id })).rejects.toThrow("Already answered");
  });

  it("lets only an account's manager or leadership revoke its invitation", async () => {
    const { id } = await createCampaign(world.actors.cio, form(), NOW);
    await tick(NOW);
    const [invitation] = await db().ratingInvitation.findMany({ where: { campaignId: id } });
    await expect(revokeInvitation(world.actors.otherRm, { campaignId: id, invitationId: invitation!.id })).rejects.toBeInstanceOf(NotFoundError);
    const stranger = await createUser(db(), { role: "CLIENT", accountId: world.accounts.mine.id });
    await expect(revokeInvitation({ id: stranger.id, role: "CLIENT", accountId: world.accounts.mine.id, name: "x", email: stranger.email }, { campaignId: id, invitationId: invitation!.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revokeInvitation(world.actors.rm, { campaignId: id, invitationId: invitation!.id })).resolves.toEqual({ contactName: "Dana Finance" });
  });
});
