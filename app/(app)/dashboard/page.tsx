import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ArchivedUnitsWidget, PortfolioTableWidget, ScoreTrendWidget, StageDistributionWidget, UnassignedWidget } from "@/components/portfolio/widgets";
import { ButtonLink } from "@/components/ui/button";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { managesAccounts, seesPortfolio } from "@/lib/data/permissions";

export const metadata: Metadata = { title: "Portfolio" };

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Relationship portfolio</h1>
          <p className="text-sm text-slate-600">Every business unit&apos;s relationship with IT, weakest first.</p>
        </div>
        {managesAccounts(actor) && <ButtonLink href="/accounts/new">New business unit</ButtonLink>}
      </div>
      <Suspense fallback={null}>
        <UnassignedWidget actor={actor} />
      </Suspense>
      <div className="grid gap-6 md:grid-cols-2">
        <Suspense fallback={<CardSkeleton title="Accounts by stage" />}>
          <StageDistributionWidget actor={actor} />
        </Suspense>
        <Suspense fallback={<CardSkeleton title="Average health score" />}>
          <ScoreTrendWidget actor={actor} />
        </Suspense>
      </div>
      <Suspense fallback={<CardSkeleton title="Business units" height="h-96" />}>
        <PortfolioTableWidget actor={actor} />
      </Suspense>
      {managesAccounts(actor) && (
        <Suspense fallback={null}>
          <ArchivedUnitsWidget actor={actor} />
        </Suspense>
      )}
    </div>
  );
}
