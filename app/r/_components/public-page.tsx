import type { Metadata } from "next";
import type { ReactNode } from "react";
import type { AskForNewLink } from "@/lib/data/invitations";
import { waitText } from "@/lib/http/rate-limit";

// The pages reached from an email, with no sign-in: /r (rate), /u (unsubscribe). Their URL holds
// a secret, so search engines must not index them and no request to another site may carry the
// URL as its referrer. The policy is "same-origin", not "no-referrer": under no-referrer the
// browser posts a form with `Origin: null`, and Next refuses such a server action (its CSRF
// check), so the forms would fail without JavaScript. Same-origin sends the referrer only to
// this app, which knows the link already.

export const publicMetadata = (title: string): Metadata => ({
  title,
  robots: { index: false, follow: false, nocache: true },
  referrer: "same-origin",
});

export function PublicPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="mx-auto w-full max-w-2xl px-4 py-8 sm:py-12">
      <p className="text-sm font-semibold text-blue-900">Rapport</p>
      <h1 className="mt-1 text-2xl font-semibold">{title}</h1>
      <div className="mt-4 space-y-4 text-slate-800">{children}</div>
    </main>
  );
}

/** Who to write to for a new link: the person, or a generic line when the link names nobody. */
export function AskForLink({ ask, accountName }: { ask: AskForNewLink | null; accountName?: string }) {
  if (!ask) {
    return <p>If you still want to give your view, ask your contact in IT {accountName ? `for ${accountName} ` : ""}to send you a new link.</p>;
  }
  return (
    <p>
      To get a new link, write to {ask.name} at{" "}
      <a className="text-blue-800 underline" href={`mailto:${ask.email}`} rel="noreferrer">
        {ask.email}
      </a>
      .
    </p>
  );
}

export function TooManyAttempts({ seconds }: { seconds: number }) {
  return (
    <PublicPage title="Too many attempts">
      <p role="alert">This address tried too many links that do not work. Try again in {waitText(seconds)}.</p>
      <p>If you copied the link from an email, check that you copied all of it, or click the link in the email itself.</p>
    </PublicPage>
  );
}
