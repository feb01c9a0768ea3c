import Link from "next/link";
import { STAGE_ORDER } from "@/components/health/stage-style";
import { PlainLineChart } from "@/components/charts/plain-line-chart";
import { Card, EmptyState } from "@/components/ui/card";
import { listArchivedAccounts } from "@/lib/data/account-admin";
import { getPortfolioCounts, getPortfolioPage, getPortfolioScoreTrend, listPortfolioManagers } from "@/lib/data/portfolio";
import type { PortfolioQuery } from "@/lib/data/portfolio-query";
import { type Actor, managesAccounts } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/scoring";
import { PortfolioFilters } from "./portfolio-filters";
import { PortfolioTable } from "./portfolio-table";
import { StageBars } from "./stage-bars";

// Each widget fetches its own data, so the dashboard streams them in as they are ready.

const DASHBOARD = "/dashboard";

/** One page of the portfolio as the URL asks for it, with the filters that shape it. */
export async function PortfolioTableWidget({ actor, query }: { actor: Actor; query: PortfolioQuery }) {
  const [page, managers] = await Promise.all([getPortfolioPage(actor, query), listPortfolioManagers(actor)]);
  return (
    <Card title="Business units">
      <PortfolioFilters query={query} basePath={DASHBOARD} managers={managers} offerMine={managers.some((m) => m.id === actor.id)} />
      <PortfolioTable page={page} basePath={DASHBOARD} canCreate={managesAccounts(actor)} />
    </Card>
  );
}

/** Units nobody is accountable for (article 004), counted where the CIO looks first. */
export async function UnassignedWidget({ actor }: { actor: Actor }) {
  const { unassigned } = await getPortfolioCounts(actor);
  if (unassigned === 0) return null;
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <strong>
        {unassigned} business {unassigned === 1 ? "unit has" : "units have"} no relationship manager
      </strong>
      : nobody is accountable for {unassigned === 1 ? "that relationship" : "those relationships"}. {unassigned === 1 ? "It is" : "They are"} marked &ldquo;Unassigned&rdquo; (
      <Link href={`${DASHBOARD}?owner=none`} prefetch={false} className="underline">
        list them
      </Link>
      )
      {managesAccounts(actor) && "; assign a manager in each unit's settings"}.
    </p>
  );
}

/** For the CIO and admins: units that left the portfolio, still reachable with their history. */
export async function ArchivedUnitsWidget({ actor }: { actor: Actor }) {
  const archived = await listArchivedAccounts(actor);
  if (archived.length === 0) return null;
  return (
    <Card title="Archived business units">
      <ul className="space-y-1 text-sm">
        {archived.map((account) => (
          <li key={account.id}>
            <Link href={`/accounts/${account.id}`} prefetch={false} className="text-blue-800 underline">
              {account.name}
            </Link>
            <span className="text-slate-500"> · archived {formatDate(account.archivedAt as Date)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export async function StageDistributionWidget({ actor }: { actor: Actor }) {
  const { byStage } = await getPortfolioCounts(actor);
  const data = STAGE_ORDER.map((stage) => ({ stage, label: STAGE_LABELS[stage], count: byStage[stage] }));
  return (
    <Card title="Accounts by stage">
      <StageBars data={data} basePath={DASHBOARD} />
    </Card>
  );
}

export async function ScoreTrendWidget({ actor }: { actor: Actor }) {
  const trend = await getPortfolioScoreTrend(actor);
  return (
    <Card title="Average health score">
      {trend.length === 0 ? (
        <EmptyState title="No history yet">Scores appear here once interactions or ratings are logged.</EmptyState>
      ) : (
        <PlainLineChart name="Average score" data={trend.map((point) => ({ month: point.month, score: point.average }))} />
      )}
    </Card>
  );
}
