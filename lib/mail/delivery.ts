import { renderAlertEmail } from "../alerts/email";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { EmailKind } from "../generated/prisma/enums";
import { logUnexpected } from "../log";
import { emailContextSelect, renderEmail, skipReason } from "./render";
import { configuredTransport, type MailTransport, type OutgoingEmail } from "./transport";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Attempts before an email is FAILED (an admin can retry it). */
export const MAX_ATTEMPTS = 5;
/** A row still SENDING this long after it was claimed was interrupted mid-send. */
export const STUCK_AFTER_MS = 10 * MINUTE;
export const INTERRUPTED = "Interrupted while sending; it may have gone (not resent automatically)";
/** Minutes to wait after the n-th failed attempt (1-based). */
const BACKOFF_MINUTES = [1, 5, 15, 60];
export const backoffMs = (attempts: number) => (BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1) * MINUTE;
/** At most this many emails, and this long, per run: the next run (a minute later at most) takes the rest. */
const BATCH = 200;
const RUN_BUDGET_MS = 4 * MINUTE;

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
  interrupted: number;
}

/**
 * One delivery run (the `deliver-emails` job). Safe to run twice at once, on two instances or as
 * a retried job: each email is claimed (QUEUED → SENDING, attempts + 1) by one conditional
 * UPDATE, so only one run sends it; while SENDING, nextAttemptAt holds the claim time.
 */
export async function deliverEmails(prisma: PrismaClient, now: Date, { transport = configuredTransport(), limit = BATCH }: { transport?: MailTransport; limit?: number } = {}): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, skipped: 0, interrupted: 0 };

  // A crash (or a kill) between claiming and recording: the server may have accepted it, so no resend.
  const stuck = await prisma.emailMessage.updateMany({
    where: { status: "SENDING", nextAttemptAt: { lte: new Date(now.getTime() - STUCK_AFTER_MS) } },
    data: { status: "FAILED", lastError: INTERRUPTED },
  });
  result.interrupted = stuck.count;

  const due = await prisma.emailMessage.findMany({
    where: { status: "QUEUED", nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
  const started = Date.now();
  for (const { id } of due) {
    // A claim's time is the run's `now`: stopping well before STUCK_AFTER_MS keeps a slow server's
    // last claims from looking stuck to the next run.
    if (Date.now() - started > RUN_BUDGET_MS) break;
    const outcome = await deliverOne(prisma, id, now, transport);
    if (outcome) result[outcome]++;
  }
  return result;
}

/** An email ready to go (what to send, and what its kind records once it went), or why it must not go. */
type Prepared = { skip: string } | { email: OutgoingEmail; afterSent?: (tx: Prisma.TransactionClient) => Promise<unknown> };

/**
 * Each kind renders its own email at send time; a rating invitation or reminder unless named here.
 * The development mailbox renders alerts and reports again through it.
 */
export async function prepare(
  prisma: PrismaClient,
  email: { kind: EmailKind; subject: string; invitationId: string | null; accountId: string | null; reportMonth: string | null; notificationId: string | null },
  now: Date,
): Promise<Prepared> {
  if (email.kind === "ALERT") {
    const rendered = await renderAlertEmail(prisma, email);
    return "skip" in rendered ? rendered : { email: rendered };
  }
  if (email.kind === "MONTHLY_REPORT") {
    // Imported here: the report's PDF renderer is loaded only by a run that sends one.
    const { prepareReportEmail } = await import("../reports/email");
    return prepareReportEmail(prisma, email, now);
  }
  const context = email.invitationId ? await prisma.ratingInvitation.findUnique({ where: { id: email.invitationId }, select: emailContextSelect }) : null;
  const skip = context ? skipReason(context, email.kind, now) : "Not sent: the rating request no longer exists";
  if (skip || !context) return { skip: skip ?? "Not sent: the rating request no longer exists" };
  return {
    email: renderEmail(context, { kind: email.kind, subject: email.subject, now }),
    afterSent: async (tx) => {
      // The first email that went sets when the link was sent and when it expires.
      await tx.ratingInvitation.updateMany({ where: { id: context.id, sentAt: null }, data: { sentAt: now } });
      await tx.ratingInvitation.updateMany({ where: { id: context.id, expiresAt: null }, data: { expiresAt: new Date(now.getTime() + context.campaign.linkValidDays * DAY) } });
    },
  };
}

async function deliverOne(prisma: PrismaClient, id: string, now: Date, transport: MailTransport): Promise<keyof DeliveryResult | null> {
  const claimed = await prisma.emailMessage.updateMany({
    where: { id, status: "QUEUED", nextAttemptAt: { lte: now } },
    data: { status: "SENDING", attempts: { increment: 1 }, nextAttemptAt: now, transport: transport.name },
  });
  if (claimed.count === 0) return null; // another run has it, or it was sent or deleted meanwhile
  const email = await prisma.emailMessage.findUniqueOrThrow({ where: { id }, select: { kind: true, subject: true, attempts: true, invitationId: true, accountId: true, reportMonth: true, notificationId: true } });

  let messageId: string;
  let prepared: Prepared;
  try {
    prepared = await prepare(prisma, email, now);
    if ("skip" in prepared) {
      await prisma.emailMessage.updateMany({ where: { id, status: "SENDING" }, data: { status: "FAILED", lastError: prepared.skip } });
      return "skipped";
    }
    ({ messageId } = await transport.send(prepared.email));
  } catch (error) {
    const reason = describeError(error);
    const permanent = isPermanent(error);
    const giveUp = permanent || email.attempts >= MAX_ATTEMPTS;
    await prisma.emailMessage.updateMany({
      where: { id, status: "SENDING" },
      data: giveUp
        ? { status: "FAILED", lastError: permanent ? `Rejected by the mail server: ${reason}` : `Gave up after ${email.attempts} attempts: ${reason}` }
        : { status: "QUEUED", lastError: reason, nextAttemptAt: new Date(now.getTime() + backoffMs(email.attempts)) },
    });
    return giveUp ? "failed" : "retrying";
  }

  const { afterSent } = prepared;
  // To the address it went to now (the contact's may have been corrected since the email was queued).
  const toAddress = prepared.email.to.address;
  try {
    await prisma.$transaction(async (tx) => {
      await tx.emailMessage.updateMany({ where: { id, status: "SENDING" }, data: { status: "SENT", sentAt: now, messageId, lastError: null, toAddress } });
      await afterSent?.(tx);
    });
  } catch (error) {
    // It went, but the record did not: left SENDING, the stuck sweep marks it interrupted (never resent).
    logUnexpected(`recording email ${id} as sent`, error);
  }
  return "sent";
}

/** SMTP 5xx: the server refused for good (a bad address, authentication); 4xx and network errors are retried. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim().slice(0, 500) || "unknown error";
}
