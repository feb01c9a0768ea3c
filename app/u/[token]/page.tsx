import { headers } from "next/headers";
import { Button } from "@/components/ui/button";
import { getUnsubscribeState } from "@/lib/data/invitations";
import { blockedFor, clientKey, recordMiss } from "@/lib/http/rate-limit";
import { PublicPage, publicMetadata, TooManyAttempts } from "../../r/_components/public-page";
import { unsubscribeAction } from "./actions";

export const metadata = publicMetadata("Unsubscribe");

export const dynamic = "force-dynamic";

/** GET only shows the button (mail scanners follow links); the POST unsubscribes. */
export default async function UnsubscribePage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string | string[] }> }) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const key = clientKey(await headers());
  const wait = await blockedFor(key);
  if (wait) return <TooManyAttempts seconds={wait} />;
  const state = await getUnsubscribeState(token);
  if (state.state === "unknown") {
    await recordMiss(key);
    return (
      <PublicPage title="This link does not work">
        <p>We do not recognise this unsubscribe link. It may have been copied incompletely: click the link in the email itself.</p>
        <p>You can also reply to the email and ask not to be contacted again.</p>
      </PublicPage>
    );
  }
  if (state.alreadyUnsubscribed) {
    return (
      <PublicPage title="You are unsubscribed">
        <p role="status">
          {done === "1" ? "Done: " : ""}Rapport will send {state.contactName || "you"} no more rating requests or reminders for {state.accountName}.
        </p>
        <p>Any email already on its way is stopped. If you change your mind, tell your contact in IT.</p>
      </PublicPage>
    );
  }
  return (
    <PublicPage title="Unsubscribe from rating requests">
      <p>
        Stop rating requests and reminders from Rapport to {state.contactName || "you"} ({state.accountName})?
      </p>
      <form action={unsubscribeAction}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit">Unsubscribe</Button>
      </form>
      <p className="text-sm text-slate-600">Nothing changes until you press the button.</p>
    </PublicPage>
  );
}
