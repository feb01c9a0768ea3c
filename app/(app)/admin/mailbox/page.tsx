import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listMailbox, mailSettings, managesOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Development mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const actor = await requireActorOrRedirect();
  if (!managesOutbox(actor)) notFound();
  const settings = mailSettings();
  const emails = await listMailbox(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Development mailbox</h1>
      {settings.transport === "smtp" ? (
        <p role="status" className="rounded-md border border-blue-200 bg-blue-50 p-4 text-sm text-blue-900">
          An SMTP server is configured ({settings.host}), so new emails go there, not here. Emails below were delivered to this mailbox earlier. Delivery is on{" "}
          <Link className="underline" href="/admin/email">
            Email delivery
          </Link>
          .
        </p>
      ) : (
        <p className="text-sm">
          No SMTP server is configured, so emails stop here instead of leaving the machine. Open one to see it as the contact would, and follow its link to try the rating page.
          Delivery status is on{" "}
          <Link className="underline" href="/admin/email">
            Email delivery
          </Link>
          .
        </p>
      )}
      <Card title="Emails">
        {emails.length === 0 ? (
          <EmptyState title="The mailbox is empty">
            Open a campaign under <Link className="underline" href="/campaigns">Campaigns</Link>: its invitations arrive here within a minute.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-200">
            {emails.map((email) => (
              <li key={email.id} className="py-3 text-sm">
                <Link href={`/admin/mailbox/${email.id}`} className="font-medium text-blue-800 underline">
                  {email.subject}
                </Link>
                <span className="block text-xs text-slate-600">
                  To {email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress} · {email.sentAt ? <LocalTime date={email.sentAt} /> : ""}
                  {email.kind === "REMINDER" ? " · reminder" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
