import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listOwnApiTokens } from "@/lib/data/api-tokens";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import { NewTokenForm } from "./new-token-form";
import { RevokeTokenForm } from "./revoke-token-form";

export const metadata: Metadata = { title: "API tokens" };

const SCOPE_LABELS = { READ: "read only", WRITE: "read and write" } as const;

/** The signed-in user's personal API tokens (decision 029): make one, see when each was last used, revoke it. */
export default async function TokensPage() {
  const actor = await requireActorOrRedirect();
  const now = new Date();
  const tokens = await listOwnApiTokens(actor, now);
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <Card>
        <p className="mb-4 text-sm text-slate-600">
          A token lets a script use Rapport&apos;s API as you: it sees and changes exactly what you may, never more. Send it as{" "}
          <code className="rounded bg-slate-100 px-1">Authorization: Bearer rpt_…</code>. See the <Link href="/docs/api" className="text-blue-800 underline">API reference</Link>.
        </p>
        <NewTokenForm action={createApiTokenAction} />
      </Card>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">Your tokens</h2>
        {tokens.length === 0 ? (
          <p className="text-sm text-slate-600">You have no tokens yet. Make one above when a script needs to reach Rapport.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {tokens.map((token) => {
              const ended = token.revokedAt ? "revoked" : token.expiresAt <= now ? "expired" : null;
              return (
                <li key={token.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="space-y-1">
                    <p className="font-medium">
                      {token.name} <span className="font-mono text-xs text-slate-500">rpt_{token.hint}…</span>
                    </p>
                    <p className="text-slate-600">
                      {SCOPE_LABELS[token.scope]} · made <LocalTime date={token.createdAt} /> ·{" "}
                      {ended === "revoked" && token.revokedAt ? (
                        <>
                          revoked <LocalTime date={token.revokedAt} />
                        </>
                      ) : (
                        <>
                          {ended === "expired" ? "expired" : "expires"} <LocalTime date={token.expiresAt} />
                        </>
                      )}
                    </p>
                    <p className="text-slate-600">{token.lastUsedAt ? <>Last used <LocalTime date={token.lastUsedAt} /></> : "Never used"}</p>
                  </div>
                  {!ended && <RevokeTokenForm action={revokeApiTokenAction} tokenId={token.id} name={token.name} />}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
