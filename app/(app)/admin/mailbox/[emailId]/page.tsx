import type { Metadata } from "next";
import Link from "next/link";
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
  const { email, rendered } = message;
  const from = `${rendered.from.name} <${rendered.from.address}>`;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/mailbox" className="underline">
          ← Development mailbox
        </Link>
      </p>
      <h1 className="text-2xl font-semibold break-words">{email.subject}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">From</dt>
        <dd className="break-words">{from}</dd>
        <dt className="text-slate-600">To</dt>
        <dd className="break-words">{email.toName ? `${email.toName} <${email.toAddress}>` : email.toAddress}</dd>
        <dt className="text-slate-600">Sent</dt>
        <dd>{email.sentAt ? <LocalTime date={email.sentAt} /> : "—"}</dd>
        <dt className="text-slate-600">Link valid until</dt>
        <dd>{formatDate(rendered.expiresAt)}</dd>
      </dl>
      <Card title="Rating link">
        <p className="text-sm">
          Opening it answers as this contact would (it works once, until it expires):{" "}
          <a href={rendered.ratingUrl} className="break-all text-blue-800 underline" data-testid="rating-link">
            {rendered.ratingUrl}
          </a>
        </p>
      </Card>
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
