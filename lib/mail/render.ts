import type { EmailKind } from "../generated/prisma/enums";
import type { Prisma } from "../generated/prisma/client";
import { invitationToken, unsubscribeToken } from "../campaigns/tokens";
import { env, parseMailbox, publicUrl } from "../env";
import type { OutgoingEmail } from "./transport";

const DAY = 86_400_000;

/** What rendering an invitation or reminder reads. */
export const emailContextSelect = {
  id: true,
  accountId: true,
  tokenSalt: true,
  sentAt: true,
  expiresAt: true,
  revokedAt: true,
  answeredAt: true,
  contact: { select: { id: true, name: true, email: true, unsubscribedAt: true } },
  account: { select: { name: true } },
  campaign: { select: { name: true, message: true, status: true, linkValidDays: true, closesAt: true, createdBy: { select: { name: true, email: true } } } },
} satisfies Prisma.RatingInvitationSelect;

export type EmailContext = Prisma.RatingInvitationGetPayload<{ select: typeof emailContextSelect }>;

export interface RenderedEmail extends OutgoingEmail {
  /** The rating link (contains the token: never store it). */
  ratingUrl: string;
  unsubscribeUrl: string;
  expiresAt: Date;
}

/** The subject, computed when the email is queued. */
export function emailSubject(context: { account: { name: string }; campaign: { name: string } }, kind: EmailKind): string {
  const subject = `How is IT doing for ${context.account.name}? ${context.campaign.name}`;
  return kind === "REMINDER" ? `Reminder: ${subject}` : subject;
}

export const escapeHtml = (value: string): string =>
  value.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");

const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/**
 * The HTML document every email Rapport sends to a contact shares: a centred card on a grey page
 * with inline styles (mail clients drop style sheets), `bodyHtml` in it and, under a rule, the
 * small print `footerHtml` (who sent it, how to unsubscribe). Both are HTML: escape what goes in.
 */
export function emailHtml(title: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:16px;background:#f6f7f9;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2937;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
${bodyHtml}
<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">
<p style="font-size:12px;color:#6b7280">${footerHtml}</p>
</div>
</body>
</html>
`;
}

/**
 * An invitation or reminder, text and HTML. `now` is when it is sent: a link not yet sent expires
 * linkValidDays after it (what delivery records on the first successful send).
 */
export function renderEmail(context: EmailContext, { kind, subject, now }: { kind: EmailKind; subject: string; now: Date }): RenderedEmail {
  const base = publicUrl();
  const token = invitationToken(context.id, context.tokenSalt);
  const unsubscribe = unsubscribeToken(context.contact.id);
  const ratingUrl = `${base}/r/${token}`;
  const unsubscribeUrl = `${base}/u/${unsubscribe}`;
  const oneClickUrl = `${base}/api/unsubscribe/${unsubscribe}`;
  const expiresAt = context.expiresAt ?? new Date(now.getTime() + context.campaign.linkValidDays * DAY);
  const sender = context.campaign.createdBy?.name?.trim() || "Your IT department";
  const from = parseMailbox(env().MAIL_FROM) ?? { name: "Rapport", address: "rapport@localhost" };
  const greeting = context.contact.name.trim() ? `Hello ${context.contact.name.trim()},` : "Hello,";
  const expiry = dateFormat.format(expiresAt);
  const intro =
    kind === "REMINDER"
      ? `A reminder: ${sender} asked how IT is doing for ${context.account.name}, and we have not heard from you yet.`
      : `${sender} would like to know how IT is doing for ${context.account.name}.`;
  const message = context.campaign.message.trim();
  const paragraphs = message ? message.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean) : [];

  const text = [
    greeting,
    "",
    intro,
    ...(paragraphs.length ? ["", ...paragraphs.flatMap((p, i) => (i ? ["", p] : [p]))] : []),
    "",
    "Rate IT here (it takes a minute):",
    ratingUrl,
    "",
    `The link works until ${expiry}. It is yours alone: please do not forward it.`,
    "",
    "--",
    `Sent by Rapport for ${sender}, ${context.account.name}.`,
    `Not want these emails? Unsubscribe: ${unsubscribeUrl}`,
    "",
  ].join("\n");

  const e = escapeHtml;
  const html = emailHtml(
    subject,
    `<p>${e(greeting)}</p>
<p>${e(intro)}</p>
${paragraphs.map((p) => `<p>${e(p).replaceAll("\n", "<br>")}</p>`).join("\n")}
<p style="margin:24px 0"><a href="${e(ratingUrl)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">Rate IT</a></p>
<p style="font-size:14px">Or open this link: <a href="${e(ratingUrl)}">${e(ratingUrl)}</a></p>
<p style="font-size:14px">The link works until ${e(expiry)}. It is yours alone: please do not forward it.</p>`,
    `Sent by Rapport for ${e(sender)}, ${e(context.account.name)}. <a href="${e(unsubscribeUrl)}" style="color:#6b7280">Unsubscribe</a> from these emails.`,
  );

  const creator = context.campaign.createdBy;
  return {
    from: { name: `${sender} via Rapport`, address: from.address },
    replyTo: creator?.email ? { name: creator.name, address: creator.email } : undefined,
    to: { name: context.contact.name, address: context.contact.email ?? "" },
    subject,
    text,
    html,
    headers: {
      "List-Unsubscribe": `<${oneClickUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Auto-Submitted": "auto-generated",
    },
    ratingUrl,
    unsubscribeUrl,
    expiresAt,
  };
}

/** Why an email must not go (any more), or null. Checked when it is claimed, and before a retry. */
export function skipReason(context: EmailContext, kind: EmailKind, now: Date): string | null {
  if (context.contact.unsubscribedAt) return "Not sent: the contact unsubscribed";
  if (!context.contact.email) return "Not sent: the contact has no email address";
  if (context.answeredAt) return "Not sent: already answered";
  if (context.revokedAt) return "Not sent: the link was revoked";
  if (context.campaign.status === "CANCELLED") return "Not sent: the campaign was cancelled";
  if (context.campaign.status === "CLOSED" || context.campaign.closesAt <= now) return "Not sent: the campaign has closed";
  if (kind === "REMINDER" && context.expiresAt && context.expiresAt <= now) return "Not sent: the link has expired";
  return null;
}
