import "server-only";
import { randomUUID } from "node:crypto";
import type { InvitationPrincipal } from "../auth/principal";
import { hashToken, verifyUnsubscribeToken } from "../campaigns/tokens";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { recomputeAccountHealth } from "../health/recompute";
import { ratingCommentPhrases } from "../scoring/phrases/sources";
import { type InvitationRatingInput, linkTokenSchema, unsubscribeTokenSchema } from "../validation/rating";
import { InputConflictError } from "./errors";

// Rating through an emailed link (issue 8). Nobody signs in: the link's token is the credential,
// found by its hash (the database never holds a usable link). A link opens one invitation and
// says only what its form needs; an unknown token says nothing about any account.
//
// Anonymous campaigns: the rating keeps no link to its giver (no contact, no user, the invitation's
// ratingId stays null), takes a random id (a cuid is time-ordered), and its createdAt, the
// invitation's answeredAt and its audit event's time are cut to the start of the UTC day, so the
// answer cannot be matched to an invitation by time either.

/** Who to ask for a new link: the account's relationship manager, else whoever ran the campaign. */
export interface AskForNewLink {
  name: string;
  email: string;
}

export interface OpenInvitation {
  accountName: string;
  campaignName: string;
  message: string;
  anonymous: boolean;
  /** The account's live core systems when the campaign asks the scorecard; empty otherwise. */
  coreSystems: { id: string; name: string; description: string }[];
  /** The greeting's name (shown to the link's holder only). */
  contactName: string;
  expiresAt: Date | null;
  closesAt: Date;
  ask: AskForNewLink | null;
}

/** What a known link's problem page may say: the account, whether it was anonymous, who to ask. */
interface KnownLink {
  accountName: string;
  anonymous: boolean;
  ask: AskForNewLink | null;
}

export type LinkProblem =
  | ({ state: "used" } & KnownLink)
  | ({ state: "expired" } & KnownLink)
  | ({ state: "revoked" } & KnownLink)
  | ({ state: "closed"; cancelled: boolean } & KnownLink)
  | { state: "unknown" };

export type LinkState = ({ state: "ok" } & OpenInvitation) | LinkProblem;

const invitationSelect = {
  id: true,
  campaignId: true,
  accountId: true,
  contactId: true,
  skippedReason: true,
  expiresAt: true,
  revokedAt: true,
  answeredAt: true,
  ratingId: true,
  contact: { select: { name: true } },
  account: { select: { name: true, relationshipManager: { select: { name: true, email: true, deactivatedAt: true } } } },
  campaign: {
    select: { name: true, message: true, status: true, closesAt: true, anonymous: true, askScorecard: true, createdBy: { select: { name: true, email: true, deactivatedAt: true } } },
  },
} satisfies Prisma.RatingInvitationSelect;

type InvitationRow = Prisma.RatingInvitationGetPayload<{ select: typeof invitationSelect }>;

type Client = ReturnType<typeof db> | Prisma.TransactionClient;

async function findByToken(client: Client, token: string): Promise<InvitationRow | null> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const row = await client.ratingInvitation.findUnique({ where: { tokenHash: hashToken(parsed.data) }, select: invitationSelect });
  // A skipped request never had a usable link (its hash is of a random value); never open one.
  return row && row.skippedReason === null ? row : null;
}

function askFor(row: InvitationRow): AskForNewLink | null {
  const person = [row.account.relationshipManager, row.campaign.createdBy].find((p) => p && !p.deactivatedAt && p.email);
  return person ? { name: person.name, email: person.email } : null;
}

/** Why this link no longer works, or null while it does. The first that applies wins. */
function problemOf(row: InvitationRow, now: Date): LinkProblem | null {
  const known: KnownLink = { accountName: row.account.name, anonymous: row.campaign.anonymous, ask: askFor(row) };
  if (row.answeredAt) return { state: "used", ...known };
  if (row.revokedAt) return { state: "revoked", ...known };
  if (row.campaign.status === "CANCELLED") return { state: "closed", cancelled: true, ...known };
  if (row.campaign.status === "CLOSED" || row.campaign.closesAt <= now) return { state: "closed", cancelled: false, ...known };
  if (row.expiresAt && row.expiresAt <= now) return { state: "expired", ...known };
  return null;
}

async function liveCoreSystems(client: Client, accountId: string) {
  return client.coreSystem.findMany({ where: { accountId, deletedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, description: true } });
}

/** What a rating link shows: the form's contents, or which problem to explain. */
export async function getInvitationByToken(token: string, now = new Date()): Promise<LinkState> {
  const row = await findByToken(db(), token);
  if (!row) return { state: "unknown" };
  const problem = problemOf(row, now);
  if (problem) return problem;
  return {
    state: "ok",
    accountName: row.account.name,
    campaignName: row.campaign.name,
    message: row.campaign.message,
    anonymous: row.campaign.anonymous,
    coreSystems: row.campaign.askScorecard ? await liveCoreSystems(db(), row.accountId) : [],
    contactName: row.contact.name,
    expiresAt: row.expiresAt,
    closesAt: row.campaign.closesAt,
    ask: askFor(row),
  };
}

/** The principal a working link stands for, or null. */
export async function invitationPrincipal(token: string, now = new Date()): Promise<InvitationPrincipal | null> {
  const row = await findByToken(db(), token);
  if (!row || problemOf(row, now)) return null;
  return { kind: "invitation", invitation: { id: row.id, campaignId: row.campaignId, accountId: row.accountId, contactId: row.contactId, anonymous: row.campaign.anonymous } };
}

export type InvitationReceipt =
  | { state: "received"; duplicate: boolean; anonymous: boolean; accountName: string }
  | LinkProblem;

const startOfUtcDay = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));

/** A random id in the app's id shape (idSchema: 20–40 lower-case letters and digits), not time-ordered. */
const randomRatingId = () => randomUUID().replaceAll("-", "");

class AlreadyAnswered extends Error {}

/**
 * Stores the rating given through a link, once: the invitation is claimed by a conditional update
 * (`answeredAt IS NULL`) in the same transaction as the rating, so a double submit or two tabs
 * store one. A retry of the stored submission (same idempotency key) answers "received" again;
 * any other submission through a used link answers "used". Audited; the account is re-diagnosed
 * in the same transaction.
 */
export async function submitInvitationRating(input: InvitationRatingInput, now = new Date()): Promise<InvitationReceipt> {
  const row = await findByToken(db(), input.token);
  if (!row) return { state: "unknown" };
  const retry = await findRetry(row, input.idempotencyKey);
  if (retry) return retry;
  const problem = problemOf(row, now);
  if (problem) return problem;

  const anonymous = row.campaign.anonymous;
  const systems = row.campaign.askScorecard ? input.systems.filter((s) => s.importance !== undefined && s.satisfaction !== undefined) : [];
  if (systems.length > 0) {
    const live = new Set((await liveCoreSystems(db(), row.accountId)).map((s) => s.id));
    const ids = systems.map((s) => s.coreSystemId);
    if (ids.some((id) => !live.has(id)) || new Set(ids).size !== ids.length) {
      throw new InputConflictError("The list of systems changed while you were answering: reload the page (your answers above are kept if you go back).");
    }
  }

  const { token: _token, systems: _systems, idempotencyKey, ...scores } = input;
  const at = anonymous ? startOfUtcDay(now) : now;
  try {
    await db().$transaction(async (tx) => {
      const claimed = await tx.ratingInvitation.updateMany({ where: { id: row.id, answeredAt: null, revokedAt: null }, data: { answeredAt: at } });
      if (claimed.count === 0) throw new AlreadyAnswered();
      const rating = await tx.rating.create({
        data: {
          ...(anonymous ? { id: randomRatingId() } : {}),
          ...scores,
          phraseHits: ratingCommentPhrases(scores.comment),
          accountId: row.accountId,
          source: "INVITATION",
          campaignId: row.campaignId,
          contactId: anonymous ? null : row.contactId,
          userId: null,
          idempotencyKey,
          createdAt: at,
        },
        select: { id: true },
      });
      if (systems.length > 0) {
        await tx.serviceScore.createMany({
          data: systems.map((s) => ({ ...(anonymous ? { id: randomRatingId() } : {}), ratingId: rating.id, coreSystemId: s.coreSystemId, importance: s.importance!, satisfaction: s.satisfaction! })),
        });
      }
      if (!anonymous) await tx.ratingInvitation.update({ where: { id: row.id }, data: { ratingId: rating.id } });
      // Anonymous: no contact, no invitation, a random id and the day only (an audit id is a time-ordered cuid too).
      await tx.auditEvent.create({
        data: anonymous
          ? { id: randomRatingId(), actorId: null, action: "rating.created", entityType: "Rating", entityId: rating.id, accountId: row.accountId, details: { source: "INVITATION", campaignId: row.campaignId, anonymous: true }, createdAt: at }
          : { actorId: null, action: "rating.created", entityType: "Rating", entityId: rating.id, accountId: row.accountId, details: { source: "INVITATION", campaignId: row.campaignId, invitationId: row.id, contactId: row.contactId } },
      });
      await recomputeAccountHealth(tx, row.accountId, now);
    });
  } catch (error) {
    if (error instanceof AlreadyAnswered || isUniqueViolation(error)) {
      // A concurrent submission won: the same form's retry is "received", anything else "used".
      const fresh = await findByToken(db(), input.token);
      if (fresh) {
        const stored = await findRetry(fresh, idempotencyKey);
        if (stored) return stored;
        const later = problemOf(fresh, now);
        if (later) return later;
      }
      if (isUniqueViolation(error)) throw new InputConflictError("This form was already used. Reload the page to rate again.");
      return { state: "used", accountName: row.account.name, anonymous: row.campaign.anonymous, ask: askFor(row) };
    }
    throw error;
  }
  return { state: "received", duplicate: false, anonymous, accountName: row.account.name };
}

/** The stored rating of this same form (a retry), or null. Another form's key never matches. */
async function findRetry(row: InvitationRow, idempotencyKey: string): Promise<InvitationReceipt | null> {
  if (!row.answeredAt) return null;
  const stored = await db().rating.findUnique({ where: { idempotencyKey }, select: { id: true, campaignId: true, accountId: true, contactId: true, source: true } });
  if (!stored || stored.source !== "INVITATION" || stored.campaignId !== row.campaignId || stored.accountId !== row.accountId) return null;
  const mine = row.campaign.anonymous ? stored.contactId === null : row.ratingId === stored.id;
  return mine ? { state: "received", duplicate: true, anonymous: row.campaign.anonymous, accountName: row.account.name } : null;
}

// --- Unsubscribe -------------------------------------------------------------------------------

export type UnsubscribeState = { state: "ok"; contactName: string; accountName: string; alreadyUnsubscribed: boolean } | { state: "unknown" };

async function contactOfToken(token: string) {
  const parsed = unsubscribeTokenSchema.safeParse(token);
  const contactId = parsed.success ? verifyUnsubscribeToken(parsed.data) : null;
  if (!contactId) return null;
  return db().contact.findUnique({ where: { id: contactId }, select: { id: true, name: true, unsubscribedAt: true, accountId: true, account: { select: { name: true } } } });
}

/** What an unsubscribe link shows before the person confirms. */
export async function getUnsubscribeState(token: string): Promise<UnsubscribeState> {
  const contact = await contactOfToken(token);
  if (!contact) return { state: "unknown" };
  return { state: "ok", contactName: contact.name, accountName: contact.account.name, alreadyUnsubscribed: contact.unsubscribedAt !== null };
}

/**
 * Records that the person wants no more emails (idempotent: the first date stays). Queued emails
 * are not sent (delivery checks it when it claims each one) and campaigns skip them. Audited.
 */
export async function unsubscribe(token: string, now = new Date()): Promise<UnsubscribeState> {
  const contact = await contactOfToken(token);
  if (!contact) return { state: "unknown" };
  await db().$transaction(async (tx) => {
    const updated = await tx.contact.updateMany({ where: { id: contact.id, unsubscribedAt: null }, data: { unsubscribedAt: now } });
    if (updated.count > 0) {
      await tx.auditEvent.create({ data: { actorId: null, action: "contact.unsubscribed", entityType: "Contact", entityId: contact.id, accountId: contact.accountId, details: { via: "email link" } } });
    }
  });
  return { state: "ok", contactName: contact.name, accountName: contact.account.name, alreadyUnsubscribed: contact.unsubscribedAt !== null };
}
