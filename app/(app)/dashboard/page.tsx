import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { PortfolioTableWidget, ScoreTrendWidget, StageDistributionWidget } from "@/components/portfolio/widgets";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";

export const metadata: Metadata = { title: "Portfolio" };

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Relationship portfolio</h1>
        <p className="text-sm text-slate-600">Every business unit&apos;s relationship with IT, weakest first.</p>
      </div>
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
    </div>
  );
}
