import { env, parseMailbox, publicUrl } from "../env";
import type { PrismaClient } from "../generated/prisma/client";
import { emailHtml, escapeHtml } from "../mail/render";
import type { OutgoingEmail } from "../mail/transport";

// An ALERT email (queued by lib/alerts/detect.ts), rendered when the outbox sends it. It goes to
// an IT user about a unit they look after, so the policy is the user's, not a contact's: never to
// a deactivated user, nor to one who turned alert emails off (the notifications page) or already
// read the alert in Rapport. Its links need a sign-in: nothing in it is a credential.

export interface AlertEmailRow {
  notificationId: string | null;
  subject: string;
}

/** The email, or why it must not go ("Not sent: …", what the outbox records). */
export async function renderAlertEmail(prisma: Pick<PrismaClient, "notification">, email: AlertEmailRow): Promise<OutgoingEmail | { skip: string }> {
  const notification = email.notificationId
    ? await prisma.notification.findUnique({
        where: { id: email.notificationId },
        select: {
          readAt: true,
          user: { select: { name: true, email: true, deactivatedAt: true, alertEmails: true } },
          alert: { select: { message: true, account: { select: { id: true, name: true } } } },
        },
      })
    : null;
  if (!notification) return { skip: "Not sent: the notification no longer exists" };
  const { user, alert } = notification;
  if (user.deactivatedAt) return { skip: "Not sent: the user was deactivated" };
  if (!user.alertEmails) return { skip: "Not sent: the user turned alert emails off" };
  if (notification.readAt) return { skip: "Not sent: already read in Rapport" };

  const base = publicUrl();
  const accountUrl = `${base}/accounts/${alert.account.id}`;
  const notificationsUrl = `${base}/notifications`;
  const from = parseMailbox(env().MAIL_FROM) ?? { name: "Rapport", address: "rapport@localhost" };
  const greeting = user.name.trim() ? `Hello ${user.name.trim()},` : "Hello,";
  const text = [
    greeting,
    "",
    alert.message,
    "",
    `Open ${alert.account.name}: ${accountUrl}`,
    `Turn it into an action with an owner and a due date: ${notificationsUrl}`,
    "",
    "--",
    "Sent by Rapport because you look after this unit.",
    `Alert emails can be turned off on your notifications page: ${notificationsUrl}`,
    "",
  ].join("\n");
  const e = escapeHtml;
  const html = emailHtml(
    email.subject,
    `<p>${e(greeting)}</p>
<p style="font-weight:600">${e(alert.message)}</p>
<p><a href="${e(accountUrl)}">Open ${e(alert.account.name)}</a> · <a href="${e(notificationsUrl)}">Turn it into an action</a></p>`,
    `Sent by Rapport because you look after this unit. Alert emails can be turned off on your <a href="${e(notificationsUrl)}" style="color:#6b7280">notifications page</a>.`,
  );
  return {
    from: { name: from.name || "Rapport", address: from.address },
    to: { name: user.name, address: user.email },
    subject: email.subject,
    text,
    html,
    headers: { "Auto-Submitted": "auto-generated", "List-Unsubscribe": `<${notificationsUrl}>` },
  };
}
