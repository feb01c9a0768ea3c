import type { Tx } from "../data/audit";
import { monthlyReportForMailing } from "../data/reports";
import type { PrismaClient } from "../generated/prisma/client";
import { unsubscribeToken } from "../campaigns/tokens";
import { env, parseMailbox, publicUrl } from "../env";
import { emailHtml, escapeHtml } from "../mail/render";
import type { OutgoingEmail } from "../mail/transport";
import { formatAverage } from "./format";
import { monthOf, type ReportMonth } from "./month";
import { pdfFilename, renderMonthlyPdf } from "./pdf/render";

// The monthly value report emailed to each unit's sponsor (issue 10 §5), through the outbox: the
// `monthly-reports` job queues one email per unit and month, delivery renders it with the PDF
// attached when it sends it (the report as of then, like an invitation's link).

const recipientSelect = { id: true, name: true, email: true, leftAt: true, unsubscribedAt: true } as const;
type Recipient = { id: string; name: string; email: string | null; leftAt: Date | null; unsubscribedAt: Date | null };

/**
 * Who receives a unit's report: its named sponsor, else its contact with the sponsor role (the
 * first by name), as long as they are still at the unit and have an email address.
 */
async function sponsorOf(db: Tx | PrismaClient, accountId: string): Promise<Recipient | null> {
  const account = await db.account.findUnique({ where: { id: accountId }, select: { sponsor: { select: recipientSelect } } });
  const named = account?.sponsor;
  if (named && named.email && !named.leftAt) return named;
  return db.contact.findFirst({ where: { accountId, role: "SPONSOR", leftAt: null, email: { not: null } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: recipientSelect });
}

export const reportSubject = (accountName: string, month: ReportMonth) => `${accountName}: IT's value report for ${month.label}`;

export interface QueueResult {
  queued: number;
  /** Units already queued for the month (an earlier run, or another instance's). */
  already: number;
  /** Units with nobody to send to, by name, with why. */
  skipped: { account: string; reason: string }[];
}

/**
 * Queues the month's report for every live unit whose sponsor can receive it. Idempotent: the
 * unique (kind, account, month) of email_messages makes a second run, or a run on another
 * instance at the same moment, insert nothing (ON CONFLICT DO NOTHING), so nobody gets it twice.
 */
export async function queueMonthlyReports(prisma: PrismaClient, month: ReportMonth, now: Date): Promise<QueueResult> {
  const accounts = await prisma.account.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  const result: QueueResult = { queued: 0, already: 0, skipped: [] };
  const rows = [];
  for (const account of accounts) {
    const sponsor = await sponsorOf(prisma, account.id);
    if (!sponsor?.email) result.skipped.push({ account: account.name, reason: "no sponsor with an email address" });
    else if (sponsor.unsubscribedAt) result.skipped.push({ account: account.name, reason: `${sponsor.name} unsubscribed` });
    else rows.push({ kind: "MONTHLY_REPORT" as const, accountId: account.id, reportMonth: month.key, toAddress: sponsor.email, toName: sponsor.name, subject: reportSubject(account.name, month), createdAt: now, nextAttemptAt: now });
  }
  const inserted = rows.length ? await prisma.emailMessage.createMany({ data: rows, skipDuplicates: true }) : { count: 0 };
  result.queued = inserted.count;
  result.already = rows.length - inserted.count;
  return result;
}

type ReportEmailRef = { accountId: string | null; reportMonth: string | null };

/** Why a report email must not go (any more), or its recipient: checked when it is sent, and before a retry. */
export async function reportRecipient(db: Tx | PrismaClient, email: ReportEmailRef): Promise<{ skip: string } | { sponsor: Recipient & { email: string } }> {
  if (!email.accountId || !email.reportMonth) return { skip: "Not sent: the report's unit no longer exists" };
  const sponsor = await sponsorOf(db, email.accountId);
  if (!sponsor?.email) return { skip: "Not sent: the unit has no sponsor with an email address" };
  if (sponsor.unsubscribedAt) return { skip: "Not sent: the sponsor unsubscribed" };
  return { sponsor: { ...sponsor, email: sponsor.email } };
}

/** A queued report email as it goes now, or why it must not go. */
export async function prepareReportEmail(prisma: PrismaClient, email: ReportEmailRef & { subject: string }, now: Date): Promise<{ skip: string } | { email: OutgoingEmail }> {
  const recipient = await reportRecipient(prisma, email);
  if ("skip" in recipient || !email.accountId || !email.reportMonth) return { skip: "skip" in recipient ? recipient.skip : "Not sent: the report's unit no longer exists" };
  const { sponsor } = recipient;
  const month = monthOf(new Date(`${email.reportMonth}-01T00:00:00Z`));
  const report = await monthlyReportForMailing(email.accountId, month, now);
  const pdf = await renderMonthlyPdf(report);
  return { email: composeReportEmail(report, { name: sponsor.name, address: sponsor.email }, sponsor.id, email.subject, pdf) };
}

function composeReportEmail(report: Awaited<ReturnType<typeof monthlyReportForMailing>>, to: { name: string; address: string }, contactId: string, subject: string, pdf: Buffer): OutgoingEmail {
  const base = publicUrl();
  const accountId = report.scope.kind === "unit" ? report.scope.accountId : "";
  const accountName = report.scope.kind === "unit" ? report.scope.accountName : "";
  const pageUrl = `${base}/accounts/${accountId}/reports?month=${report.month.key}`;
  const token = unsubscribeToken(contactId);
  const latest = report.ratings[report.ratings.length - 1];
  const sl = report.serviceLevels;
  const facts = [
    `Projects delivered: ${report.delivered.length + report.omitted.delivered}`,
    `Service levels met: ${sl.met} of ${sl.met + sl.missed}; incidents: ${sl.incidents} (${sl.majorIncidents} major)`,
    `Improvements made: ${report.improvements.length + report.omitted.improvements + report.youSaidWeDid.length + report.omitted.youSaidWeDid}`,
    `Your rating in ${report.month.label}: ${formatAverage(latest?.average ?? null)}`,
    `Commitments for ${report.nextMonth.month.label}: ${report.nextMonth.commitments.length + report.omitted.commitments}`,
  ];
  const greeting = to.name.trim() ? `Hello ${to.name.trim()},` : "Hello,";
  const intro = `Here is IT's value report for ${accountName}, ${report.month.label}: what we delivered, how your services ran, what we improved and what we owe you next. The full report is attached as a PDF.`;
  const text = [greeting, "", intro, "", ...facts.map((f) => `- ${f}`), "", `With a Rapport sign-in you can also read it here: ${pageUrl}`, "", "--", `Sent by Rapport for IT, ${accountName}.`, `Not want these emails? Unsubscribe: ${base}/u/${token}`, ""].join("\n");
  const e = escapeHtml;
  const html = emailHtml(
    subject,
    `<p>${e(greeting)}</p>
<p>${e(intro)}</p>
<ul>${facts.map((f) => `<li>${e(f)}</li>`).join("")}</ul>
<p style="font-size:14px">With a Rapport sign-in you can also <a href="${e(pageUrl)}">read it in Rapport</a>.</p>`,
    `Sent by Rapport for IT, ${e(accountName)}. <a href="${e(`${base}/u/${token}`)}" style="color:#6b7280">Unsubscribe</a> from these emails.`,
  );
  const from = parseMailbox(env().MAIL_FROM) ?? { name: "Rapport", address: "rapport@localhost" };
  return {
    from: { name: "IT via Rapport", address: from.address },
    to,
    subject,
    text,
    html,
    headers: { "List-Unsubscribe": `<${base}/api/unsubscribe/${token}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click", "Auto-Submitted": "auto-generated" },
    attachments: [{ filename: pdfFilename(accountName, "value-report", report.month.key), content: pdf, contentType: "application/pdf" }],
  };
}
