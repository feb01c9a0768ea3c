import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { NotFoundError } from "@/lib/data/errors";
import { formatDate } from "@/lib/format";
import { mailboxMessage, managesOutbox } from "@/lib/mail/outbox";
import { idSchema } from "@/lib/validation/fields";

export const metadata: Metadata = { title: "Email" };
export const dynamic = "force-dynamic";

export default async function MailboxEmailPage({ params }: { params: Promise<{ emailId: string }> }) {
  const actor = await requireActorOrRedirect();
  if (!managesOutbox(actor)) notFound();
  const parsed = idSchema.safeParse((await params).emailId);
  if (!parsed.success) notFound();
  const message = await mailboxMessage(actor, parsed.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (!message) notFound();
  const { email } = message;
  const to = email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress;
  if ("unavailable" in message) {
    return (
      <div className="space-y-6">
        <BackToMailbox />
        <h1 className="text-2xl font-semibold break-words">{email.subject}</h1>
        <p className="text-sm">
          Sent to {to} <LocalTime date={email.sentAt ?? email.createdAt} />. It cannot be shown again: today it would not go ({message.unavailable}).
        </p>
      </div>
    );
  }
  const { rendered, rating } = message;
  const from = `${rendered.from.name} <${rendered.from.address}>`;
  return (
    <div className="space-y-6">
      <BackToMailbox />
      <h1 className="text-2xl font-semibold break-words">{email.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">From</dt>
        <dd className="break-words">{from}</dd>
        <dt className="text-slate-600">To</dt>
        <dd className="break-words">{to}</dd>
        <dt className="text-slate-600">Sent</dt>
        <dd>{email.sentAt ? <LocalTime date={email.sentAt} /> : "—"}</dd>
        {rating && (
          <>
            <dt className="text-slate-600">Link valid until</dt>
            <dd>{formatDate(rating.expiresAt)}</dd>
          </>
        )}
        {rendered.attachments?.map((file) => (
          <Fragment key={file.filename}>
            <dt className="text-slate-600">Attached</dt>
            <dd className="break-words">{file.filename}</dd>
          </Fragment>
        ))}
      </dl>
      {rating && (
        <Card title="Rating link">
          <p className="text-sm">
            Opening it answers as this contact would (it works once, until it expires):{" "}
            <a href={rating.url} className="break-all text-blue-800 underline" data-testid="rating-link">
              {rating.url}
            </a>
          </p>
        </Card>
      )}
      <Card title="As the contact sees it">
        {/* The email's own HTML, isolated: no scripts, no access to this page; links open in a new tab. */}
        <iframe title={`The email “${email.subject}”`} srcDoc={rendered.html.replace("<head>", '<head><base target="_blank">')} sandbox="allow-popups allow-popups-to-escape-sandbox" className="h-[32rem] w-full rounded border border-slate-200" />
      </Card>
      <Card title="Plain text">
        <pre className="overflow-x-auto text-sm whitespace-pre-wrap break-words">{rendered.text}</pre>
      </Card>
      <Card title="Headers">
        <pre className="overflow-x-auto text-xs whitespace-pre-wrap break-all">
          {Object.entries(rendered.headers)
            .map(([name, value]) => `${name}: ${value}`)
            .join("\n")}
        </pre>
      </Card>
    </div>
  );
}

function BackToMailbox() {
  return (
    <p className="text-sm">
      <Link href="/admin/mailbox" className="underline">
        ← Development mailbox
      </Link>
    </p>
  );
}
