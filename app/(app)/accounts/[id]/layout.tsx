import type { ReactNode } from "react";
import { ACCOUNT_SECTIONS } from "@/components/accounts/account-sections";
import { AccountTabs } from "@/components/accounts/account-tabs";
import { StageBadge } from "@/components/health/stage-badge";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { managesAccounts } from "@/lib/data/permissions";
import { formatDate, humanize } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";

/** Every account page: who the unit is, its stage, and (for IT) the tabs of its sections. */
export default async function AccountLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access, account, health } = await notFoundOnMissing(getAccountSummary(actor, id));
  const sections = ACCOUNT_SECTIONS.filter((section) => section.segment !== "settings" || managesAccounts(actor));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">
          {account.name}
          {account.archivedAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-xs font-medium text-slate-700">Archived</span>}
        </h1>
        <p className="text-sm text-slate-600">
          Sponsor: {account.sponsor ? [account.sponsor.name, account.sponsor.title].filter(Boolean).join(", ") : "not named"} ·{" "}
          {"criticality" in account && `Criticality: ${humanize(account.criticality)} · `}
          Relationship manager:{" "}
          {account.relationshipManager ? (
            <a href={`mailto:${account.relationshipManager.email}`} className="text-blue-800 underline">
              {account.relationshipManager.name}
            </a>
          ) : (
            "not yet assigned"
          )}
        </p>
        {health && (
          <p className="mt-2 flex items-center gap-2 text-sm">
            <StageBadge stage={health.stage} />
            {health.score !== null && <span>Score {health.score}</span>}
            {health.since && <span className="text-slate-500">since {formatDate(health.since)}</span>}
          </p>
        )}
      </div>
      {access === "full" && <AccountTabs accountId={account.id} sections={sections} />}
      {children}
    </div>
  );
}
