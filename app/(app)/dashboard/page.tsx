import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PortfolioExportLink } from "@/components/export/portfolio-export-link";
import { ArchivedUnitsWidget, PortfolioTableWidget, ScoreTrendWidget, StageDistributionWidget, UnassignedWidget } from "@/components/portfolio/widgets";
import { ButtonLink } from "@/components/ui/button";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { managesAccounts, seesPortfolio } from "@/lib/data/permissions";
import { ignoredPortfolioParams, parsePortfolioQuery } from "@/lib/data/portfolio-query";

export const metadata: Metadata = { title: "Portfolio" };

// The table's page, sort and filters live in the URL; bad values fall back to the defaults.
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const params = await searchParams;
  const query = parsePortfolioQuery(params);
  const ignored = ignoredPortfolioParams(params);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Relationship portfolio</h1>
          <p className="text-sm text-slate-600">Every business unit&apos;s relationship with IT, weakest first unless you sort it otherwise.</p>
        </div>
        {managesAccounts(actor) && <ButtonLink href="/accounts/new">New business unit</ButtonLink>}
        <PortfolioExportLink query={query} />
      </div>
      {ignored.length > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          The address asked for {ignored.map(({ label, value }) => `${label} “${value}”`).join(", ")}, which {ignored.length === 1 ? "is" : "are"} not
          valid here, so {ignored.length === 1 ? "it was" : "they were"} ignored: the table below shows the default instead.
        </p>
      )}
      {/* Not streamed: arriving after the charts, the banner would push the whole page down (layout shift). */}
      <UnassignedWidget actor={actor} />
      <div className="grid gap-6 md:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Accounts by stage" height="h-56" />}>
          <StageDistributionWidget actor={actor} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Average health score" height="h-56" />}>
          <ScoreTrendWidget actor={actor} />
        </Suspense>
      </div>
      <Suspense fallback={<CardSkeleton title="Business units" height="h-96" />}>
        <PortfolioTableWidget actor={actor} query={query} />
      </Suspense>
      {managesAccounts(actor) && (
        <Suspense fallback={null}>
          <ArchivedUnitsWidget actor={actor} />
        </Suspense>
      )}
    </div>
  );
}
