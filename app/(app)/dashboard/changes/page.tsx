import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangesFilters } from "@/components/portfolio/changes-filters";
import { ChangesList } from "@/components/portfolio/changes-list";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";
import { listPortfolioManagers } from "@/lib/data/portfolio";
import { getPortfolioChanges } from "@/lib/data/portfolio-changes";
import { CHANGES_MAX_DAYS, parseChangesQuery } from "@/lib/data/portfolio-changes-query";

export const metadata: Metadata = { title: "What changed · Portfolio" };

const BASE = "/dashboard/changes";

// The Monday question: which units moved since a day (a week ago unless chosen), and why.
export default async function ChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const now = new Date();
  const query = parseChangesQuery(await searchParams, now);
  const [page, managers] = await Promise.all([getPortfolioChanges(actor, query, now), listPortfolioManagers(actor)]);
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">What changed</h1>
        <p className="text-sm text-slate-600">Business units whose stage or score moved since the day you choose, worst moves first, with the evidence that moved them.</p>
      </div>
      <Card title="Units that moved">
        <ChangesFilters query={query} basePath={BASE} min={day(CHANGES_MAX_DAYS)} max={day(0)} managers={managers} offerMine={managers.some((m) => m.id === actor.id)} />
        <ChangesList page={page} basePath={BASE} />
      </Card>
    </>
  );
}
