import { headers } from "next/headers";
import { formatDate } from "@/lib/format";
import { getInvitationByToken, type LinkState } from "@/lib/data/invitations";
import { blockedFor, clientKey, recordMiss } from "@/lib/http/rate-limit";
import { AskForLink, PublicPage, publicMetadata, TooManyAttempts } from "../_components/public-page";
import { submitLinkRatingAction } from "./actions";
import { RatingLinkForm } from "./rating-link-form";

export const metadata = publicMetadata("Rate IT's service");

// Always read the link's state now: never a cached page for a link that was just used.
export const dynamic = "force-dynamic";

export default async function RatingLinkPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ sent?: string | string[] }> }) {
  const [{ token }, { sent }] = await Promise.all([params, searchParams]);
  const key = clientKey(await headers());
  const wait = await blockedFor(key);
  if (wait) return <TooManyAttempts seconds={wait} />;
  const link = await getInvitationByToken(token);
  if (link.state === "unknown") await recordMiss(key);
  if (link.state === "used" && sent === "1") return <Thanks link={link} />;
  if (link.state !== "ok") return <Problem link={link} />;
  return (
    <PublicPage title={`How is IT doing for ${link.accountName}?`}>
      <p className="text-sm text-slate-600">
        {link.contactName ? `Hello ${link.contactName}. ` : ""}
        {link.campaignName}: two questions are enough, the rest are optional. It takes a minute.
      </p>
      {link.message.trim() && <blockquote className="whitespace-pre-line border-l-4 border-blue-200 pl-4 text-slate-700">{link.message.trim()}</blockquote>}
      <p className="text-sm text-slate-600">
        {link.anonymous
          ? "This survey is anonymous: your answer is stored without your name or email, and IT sees results only for groups large enough that nobody can be picked out."
          : "IT will see your name beside your answer, so your relationship manager can follow it up with you."}{" "}
        The link works once{link.expiresAt ? `, until ${formatDate(link.expiresAt)}` : ""}.
      </p>
      {/* A fresh key each time the form is shown: a double submit or a retry stores one rating. */}
      <RatingLinkForm token={token} idempotencyKey={crypto.randomUUID()} coreSystems={link.coreSystems} action={submitLinkRatingAction} />
    </PublicPage>
  );
}

function Thanks({ link }: { link: Extract<LinkState, { state: "used" }> }) {
  return (
    <PublicPage title="Thank you: your rating is received">
      <p role="status">It matters: it is how IT learns how it is really doing for {link.accountName}.</p>
      <h2 className="text-base font-semibold">What happens next</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>IT reads every answer{link.ask ? `, starting with ${link.ask.name}, who looks after ${link.accountName}` : ""}.</li>
        <li>{link.accountName}&rsquo;s health is re-diagnosed with your answer now: a low score or a worrying comment is flagged for follow-up.</li>
        {link.anonymous ? (
          <li>Your answer is anonymous: nobody sees who gave it, and results show only once enough people have answered.</li>
        ) : (
          <li>Your name is beside your answer, so {link.ask?.name ?? "your relationship manager"} may get in touch about it.</li>
        )}
      </ul>
      <p className="text-sm text-slate-600">You can close this page. The link has done its job and no longer opens the form.</p>
    </PublicPage>
  );
}

function Problem({ link }: { link: Exclude<LinkState, { state: "ok" }> }) {
  switch (link.state) {
    case "unknown":
      return (
        <PublicPage title="This link does not work">
          <p>We do not recognise this rating link. It may have been copied incompletely, or it was replaced by a newer one.</p>
          <p>Click the link in the email itself, or ask your contact in IT to send you a new one.</p>
        </PublicPage>
      );
    case "used":
      return (
        <PublicPage title="This link was already used">
          <p>A rating for {link.accountName} was already given through this link, and each link takes one answer. Thank you if it was yours.</p>
          <AskForLink ask={link.ask} accountName={link.accountName} />
        </PublicPage>
      );
    case "expired":
      return (
        <PublicPage title="This link has expired">
          <p>The link to rate IT for {link.accountName} is no longer valid: links work for a limited time after they are sent.</p>
          <AskForLink ask={link.ask} accountName={link.accountName} />
        </PublicPage>
      );
    case "revoked":
      return (
        <PublicPage title="This link was withdrawn">
          <p>IT withdrew this link to rate {link.accountName}, so it no longer opens the form.</p>
          <AskForLink ask={link.ask} accountName={link.accountName} />
        </PublicPage>
      );
    case "closed":
      return (
        <PublicPage title={link.cancelled ? "This survey was cancelled" : "This survey has closed"}>
          <p>{link.cancelled ? `IT cancelled this survey of ${link.accountName}, so it takes no more answers.` : `This survey of ${link.accountName} has closed and takes no more answers.`}</p>
          <AskForLink ask={link.ask} accountName={link.accountName} />
        </PublicPage>
      );
  }
}
