import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { EndOtherSessionsForm } from "@/components/auth/end-other-sessions-form";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect, sessionIdFromCookie } from "@/lib/auth/current-actor";
import { listOwnSessions, sessionLimits } from "@/lib/data/sessions";
import { endOtherSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Your sessions" };

export default async function SessionsPage() {
  const actor = await requireActorOrRedirect();
  const sessions = await listOwnSessions(actor, (await sessionIdFromCookie()) ?? "");
  const { maxAgeMs, idleMs } = sessionLimits();
  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-2xl font-semibold">Your sessions</h1>
      <Card>
        <p className="mb-4 text-sm text-slate-600">
          Where you are signed in. A session ends when you sign out there, after {idleMs / 60_000} minutes unused, or {maxAgeMs / 3_600_000} hours after signing in.
        </p>
        <ul className="mb-4 divide-y divide-slate-100 text-sm">
          {sessions.map((session, index) => (
            <li key={index} className="py-2">
              Signed in <LocalTime date={session.createdAt} />, last used <LocalTime date={session.lastSeenAt} />
              {session.current && <strong className="ml-1">(this browser)</strong>}
            </li>
          ))}
        </ul>
        <EndOtherSessionsForm action={endOtherSessionsAction} />
      </Card>
    </div>
  );
}
