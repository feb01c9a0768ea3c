/**
 * lib/mail README — the outbox (issue 8). API for callers (H3's campaign launch and reminders):
 *
 *   import { queueInvitationEmail, requestDelivery } from "@/lib/mail";
 *
 *   await prisma.$transaction(async (tx) => {
 *     // ...create or update the RatingInvitation...
 *     await queueInvitationEmail(tx, { invitationId, kind: "INVITATION" }); // or "REMINDER"
 *   });
 *   await requestDelivery(); // after commit; never throws (the every-minute sweep is the safety net)
 *
 * - queueInvitationEmail(tx, { invitationId, kind }): writes one EmailMessage (QUEUED, to the
 *   contact's address, subject computed now) in the caller's transaction and returns `{ id }`.
 *   Throws if the invitation does not exist or its contact has no email address (check
 *   skippedReason first). It does not count reminders: the caller bumps remindersSent/lastRemindedAt.
 *   Queue at most one email per invitation and kind at a time (the caller's own rule).
 * - requestDelivery(): enqueues the exclusive `deliver-emails` job (pg-boss on PostgreSQL,
 *   in-process on PGlite).
 * - deliverEmails(prisma, now, { transport? }): one delivery run; what the job calls. Claims each
 *   due QUEUED row with one conditional UPDATE (QUEUED → SENDING, attempts + 1), renders text and
 *   HTML from the invitation (re-deriving the link token), sends, records SENT (and, on the first
 *   successful send, invitation.sentAt and expiresAt = sentAt + linkValidDays). Failures go back to
 *   QUEUED with backoff (1, 5, 15, 60 min), FAILED after 5 attempts or at once on an SMTP 5xx. A row
 *   still SENDING 10 minutes after its claim is FAILED "interrupted" and never resent on its own.
 *   An email whose contact unsubscribed, whose invitation was answered or revoked, or whose
 *   campaign closed meanwhile is FAILED with a "Not sent: …" reason instead of sent.
 * - Transport: SMTP when SMTP_HOST is set (lib/env.ts), else the development mailbox
 *   ("mailbox": marked SENT, rendered on view at /admin/mailbox).
 * - Admin data (lib/mail/outbox.ts): outboxSummary, listMailbox, mailboxMessage, retryEmail.
 */
import type { Tx } from "../data/audit";
import type { EmailKind } from "../generated/prisma/enums";
import { logUnexpected } from "../log";
import { emailSubject } from "./render";

export { deliverEmails, type DeliveryResult } from "./delivery";
export { configuredTransport, mailboxTransport, smtpTransport, type MailTransport, type OutgoingEmail } from "./transport";

/** Queues an invitation or reminder email inside the caller's transaction (see the README above). */
export async function queueInvitationEmail(
  tx: Tx,
  { invitationId, kind, now = new Date() }: { invitationId: string; kind: EmailKind; /** Due from then (the caller's clock). */ now?: Date },
): Promise<{ id: string }> {
  const invitation = await tx.ratingInvitation.findUniqueOrThrow({
    where: { id: invitationId },
    select: { contact: { select: { name: true, email: true } }, account: { select: { name: true } }, campaign: { select: { name: true } } },
  });
  if (!invitation.contact.email) throw new Error(`Invitation ${invitationId}: the contact has no email address`);
  return tx.emailMessage.create({
    data: { kind, invitationId, toAddress: invitation.contact.email, toName: invitation.contact.name, subject: emailSubject(invitation, kind), createdAt: now, nextAttemptAt: now },
    select: { id: true },
  });
}

/** Asks for a delivery run now (after the queuing transaction committed). Never throws. */
export async function requestDelivery(): Promise<void> {
  try {
    // Imported here: lib/jobs' catalogue imports the delivery run (and campaigns, which queue emails).
    const { enqueueJob } = await import("../jobs");
    await enqueueJob("deliver-emails", {});
  } catch (error) {
    // Nothing is lost: the every-minute schedule sweeps QUEUED emails.
    logUnexpected("requesting email delivery", error);
  }
}
