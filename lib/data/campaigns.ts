import "server-only";
import { appOutbox, type Outbox, sendReminders } from "../campaigns/lifecycle";
import { getSurveyPolicy, type SurveyPolicy } from "../campaigns/policy";
import { type GroupResult, groupResult, type ResultRating, responseRate, scorecard, type ScorecardRow } from "../campaigns/results";
import { db } from "../db/client";
import type { CampaignStatus, EmailStatus, Recurrence } from "../generated/prisma/client";
import { formatDateTime } from "../format";
import { type CampaignInput, campaignDateProblems, campaignWindow } from "../validation/campaign";
import { idSchema } from "../validation/fields";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, accountAccess } from "./permissions";

// Rating campaigns (issue 8): who may create, see, cancel and revoke, per record (decision 002).
// The CIO and administrators: any account. A relationship manager: only the accounts they manage
// (a campaign that also asks other accounts shows them only their own). A client: never.

/** Roles that run campaigns at all (each account is checked on its own). */
export const runsCampaigns = (actor: Actor) => actor.role !== "CLIENT";

function assertRunsCampaigns(actor: Actor) {
  if (!runsCampaigns(actor)) throw new ForbiddenError("Only IT asks for ratings.");
}

/** The accounts this actor may ask (not archived), with their contacts: the form's choices. */
export async function campaignChoices(actor: Actor, now = new Date()) {
  assertRunsCampaigns(actor);
  const accounts = await db().account.findMany({
    where: { archivedAt: null, ...(actor.role === "RELATIONSHIP_MANAGER" ? { relationshipManagerId: actor.id } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      contacts: { orderBy: { name: "asc" }, select: { id: true, name: true, title: true, email: true, leftAt: true, unsubscribedAt: true } },
    },
  });
  const policy = await getSurveyPolicy(db());
  return {
    policy,
    accounts: accounts.map((account) => ({
      id: account.id,
      name: account.name,
      contacts: account.contacts
        .filter((c) => !c.leftAt || c.leftAt > now)
        .map((c) => ({ id: c.id, name: c.name, title: c.title, hasEmail: Boolean(c.email?.trim()), unsubscribed: c.unsubscribedAt !== null })),
    })),
  };
}

export type CampaignChoices = Awaited<ReturnType<typeof campaignChoices>>;

/**
 * Creates a campaign (SCHEDULED; the tick opens it, at once when it opens today). Every account
 * must be one the actor may ask; chosen contacts must belong to the chosen accounts; K at least
 * the policy's minimum; blank settings take the policy's values. Audited. `opensNow` tells the
 * caller to run the tick now.
 */
export async function createCampaign(actor: Actor, input: CampaignInput, now = new Date()): Promise<{ id: string; opensNow: boolean }> {
  assertRunsCampaigns(actor);
  const dateProblems = campaignDateProblems(input, now);
  if (Object.keys(dateProblems).length > 0) throw new InputConflictError("Check the dates; nothing was saved.", dateProblems);
  const policy = await getSurveyPolicy(db());
  const minGroupSize = input.minGroupSize ?? policy.minGroupSize;
  if (input.anonymous && minGroupSize < policy.minGroupSize) {
    throw new InputConflictError("The minimum group size is below the survey policy; nothing was saved.", {
      minGroupSize: [`At least ${policy.minGroupSize} (the survey policy's minimum), so no answer can be traced to its giver`],
    });
  }

  const accountIds = [...new Set(input.accountIds)];
  const accounts = await db().account.findMany({ where: { id: { in: accountIds } }, select: { id: true, name: true, relationshipManagerId: true, archivedAt: true } });
  if (accounts.length !== accountIds.length || accounts.some((a) => accountAccess(actor, a) === "none")) throw new NotFoundError("account");
  const notMine = accounts.filter((a) => accountAccess(actor, a) !== "full");
  if (notMine.length > 0) {
    throw new ForbiddenError(`You can ask for ratings only for the accounts you manage (not ${notMine.map((a) => a.name).join(", ")}).`);
  }
  const archived = accounts.filter((a) => a.archivedAt);
  if (archived.length > 0) throw new InputConflictError(`${archived.map((a) => a.name).join(", ")} ${archived.length === 1 ? "is" : "are"} archived: nobody there is asked.`, { accountIds: ["Choose accounts that are not archived"] });

  const contactsByAccount = new Map<string, string[]>(accountIds.map((id) => [id, []]));
  if (input.contactMode === "chosen") {
    const contactIds = [...new Set(input.contactIds)];
    const contacts = await db().contact.findMany({ where: { id: { in: contactIds } }, select: { id: true, accountId: true } });
    const outside = contactIds.length - contacts.filter((c) => contactsByAccount.has(c.accountId)).length;
    if (outside > 0) throw new InputConflictError("Some chosen contacts are not at the chosen accounts; nothing was saved.", { contactIds: ["Choose contacts of the accounts you ask"] });
    for (const contact of contacts) contactsByAccount.get(contact.accountId)!.push(contact.id);
    const empty = accounts.filter((a) => contactsByAccount.get(a.id)!.length === 0);
    if (empty.length > 0) {
      throw new InputConflictError(`Choose at least one contact at ${empty.map((a) => a.name).join(", ")}, or ask all active contacts.`, { contactIds: [`No contact chosen at ${empty.map((a) => a.name).join(", ")}`] });
    }
  }

  const { opensAt, closesAt } = campaignWindow(input, now);
  const settings = {
    minGroupSize,
    reminderEveryDays: input.reminderEveryDays ?? policy.reminderEveryDays,
    maxReminders: input.maxReminders ?? policy.maxReminders,
    linkValidDays: input.linkValidDays ?? policy.linkValidDays,
  };
  const campaign = await db().$transaction(async (tx) => {
    const created = await tx.campaign.create({
      data: {
        name: input.name,
        message: input.message,
        opensAt,
        closesAt,
        recurrence: input.recurrence,
        anonymous: input.anonymous,
        askScorecard: input.askScorecard,
        ...settings,
        createdById: actor.id,
        createdAt: now,
        accounts: { create: accountIds.map((accountId) => ({ accountId, contactIds: contactsByAccount.get(accountId)! })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "campaign.created",
      entityType: "Campaign",
      entityId: created.id,
      accountId: accountIds.length === 1 ? accountIds[0] : null,
      details: { name: input.name, accountIds, contactMode: input.contactMode, opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString(), recurrence: input.recurrence, anonymous: input.anonymous, askScorecard: input.askScorecard, ...settings },
    });
    return created;
  });
  return { id: campaign.id, opensNow: opensAt <= now };
}

/** Which campaigns an actor sees: all for the CIO and admins; for a manager, those asking an account they manage. */
export function visibleWhere(actor: Actor) {
  return actor.role === "RELATIONSHIP_MANAGER" ? { accounts: { some: { account: { relationshipManagerId: actor.id } } } } : {};
}

export interface CampaignRow {
  id: string;
  name: string;
  status: CampaignStatus;
  opensAt: Date;
  closesAt: Date;
  recurrence: Recurrence;
  anonymous: boolean;
  accounts: { id: string; name: string }[];
  invited: number;
  answered: number;
  responseRate: number | null;
}

/** The campaigns this actor sees, newest opening first, with their response rates (over the accounts they see). */
export async function listCampaigns(actor: Actor): Promise<CampaignRow[]> {
  assertRunsCampaigns(actor);
  const campaigns = await db().campaign.findMany({
    where: visibleWhere(actor),
    orderBy: [{ opensAt: "desc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true,
      name: true,
      status: true,
      opensAt: true,
      closesAt: true,
      recurrence: true,
      anonymous: true,
      accounts: { select: { account: { select: { id: true, name: true, relationshipManagerId: true } } } },
    },
  });
  const ids = campaigns.map((c) => c.id);
  const [counts, revoked] = ids.length
    ? await Promise.all([
        db().ratingInvitation.groupBy({ by: ["campaignId", "accountId"], where: { campaignId: { in: ids }, skippedReason: null }, _count: { _all: true, answeredAt: true } }),
        db().ratingInvitation.groupBy({ by: ["campaignId", "accountId"], where: { campaignId: { in: ids }, skippedReason: null, revokedAt: { not: null }, answeredAt: null }, _count: { _all: true } }),
      ])
    : [[], []];
  return campaigns.map((c) => {
    const accounts = c.accounts.map((a) => a.account).filter((a) => accountAccess(actor, a) === "full");
    const visible = new Set(accounts.map((a) => a.id));
    const mine = (row: { campaignId: string; accountId: string }) => row.campaignId === c.id && visible.has(row.accountId);
    const rows = counts.filter(mine);
    // As on the campaign's page: revoked unanswered links leave the count, except when anonymous.
    const left = c.anonymous ? 0 : revoked.filter(mine).reduce((sum, row) => sum + row._count._all, 0);
    const invited = rows.reduce((sum, row) => sum + row._count._all, 0) - left;
    const answered = rows.reduce((sum, row) => sum + row._count.answeredAt, 0);
    return {
      id: c.id,
      name: c.name,
      status: c.status,
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      recurrence: c.recurrence,
      anonymous: c.anonymous,
      accounts: accounts.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
      invited,
      answered,
      responseRate: responseRate(answered, invited),
    };
  });
}

export interface DeliveryStatus {
  /** For a badge: waiting (not yet sent), queued, sent, failed, skipped. */
  tone: "skipped" | "waiting" | "queued" | "sent" | "failed" | "revoked";
  label: string;
}

function deliveryStatus(
  invitation: { skippedReason: string | null; revokedAt: Date | null; sentAt: Date | null },
  emails: { kind: string; status: EmailStatus; lastError: string | null; attempts: number; sentAt: Date | null; transport: string | null }[],
  campaignStatus: CampaignStatus,
): DeliveryStatus {
  if (invitation.skippedReason) return { tone: "skipped", label: "Not sent" };
  const latest = emails[0];
  const first = emails.find((e) => e.kind === "INVITATION");
  const base: DeliveryStatus = !latest
    ? { tone: "waiting", label: campaignStatus === "SCHEDULED" ? "Not yet sent" : "No email" }
    : latest.status === "FAILED"
      ? { tone: "failed", label: `${latest.kind === "REMINDER" ? "Reminder failed" : "Failed"}: ${latest.lastError ?? "no reason recorded"}` }
      : latest.status === "SENT"
        ? { tone: "sent", label: `${latest.kind === "REMINDER" ? "Reminder sent" : "Sent"} ${latest.sentAt ? formatDateTime(latest.sentAt) : ""}${latest.transport === "mailbox" ? " (development mailbox)" : ""}`.trim() }
        : latest.status === "SENDING"
          ? { tone: "queued", label: "Sending" }
          : { tone: "queued", label: latest.attempts > 0 ? `Queued, retrying${latest.lastError ? ` (${latest.lastError})` : ""}` : latest.kind === "REMINDER" ? "Reminder queued" : "Queued" };
  if (invitation.revokedAt) return { tone: "revoked", label: `Revoked${first?.status === "SENT" || invitation.sentAt ? " after sending" : ""}` };
  return base;
}

export interface InvitationView {
  id: string;
  accountId: string;
  accountName: string;
  contactName: string;
  contactEmail: string | null;
  skippedReason: string | null;
  delivery: DeliveryStatus;
  /** Null in an anonymous campaign (reminders go only to those who have not answered). */
  remindersSent: number | null;
  sentAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** Null in an anonymous campaign: whether this person answered is not shown. */
  answered: boolean | null;
  answeredAt: Date | null;
  canRevoke: boolean;
}

export interface GroupView {
  invited: number;
  answered: number;
  skipped: number;
  responseRate: number | null;
  result: GroupResult;
}

export interface CampaignPage {
  campaign: {
    id: string;
    name: string;
    message: string;
    status: CampaignStatus;
    opensAt: Date;
    closesAt: Date;
    openedAt: Date | null;
    closedAt: Date | null;
    cancelledAt: Date | null;
    recurrence: Recurrence;
    anonymous: boolean;
    minGroupSize: number;
    askScorecard: boolean;
    linkValidDays: number;
    reminderEveryDays: number;
    maxReminders: number;
    createdByName: string | null;
    previousId: string | null;
    nextId: string | null;
  };
  /** True when the actor sees only some of the campaign's accounts (a manager). */
  partial: boolean;
  canCancel: boolean;
  /** Open, and someone was sent a link, has not answered and has reminders left. */
  canRemind: boolean;
  accounts: ({ id: string; name: string; contacts: "all" | number } & GroupView)[];
  overall: GroupView;
  invitations: InvitationView[];
  /** Null when the campaign did not ask for the scorecard. */
  scorecard: ScorecardRow[] | null;
  policy: SurveyPolicy;
}

async function findVisibleCampaign(actor: Actor, campaignId: string) {
  assertRunsCampaigns(actor);
  const id = idSchema.safeParse(campaignId);
  if (!id.success) throw new NotFoundError("campaign");
  const campaign = await db().campaign.findFirst({
    where: { id: id.data, ...visibleWhere(actor) },
    include: {
      accounts: { include: { account: { select: { id: true, name: true, relationshipManagerId: true } } } },
      createdBy: { select: { name: true } },
      next: { select: { id: true } },
    },
  });
  if (!campaign) throw new NotFoundError("campaign");
  const visible = campaign.accounts.filter((a) => accountAccess(actor, a.account) === "full");
  return { campaign, visible, partial: visible.length < campaign.accounts.length };
}

const canChange = (actor: Actor, partial: boolean) => actor.role === "ADMIN" || actor.role === "CIO" || !partial;

/** A campaign's page: its settings, who was asked (and why some were not), delivery, answers and results (the K rule applied). */
export async function getCampaignPage(actor: Actor, campaignId: string): Promise<CampaignPage> {
  const { campaign, visible, partial } = await findVisibleCampaign(actor, campaignId);
  const accountIds = visible.map((a) => a.accountId);
  const [invitations, ratings, systems, policy] = await Promise.all([
    db().ratingInvitation.findMany({
      where: { campaignId: campaign.id, accountId: { in: accountIds } },
      orderBy: [{ contact: { name: "asc" } }, { id: "asc" }],
      select: {
        id: true,
        accountId: true,
        skippedReason: true,
        sentAt: true,
        expiresAt: true,
        revokedAt: true,
        answeredAt: true,
        remindersSent: true,
        contact: { select: { name: true, email: true } },
        emails: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { kind: true, status: true, lastError: true, attempts: true, sentAt: true, transport: true } },
      },
    }),
    db().rating.findMany({
      where: { campaignId: campaign.id, accountId: { in: accountIds }, withdrawnAt: null },
      // Anonymous answers in no particular order that could follow their arrival.
      orderBy: campaign.anonymous ? { id: "asc" } : { createdAt: "asc" },
      select: {
        accountId: true,
        overall: true,
        recommend: true,
        responsiveness: true,
        delivery: true,
        communication: true,
        businessUnderstanding: true,
        trust: true,
        comment: true,
        contact: { select: { name: true } },
        user: { select: { name: true } },
        serviceScores: { select: { coreSystemId: true, importance: true, satisfaction: true } },
      },
    }),
    campaign.askScorecard ? db().coreSystem.findMany({ where: { accountId: { in: accountIds }, deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, accountId: true } }) : [],
    getSurveyPolicy(db()),
  ]);

  const anonymous = campaign.anonymous;
  const rule = { anonymous, minGroupSize: campaign.minGroupSize };
  const results: ResultRating[] = ratings.map(({ contact, user, ...r }) => ({ ...r, raterName: anonymous ? null : (contact?.name ?? user?.name ?? null) }));
  const group = (accountFilter: (accountId: string) => boolean): GroupView => {
    const rows = invitations.filter((i) => accountFilter(i.accountId));
    // A revoked link leaves the count unless answered; in an anonymous campaign it always stays
    // (otherwise revoking one and watching the count would tell whether that person answered).
    const counted = rows.filter((i) => !i.skippedReason && (anonymous || !i.revokedAt || i.answeredAt));
    const answered = counted.filter((i) => i.answeredAt).length;
    return {
      invited: counted.length,
      answered,
      skipped: rows.filter((i) => i.skippedReason).length,
      responseRate: responseRate(answered, counted.length),
      result: groupResult(results.filter((r) => accountFilter(r.accountId)), rule),
    };
  };
  const live = campaign.status === "SCHEDULED" || campaign.status === "OPEN";

  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      message: campaign.message,
      status: campaign.status,
      opensAt: campaign.opensAt,
      closesAt: campaign.closesAt,
      openedAt: campaign.openedAt,
      closedAt: campaign.closedAt,
      cancelledAt: campaign.cancelledAt,
      recurrence: campaign.recurrence,
      anonymous,
      minGroupSize: campaign.minGroupSize,
      askScorecard: campaign.askScorecard,
      linkValidDays: campaign.linkValidDays,
      reminderEveryDays: campaign.reminderEveryDays,
      maxReminders: campaign.maxReminders,
      createdByName: campaign.createdBy?.name ?? null,
      previousId: campaign.previousId,
      nextId: campaign.next?.id ?? null,
    },
    partial,
    canCancel: live && canChange(actor, partial),
    canRemind:
      campaign.status === "OPEN" &&
      canChange(actor, partial) &&
      invitations.some((i) => !i.skippedReason && i.sentAt && !i.answeredAt && !i.revokedAt && i.remindersSent < campaign.maxReminders),
    accounts: visible
      .map((a) => ({ id: a.account.id, name: a.account.name, contacts: a.contactIds.length === 0 ? ("all" as const) : a.contactIds.length, ...group((id) => id === a.accountId) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    overall: group(() => true),
    invitations: invitations.map((i) => ({
      id: i.id,
      accountId: i.accountId,
      accountName: visible.find((a) => a.accountId === i.accountId)!.account.name,
      contactName: i.contact.name,
      contactEmail: i.contact.email,
      skippedReason: i.skippedReason,
      // Anonymous: reminders go only to those who have not answered, so neither their number nor
      // their sending is shown per person (it would tell who answered); the invitation's own email is.
      delivery: deliveryStatus(i, anonymous ? i.emails.filter((e) => e.kind === "INVITATION") : i.emails, campaign.status),
      remindersSent: anonymous ? null : i.remindersSent,
      sentAt: i.sentAt,
      expiresAt: i.expiresAt,
      revokedAt: i.revokedAt,
      answered: anonymous ? null : i.answeredAt !== null,
      answeredAt: anonymous ? null : i.answeredAt,
      // Anonymous: offered whether or not they answered, so the button does not tell.
      canRevoke: live && !i.skippedReason && !i.revokedAt && (anonymous || !i.answeredAt),
    })),
    scorecard: campaign.askScorecard ? scorecard(results, systems, rule) : null,
    policy,
  };
}

/**
 * Cancels a scheduled or open campaign: no more invitations or reminders, every unanswered link
 * stops working, and emails still waiting in the outbox are not sent. Answers already given stay.
 */
export async function cancelCampaign(actor: Actor, campaignId: string, now = new Date()): Promise<{ id: string; name: string; revoked: number }> {
  const { campaign, partial } = await findVisibleCampaign(actor, campaignId);
  if (!canChange(actor, partial)) throw new ForbiddenError("This campaign also asks accounts you do not manage: ask the CIO to cancel it.");
  return db().$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({ where: { id: campaign.id, status: { in: ["SCHEDULED", "OPEN"] } }, data: { status: "CANCELLED", cancelledAt: now } });
    if (updated.count === 0) throw new InputConflictError(`This campaign is already ${campaign.status === "CANCELLED" ? "cancelled" : "closed"}.`);
    const revoked = await tx.ratingInvitation.updateMany({ where: { campaignId: campaign.id, answeredAt: null, revokedAt: null, skippedReason: null }, data: { revokedAt: now } });
    await tx.emailMessage.deleteMany({ where: { status: "QUEUED", invitation: { campaignId: campaign.id, answeredAt: null } } });
    await recordAudit(tx, { actorId: actor.id, action: "campaign.cancelled", entityType: "Campaign", entityId: campaign.id, details: { revokedInvitations: revoked.count } });
    return { id: campaign.id, name: campaign.name, revoked: revoked.count };
  });
}

/** Revokes one unanswered invitation: its link stops working, no reminder follows, a queued email is not sent. */
export async function revokeInvitation(actor: Actor, { campaignId, invitationId }: { campaignId: string; invitationId: string }, now = new Date()): Promise<{ contactName: string }> {
  const { campaign, visible } = await findVisibleCampaign(actor, campaignId);
  const id = idSchema.safeParse(invitationId);
  const invitation = id.success
    ? await db().ratingInvitation.findFirst({ where: { id: id.data, campaignId: campaign.id }, select: { id: true, accountId: true, answeredAt: true, revokedAt: true, skippedReason: true, contact: { select: { name: true } } } })
    : null;
  if (!invitation || !visible.some((a) => a.accountId === invitation.accountId)) throw new NotFoundError("invitation");
  if (invitation.skippedReason) throw new InputConflictError("Nobody was asked: this contact was skipped.");
  // Anonymous: an answered link is "revoked" like any other (it no longer works anyway), so the answer does not say who answered.
  if (invitation.answeredAt && !campaign.anonymous) throw new InputConflictError("Already answered: a link that was used cannot be revoked.");
  return db().$transaction(async (tx) => {
    const updated = await tx.ratingInvitation.updateMany({ where: { id: invitation.id, revokedAt: null, ...(campaign.anonymous ? {} : { answeredAt: null }) }, data: { revokedAt: now } });
    if (updated.count === 0) throw new InputConflictError("This link was already revoked or has just been used.");
    await tx.emailMessage.deleteMany({ where: { invitationId: invitation.id, status: "QUEUED" } });
    await recordAudit(tx, { actorId: actor.id, action: "invitation.revoked", entityType: "RatingInvitation", entityId: invitation.id, accountId: invitation.accountId, details: { campaignId: campaign.id } });
    return { contactName: invitation.contact.name };
  });
}

/**
 * "Remind now": a reminder to everyone in this campaign who was sent a link and has not answered,
 * without waiting for the spacing; the campaign's maximum still holds, and unsubscribed contacts
 * are never emailed. The actor must be able to change the campaign.
 */
export async function remindNow(actor: Actor, campaignId: string, now = new Date(), outbox: Outbox = appOutbox): Promise<{ name: string; reminders: number }> {
  const { campaign, partial } = await findVisibleCampaign(actor, campaignId);
  if (!canChange(actor, partial)) throw new ForbiddenError("This campaign also asks accounts you do not manage: ask the CIO to send reminders.");
  if (campaign.status !== "OPEN") throw new InputConflictError(`Reminders go out only while a campaign is open; this one is ${campaign.status.toLowerCase()}.`);
  const reminders = await sendReminders(db(), now, outbox, { campaignId: campaign.id, ignoreSpacing: true });
  if (reminders > 0) {
    await db().$transaction((tx) => recordAudit(tx, { actorId: actor.id, action: "campaign.reminded", entityType: "Campaign", entityId: campaign.id, details: { reminders } }));
    await outbox.requestDelivery();
  }
  return { name: campaign.name, reminders };
}
