// The outbox and the development mailbox for the admin pages (/admin/email, /admin/mailbox).
// Who may see what (decided here, documented in the README's "Email" section):
// - the outbox's status (counts, failed and waiting sends with their reasons): ADMIN and CIO
//   (the CIO runs campaigns and should see when emails do not go); addresses and subjects only,
//   never a body or a link;
// - retrying a failed send: ADMIN only (it is operations work, like the mail server settings);
// - the development mailbox (rendered emails with their working rating links): ADMIN only, as a
//   link there lets whoever opens it answer for the contact.
import { renderAlertEmail } from "../alerts/email";
import { db } from "../db/client";
import { recordAudit } from "../data/audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "../data/errors";
import type { Actor } from "../data/permissions";
import type { EmailStatus } from "../generated/prisma/enums";
import { env } from "../env";
import { reportRecipient } from "../reports/email";
import { INTERRUPTED, prepare } from "./delivery";
import { emailContextSelect, renderEmail, skipReason } from "./render";

export const seesOutbox = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";
export const managesOutbox = (actor: Actor) => actor.role === "ADMIN";

/** Where emails go in this instance: what the pages say. */
export function mailSettings(): { transport: "smtp"; host: string; port: number | null; from: string } | { transport: "mailbox"; from: string } {
  const { SMTP_HOST, SMTP_PORT, MAIL_FROM } = env();
  return SMTP_HOST ? { transport: "smtp", host: SMTP_HOST, port: SMTP_PORT ?? null, from: MAIL_FROM } : { transport: "mailbox", from: MAIL_FROM };
}

const rowSelect = {
  id: true,
  kind: true,
  toAddress: true,
  toName: true,
  subject: true,
  status: true,
  transport: true,
  attempts: true,
  nextAttemptAt: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  invitation: { select: { campaign: { select: { id: true, name: true } }, account: { select: { id: true, name: true } } } },
} as const;

export async function outboxSummary(actor: Actor, { limit = 50 }: { limit?: number } = {}) {
  if (!seesOutbox(actor)) throw new ForbiddenError();
  const prisma = db();
  const grouped = await prisma.emailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const counts: Record<EmailStatus, number> = { QUEUED: 0, SENDING: 0, SENT: 0, FAILED: 0 };
  for (const row of grouped) counts[row.status] = row._count._all;
  const [failed, pending] = await Promise.all([
    prisma.emailMessage.findMany({ where: { status: "FAILED" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit, select: rowSelect }),
    prisma.emailMessage.findMany({ where: { status: { in: ["QUEUED", "SENDING"] } }, orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }], take: limit, select: rowSelect }),
  ]);
  return {
    counts,
    settings: mailSettings(),
    canRetry: managesOutbox(actor),
    failed: failed.map((row) => ({ ...row, interrupted: row.lastError === INTERRUPTED, skipped: row.lastError?.startsWith("Not sent:") ?? false })),
    pending,
  };
}

/** Emails delivered to the development mailbox, newest first. */
export async function listMailbox(actor: Actor, { limit = 100 }: { limit?: number } = {}) {
  if (!managesOutbox(actor)) throw new ForbiddenError();
  return db().emailMessage.findMany({
    where: { transport: "mailbox", status: "SENT" },
    orderBy: [{ sentAt: "desc" }, { id: "desc" }],
    take: limit,
    select: rowSelect,
  });
}

/**
 * One mailbox email, rendered again: an invitation as it was sent (same link, same expiry); an
 * alert or a report as it would be sent now, or the reason it would no longer go.
 */
export async function mailboxMessage(actor: Actor, id: string) {
  if (!managesOutbox(actor)) throw new ForbiddenError();
  const email = await db().emailMessage.findFirst({
    where: { id, transport: "mailbox", status: "SENT" },
    select: { ...rowSelect, invitationId: true, accountId: true, reportMonth: true, notificationId: true },
  });
  if (!email) throw new NotFoundError("email");
  if (email.kind === "ALERT" || email.kind === "MONTHLY_REPORT") {
    const prepared = await prepare(db(), email, email.sentAt ?? email.createdAt);
    return "skip" in prepared ? { email, unavailable: prepared.skip } : { email, rendered: prepared.email, rating: null };
  }
  const context = email.invitationId ? await db().ratingInvitation.findUnique({ where: { id: email.invitationId }, select: emailContextSelect }) : null;
  if (!context) throw new NotFoundError("email");
  const rendered = renderEmail(context, { kind: email.kind, subject: email.subject, now: email.sentAt ?? email.createdAt });
  return { email, rendered, rating: { url: rendered.ratingUrl, expiresAt: rendered.expiresAt } };
}

/**
 * Puts a FAILED email back in the queue for the next delivery run, with a fresh set of attempts.
 * Refused (with the reason) when it must not go: the contact unsubscribed, the link was answered
 * or revoked, the campaign closed.
 */
export async function retryEmail(actor: Actor, id: string, now = new Date()): Promise<{ toAddress: string; subject: string }> {
  if (!managesOutbox(actor)) throw new ForbiddenError();
  return db().$transaction(async (tx) => {
    const email = await tx.emailMessage.findUnique({ where: { id }, select: { id: true, kind: true, status: true, toAddress: true, subject: true, invitationId: true, lastError: true, accountId: true, reportMonth: true, notificationId: true } });
    if (!email) throw new NotFoundError("email");
    if (email.status !== "FAILED") throw new InputConflictError(`That email is ${email.status.toLowerCase()}, not failed: there is nothing to retry.`);
    const context = email.invitationId ? await tx.ratingInvitation.findUnique({ where: { id: email.invitationId }, select: emailContextSelect }) : null;
    const report = email.kind === "MONTHLY_REPORT" ? await reportRecipient(tx, email) : null;
    const alert = email.kind === "ALERT" ? await renderAlertEmail(tx, email) : null;
    const skip = alert
      ? "skip" in alert
        ? alert.skip
        : null
      : report
        ? "skip" in report
          ? report.skip
          : null
        : context
          ? skipReason(context, email.kind, now)
          : "Not sent: the rating request no longer exists";
    if (skip) throw new InputConflictError(`${skip}, so it will not be retried.`);
    const updated = await tx.emailMessage.updateMany({ where: { id, status: "FAILED" }, data: { status: "QUEUED", attempts: 0, nextAttemptAt: now, lastError: null } });
    if (updated.count === 0) throw new InputConflictError("That email changed meanwhile; reload the page.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "email.retry",
      entityType: "EmailMessage",
      entityId: id,
      accountId: context?.accountId ?? email.accountId ?? null,
      details: { previousError: email.lastError },
    });
    return { toAddress: email.toAddress, subject: email.subject };
  });
}
