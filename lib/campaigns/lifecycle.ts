import { randomBytes } from "node:crypto";
import { isUniqueViolation } from "../db/errors";
import { Prisma, type PrismaClient, type Recurrence } from "../generated/prisma/client";
import type { Tx } from "../data/audit";
import { formatDate } from "../format";
import { queueInvitationEmail, requestDelivery } from "../mail";
import { getSurveyPolicy, type SurveyPolicy } from "./policy";
import { hashToken, invitationToken, newTokenSalt } from "./tokens";

// The campaigns' clock, run by the exclusive `campaigns-tick` job every five minutes (and at once
// when a campaign is created to open now): opens campaigns that are due (one rating request per
// chosen contact, or the reason it was skipped), sends reminders, closes campaigns, and schedules
// the next round of a recurring one. Every step is a conditional write, so a second instance
// running the same tick (or a retried job) finds nothing left to do.

const DAY = 86_400_000;
/** Serialises openings (pg_advisory_xact_lock): two campaigns opening at once see each other's invitations (recontact window). */
const OPEN_LOCK = 8_008_001;
/** At most this many campaigns per step and tick: the next tick takes the rest. */
const BATCH = 50;
/** At most this many reminders per tick. */
const REMINDER_BATCH = 500;

/** Where the tick queues its emails: lib/mail's outbox (written in the caller's transaction, delivered after commit). */
export interface Outbox {
  queue(tx: Tx, message: { invitationId: string; kind: "INVITATION" | "REMINDER" }): Promise<unknown>;
  requestDelivery(): Promise<unknown>;
}

/** The app's outbox (lib/mail): what the job and the pages use. */
export const appOutbox: Outbox = { queue: queueInvitationEmail, requestDelivery };

export interface TickResult {
  opened: number;
  invited: number;
  skipped: number;
  reminders: number;
  closed: number;
  nextRounds: number;
}

/** An invitation's id: cuid-shaped (the app's id schema), chosen up front because its token derives from it. */
const newInvitationId = () => `c${randomBytes(12).toString("hex")}`;

export async function runCampaignTick(prisma: PrismaClient, now: Date, { outbox = appOutbox }: { outbox?: Outbox } = {}): Promise<TickResult> {
  const policy = await getSurveyPolicy(prisma);
  const result: TickResult = { opened: 0, invited: 0, skipped: 0, reminders: 0, closed: 0, nextRounds: 0 };
  let queued = false;

  // 1. Open the campaigns that are due.
  const due = await prisma.campaign.findMany({ where: { status: "SCHEDULED", opensAt: { lte: now } }, orderBy: { opensAt: "asc" }, take: BATCH, select: { id: true } });
  for (const { id } of due) {
    const opened = await openCampaign(prisma, id, now, policy, outbox);
    if (!opened) continue;
    if (opened.closedUnopened) {
      result.closed++;
    } else {
      result.opened++;
      result.invited += opened.invited;
      result.skipped += opened.skipped;
      queued ||= opened.invited > 0;
    }
    result.nextRounds += opened.nextRound ? 1 : 0;
  }

  // 2. Remind those who have not answered.
  result.reminders = await sendReminders(prisma, now, outbox);
  queued ||= result.reminders > 0;

  // 3. Close the campaigns whose closing time has come, and schedule the next round.
  const ending = await prisma.campaign.findMany({ where: { status: "OPEN", closesAt: { lte: now } }, take: BATCH, select: { id: true } });
  for (const { id } of ending) {
    const closed = await prisma.$transaction(async (tx) => {
      const updated = await tx.campaign.updateMany({ where: { id, status: "OPEN" }, data: { status: "CLOSED", closedAt: now } });
      if (updated.count === 0) return null;
      return { nextRound: await scheduleNextRound(tx, id, now) };
    });
    if (!closed) continue;
    result.closed++;
    result.nextRounds += closed.nextRound ? 1 : 0;
  }

  if (queued) await outbox.requestDelivery();
  return result;
}

interface Opened {
  invited: number;
  skipped: number;
  closedUnopened: boolean;
  nextRound: boolean;
}

async function openCampaign(prisma: PrismaClient, id: string, now: Date, policy: SurveyPolicy, outbox: Outbox): Promise<Opened | null> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OPEN_LOCK})`;
      const campaign = await tx.campaign.findUnique({ where: { id }, select: { status: true, closesAt: true, accounts: { select: { accountId: true, contactIds: true } } } });
      if (campaign?.status !== "SCHEDULED") return null;
      // A campaign whose closing time passed before any tick opened it (the app was down) closes unopened.
      if (campaign.closesAt <= now) {
        const updated = await tx.campaign.updateMany({ where: { id, status: "SCHEDULED" }, data: { status: "CLOSED", closedAt: now } });
        if (updated.count === 0) return null;
        return { invited: 0, skipped: 0, closedUnopened: true, nextRound: await scheduleNextRound(tx, id, now) };
      }
      const updated = await tx.campaign.updateMany({ where: { id, status: "SCHEDULED" }, data: { status: "OPEN", openedAt: now } });
      if (updated.count === 0) return null;

      const contacts = await chosenContacts(tx, campaign.accounts);
      const reasons = await skipReasons(tx, id, contacts, now, policy);
      const rows = contacts.map((contact) => {
        const invitationId = newInvitationId();
        const skippedReason = reasons.get(contact.id) ?? null;
        const tokenSalt = newTokenSalt();
        // A skipped request never gets a usable link: its hash is of a random value, not of a derived token.
        const tokenHash = hashToken(skippedReason ? `skipped.${randomBytes(32).toString("base64url")}` : invitationToken(invitationId, tokenSalt));
        return { id: invitationId, campaignId: id, accountId: contact.accountId, contactId: contact.id, tokenSalt, tokenHash, skippedReason, createdAt: now };
      });
      if (rows.length > 0) await tx.ratingInvitation.createMany({ data: rows, skipDuplicates: true });
      const invited = rows.filter((row) => row.skippedReason === null);
      for (const row of invited) await outbox.queue(tx, { invitationId: row.id, kind: "INVITATION" });
      return { invited: invited.length, skipped: rows.length - invited.length, closedUnopened: false, nextRound: false };
    },
    { timeout: 60_000 },
  );
}

interface ChosenContact {
  id: string;
  accountId: string;
  email: string | null;
  leftAt: Date | null;
  unsubscribedAt: Date | null;
}

/** Each account's chosen contacts, or all its active contacts when none were chosen (those without an email too: the page says why they were skipped). */
async function chosenContacts(tx: Tx, accounts: { accountId: string; contactIds: string[] }[]): Promise<ChosenContact[]> {
  const select = { id: true, accountId: true, email: true, leftAt: true, unsubscribedAt: true, name: true } as const;
  const everyone = accounts.filter((a) => a.contactIds.length === 0).map((a) => a.accountId);
  const chosen = accounts.flatMap((a) => a.contactIds.map((contactId) => ({ contactId, accountId: a.accountId })));
  const [all, picked] = await Promise.all([
    everyone.length ? tx.contact.findMany({ where: { accountId: { in: everyone }, leftAt: null }, select, orderBy: { name: "asc" } }) : [],
    chosen.length ? tx.contact.findMany({ where: { id: { in: chosen.map((c) => c.contactId) } }, select, orderBy: { name: "asc" } }) : [],
  ]);
  // A chosen contact counts only under the account it belongs to.
  const allowed = new Set(chosen.map((c) => `${c.accountId}:${c.contactId}`));
  return [...all, ...picked.filter((c) => allowed.has(`${c.accountId}:${c.id}`))];
}

/**
 * Why each contact is not emailed, in the words the campaign page shows: left the unit,
 * unsubscribed, no email address, or asked or answered within the recontact window across every
 * campaign. A client user's in-app rating counts as an answer of the contact with the same email
 * address at the same account (the same person, signed in).
 */
async function skipReasons(tx: Tx, campaignId: string, contacts: ChosenContact[], now: Date, policy: SurveyPolicy): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  const window = `the ${policy.recontactDays}-day recontact window`;
  const rest: ChosenContact[] = [];
  for (const contact of contacts) {
    if (contact.leftAt && contact.leftAt <= now) reasons.set(contact.id, `Left the unit on ${formatDate(contact.leftAt)}`);
    else if (contact.unsubscribedAt) reasons.set(contact.id, `Unsubscribed on ${formatDate(contact.unsubscribedAt)}: never emailed again`);
    else if (!contact.email?.trim()) reasons.set(contact.id, "No email address");
    else rest.push(contact);
  }
  if (rest.length === 0 || policy.recontactDays === 0) return reasons;
  const since = new Date(now.getTime() - policy.recontactDays * DAY);
  const ids = rest.map((c) => c.id);

  const [asked, rated, appRatings] = await Promise.all([
    tx.ratingInvitation.findMany({
      where: { contactId: { in: ids }, campaignId: { not: campaignId }, skippedReason: null, OR: [{ createdAt: { gte: since } }, { sentAt: { gte: since } }, { answeredAt: { gte: since } }] },
      select: { contactId: true, createdAt: true, sentAt: true, answeredAt: true, campaign: { select: { name: true } } },
    }),
    tx.rating.findMany({ where: { contactId: { in: ids }, withdrawnAt: null, createdAt: { gte: since } }, select: { contactId: true, createdAt: true } }),
    tx.rating.findMany({
      where: { source: "APP", withdrawnAt: null, createdAt: { gte: since }, accountId: { in: [...new Set(rest.map((c) => c.accountId))] }, user: { email: { in: rest.map((c) => c.email!.trim().toLowerCase()) } } },
      select: { accountId: true, createdAt: true, user: { select: { email: true } } },
    }),
  ]);
  const latest = new Map<string, { at: Date; text: string }>();
  const note = (contactId: string, at: Date, text: string) => {
    const seen = latest.get(contactId);
    if (!seen || seen.at < at) latest.set(contactId, { at, text });
  };
  for (const row of asked) {
    if (row.answeredAt && row.answeredAt >= since) note(row.contactId, row.answeredAt, `Answered “${row.campaign.name}” on ${formatDate(row.answeredAt)}`);
    else note(row.contactId, row.sentAt ?? row.createdAt, `Asked in “${row.campaign.name}” on ${formatDate(row.sentAt ?? row.createdAt)}`);
  }
  for (const row of rated) if (row.contactId) note(row.contactId, row.createdAt, `Rated IT on ${formatDate(row.createdAt)}`);
  for (const row of appRatings) {
    for (const contact of rest) {
      if (contact.accountId === row.accountId && contact.email!.trim().toLowerCase() === row.user?.email.toLowerCase()) {
        note(contact.id, row.createdAt, `Rated IT in the app (signed in) on ${formatDate(row.createdAt)}`);
      }
    }
  }
  for (const [contactId, { text }] of latest) reasons.set(contactId, `${text}, within ${window}`);
  return reasons;
}

/**
 * Reminders to invitations sent, unanswered, live, under the campaign's maximum and spaced; each counted in the transaction that queues it.
 * `ignoreSpacing` (a person's "Remind now" on one campaign) still honours the maximum.
 */
export async function sendReminders(prisma: PrismaClient, now: Date, outbox: Outbox = appOutbox, { campaignId, ignoreSpacing = false }: { campaignId?: string; ignoreSpacing?: boolean } = {}): Promise<number> {
  const onlyCampaign = campaignId ? Prisma.sql`AND c.id = ${campaignId}` : Prisma.empty;
  const spacing = ignoreSpacing ? Prisma.empty : Prisma.sql`AND COALESCE(i.last_reminded_at, i.sent_at) <= ${now}::timestamp - make_interval(days => c.reminder_every_days)`;
  const candidates = await prisma.$queryRaw<{ id: string; remindersSent: number }[]>`
    SELECT i.id, i.reminders_sent AS "remindersSent"
    FROM rating_invitations i
    JOIN campaigns c ON c.id = i.campaign_id
    JOIN contacts p ON p.id = i.contact_id
    WHERE c.status = 'OPEN' AND c.closes_at > ${now}
      AND i.skipped_reason IS NULL AND i.sent_at IS NOT NULL AND i.answered_at IS NULL AND i.revoked_at IS NULL
      AND (i.expires_at IS NULL OR i.expires_at > ${now})
      AND i.reminders_sent < c.max_reminders
      ${spacing} ${onlyCampaign}
      AND p.unsubscribed_at IS NULL AND p.left_at IS NULL
      -- One email per invitation in flight: a reminder waits until the last one went.
      AND NOT EXISTS (SELECT 1 FROM email_messages e WHERE e.invitation_id = i.id AND e.status IN ('QUEUED', 'SENDING'))
    ORDER BY i.sent_at
    LIMIT ${REMINDER_BATCH}`;
  let sent = 0;
  for (const candidate of candidates) {
    const done = await prisma.$transaction(async (tx) => {
      // Only the tick that moves the count from what it read queues the reminder.
      const claimed = await tx.ratingInvitation.updateMany({
        where: { id: candidate.id, remindersSent: candidate.remindersSent, answeredAt: null, revokedAt: null },
        data: { remindersSent: { increment: 1 }, lastRemindedAt: now },
      });
      if (claimed.count === 0) return false;
      await outbox.queue(tx, { invitationId: candidate.id, kind: "REMINDER" });
      return true;
    });
    if (done) sent++;
  }
  return sent;
}

const MONTHS: Record<Exclude<Recurrence, "NONE">, number> = { MONTHLY: 1, QUARTERLY: 3 };

/** The same instant `months` later, the day clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target;
}

/**
 * A recurring campaign's next round, once (previousId is unique): the same accounts, contacts and
 * settings, a period later; skipped forward past periods that already ended while nothing ran.
 */
async function scheduleNextRound(tx: Tx, id: string, now: Date): Promise<boolean> {
  const campaign = await tx.campaign.findUniqueOrThrow({ where: { id }, include: { accounts: true, next: { select: { id: true } } } });
  if (campaign.recurrence === "NONE" || campaign.next) return false;
  const step = MONTHS[campaign.recurrence];
  let shift = step;
  while (addMonths(campaign.closesAt, shift) <= now && shift < 1200) shift += step;
  const data: Prisma.CampaignUncheckedCreateInput = {
    name: campaign.name,
    message: campaign.message,
    opensAt: addMonths(campaign.opensAt, shift),
    closesAt: addMonths(campaign.closesAt, shift),
    recurrence: campaign.recurrence,
    previousId: campaign.id,
    anonymous: campaign.anonymous,
    minGroupSize: campaign.minGroupSize,
    askScorecard: campaign.askScorecard,
    linkValidDays: campaign.linkValidDays,
    reminderEveryDays: campaign.reminderEveryDays,
    maxReminders: campaign.maxReminders,
    createdById: campaign.createdById,
    createdAt: now,
    accounts: { create: campaign.accounts.map((a) => ({ accountId: a.accountId, contactIds: a.contactIds })) },
  };
  try {
    // A savepoint would be needed to survive a unique violation inside this transaction; the
    // `next` check above runs under the campaign's row update, so a second writer cannot get here.
    await tx.campaign.create({ data });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
