import type { ReactNode } from "react";
import { ACCOUNT_SECTIONS } from "@/components/accounts/account-sections";
import { AccountTabs } from "@/components/accounts/account-tabs";
import { EndStageOverride } from "@/components/accounts/end-stage-override";
import { StageOverrideForm } from "@/components/accounts/stage-override-form";
import { StageOverrideHistory } from "@/components/accounts/stage-override-history";
import { StageOverrideNote } from "@/components/accounts/stage-override-note";
import { StageBadge } from "@/components/health/stage-badge";
import { ButtonLink } from "@/components/ui/button";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { managesAccounts } from "@/lib/data/permissions";
import { getStageOverrides } from "@/lib/data/stage-overrides";
import { formatDate, humanize } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { STAGE_LABELS } from "@/lib/scoring";
import { dateInputValue } from "@/lib/validation/record-form";
import { MAX_OVERRIDE_DAYS } from "@/lib/validation/stage-override";
import { endStageOverrideAction, setStageOverrideAction } from "./override-actions";

/**
 * Every account page: who the unit is, its stage, and (for IT) the tabs of its sections. A human's
 * override stands beside the computed stage, with its controls and history (IT only: clients never
 * see overrides, nor the stage).
 */
export default async function AccountLayout({ params, children }: { params: Promise<{ id: string }>; children: ReactNode }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access, account, health } = await notFoundOnMissing(getAccountSummary(actor, id));
  const now = new Date();
  const overrides = access === "full" ? await getStageOverrides(actor, id, now) : null;
  const sections = ACCOUNT_SECTIONS.filter((section) => section.segment !== "settings" || managesAccounts(actor));

  return (
    <div className="space-y-6">
      <div>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">
            {account.name}
            {account.archivedAt && <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 align-middle text-xs font-medium text-slate-700">Archived</span>}
          </h1>
          {/* A one-account rating campaign, prefilled (those who may ask this account: its manager, the CIO, admins). */}
          {access === "full" && !account.archivedAt && (
            <ButtonLink href={`/campaigns/new?account=${account.id}`} variant="secondary" size="sm">
              Ask for a rating
            </ButtonLink>
          )}
        </div>
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
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            {overrides?.active && <span className="font-medium">Computed:</span>}
            <StageBadge stage={health.stage} />
            {health.score !== null && <span>Score {health.score}</span>}
            {health.since && <span className="text-slate-500">since {formatDate(health.since)}</span>}
          </p>
        )}
        {overrides && (
          <div className="mt-2 space-y-2">
            {overrides.active && (
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
                <StageOverrideNote override={overrides.active} />
                <EndStageOverride overrideId={overrides.active.id} stageLabel={STAGE_LABELS[overrides.active.stage]} action={endStageOverrideAction} />
              </div>
            )}
            <div className="flex flex-wrap gap-x-6 gap-y-2">
              <StageOverrideForm
                accountId={account.id}
                replacing={overrides.active !== null}
                today={dateInputValue(now)}
                latest={dateInputValue(new Date(now.getTime() + (MAX_OVERRIDE_DAYS - 1) * 86_400_000))}
                action={setStageOverrideAction}
              />
              <StageOverrideHistory actor={actor} overrides={overrides.history} />
            </div>
          </div>
        )}
      </div>
      {access === "full" && <AccountTabs accountId={account.id} sections={sections} />}
      {children}
    </div>
  );
}
