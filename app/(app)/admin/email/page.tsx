import { LocalTime } from "@/components/ui/local-time";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { outboxSummary, seesOutbox } from "@/lib/mail/outbox";
import { retryEmailAction } from "./actions";
import { RetryButton } from "./retry-button";

export const metadata: Metadata = { title: "Email delivery" };
export const dynamic = "force-dynamic";

const KIND = { INVITATION: "Invitation", REMINDER: "Reminder", ALERT: "Alert", MONTHLY_REPORT: "Monthly report" } as const satisfies Record<EmailKind, string>;

function Recipient({ email }: { email: { toName: string; toAddress: string; kind: keyof typeof KIND; invitation: { campaign: { id: string; name: string }; account: { name: string } } | null } }) {
  return (
    <>
      <span className="font-medium">{email.toName || email.toAddress}</span> <span className="text-slate-600">&lt;{email.toAddress}&gt;</span>
      <span className="block text-xs text-slate-600">
        {KIND[email.kind]}
        {email.invitation && (
          <>
            {" · "}
            <Link className="underline" href={`/campaigns/${email.invitation.campaign.id}`}>
              {email.invitation.campaign.name}
            </Link>
            {` · ${email.invitation.account.name}`}
          </>
        )}
      </span>
    </>
  );
}

export default async function EmailDeliveryPage() {
  const actor = await requireActorOrRedirect();
  if (!seesOutbox(actor)) notFound();
  const { counts, settings, canRetry, failed, pending } = await outboxSummary(actor);
  const total = counts.QUEUED + counts.SENDING + counts.SENT + counts.FAILED;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Email delivery</h1>
      <p className="text-sm">
        {settings.transport === "smtp" ? (
          <>
            Emails go through the SMTP server <strong>{settings.host}</strong>
            {settings.port ? `:${settings.port}` : ""}, from {settings.from}.
          </>
        ) : (
          <>
            No SMTP server is configured (SMTP_HOST), so emails go to the{" "}
            <Link className="underline" href="/admin/mailbox">
              development mailbox
            </Link>{" "}
            and nowhere else. The README&apos;s “Email” section says how to set up a server.
          </>
        )}
      </p>

      <Card title="Outbox">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {(
            [
              ["Waiting", counts.QUEUED],
              ["Sending", counts.SENDING],
              ["Sent", counts.SENT],
              ["Failed", counts.FAILED],
            ] as const
          ).map(([label, count]) => (
            <div key={label}>
              <dt className="text-sm text-slate-600">{label}</dt>
              <dd className="text-2xl font-semibold" data-testid={`outbox-${label.toLowerCase()}`}>
                {count}
              </dd>
            </div>
          ))}
        </dl>
        {total === 0 && (
          <p className="mt-4 text-sm">
            No emails yet. Opening a campaign (<Link className="underline" href="/campaigns">Campaigns</Link>) queues one invitation per contact; they are sent within a minute.
          </p>
        )}
      </Card>

      <Card title="Failed">
        {failed.length === 0 ? (
          <EmptyState title="No failed emails">Emails the mail server refused five times, or that were interrupted while sending, appear here with the reason and a Retry button.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {failed.map((email) => (
              <li key={email.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 text-sm">
                  <Recipient email={email} />
                  <p className="mt-1 break-words text-red-800">
                    {email.skipped ? <Badge tone="neutral">Not sent</Badge> : email.interrupted ? <Badge tone="warning">Interrupted</Badge> : <Badge tone="danger">Failed</Badge>}{" "}
                    {email.lastError ?? "No reason recorded"}
                  </p>
                  <p className="text-xs text-slate-600">
                    Queued <LocalTime date={email.createdAt} /> · {email.attempts} {email.attempts === 1 ? "attempt" : "attempts"}
                    {email.interrupted ? " · check with the recipient or the mail server's log before retrying: it may have arrived" : ""}
                  </p>
                </div>
                {canRetry && !email.skipped && <RetryButton action={retryEmailAction} emailId={email.id} to={email.toAddress} />}
              </li>
            ))}
          </ul>
        )}
        {!canRetry && failed.length > 0 && <p className="mt-3 text-sm text-slate-600">An administrator can retry failed emails.</p>}
      </Card>

      <Card title="Waiting and sending">
        {pending.length === 0 ? (
          <EmptyState title="Nothing waiting">Every queued email has been handled. New invitations and reminders show here until they are sent.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {pending.map((email) => (
              <li key={email.id} className="py-3 text-sm">
                <Recipient email={email} />
                <p className="text-xs text-slate-600">
                  {email.status === "SENDING" ? "Sending since" : "Next attempt"} <LocalTime date={email.nextAttemptAt} />
                  {email.attempts > 0 ? ` · ${email.attempts} ${email.attempts === 1 ? "attempt" : "attempts"} so far` : ""}
                  {email.lastError ? ` · last error: ${email.lastError}` : ""}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
