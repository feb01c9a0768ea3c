import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { StageHeatmap } from "@/components/portfolio/stage-heatmap";
import { WatermelonView } from "@/components/portfolio/watermelon-view";
import { Card, CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { type Actor, seesPortfolio } from "@/lib/data/permissions";
import { getStageHeatmap, getWatermelon } from "@/lib/data/portfolio-trends";

export const metadata: Metadata = { title: "Trends · Portfolio" };

async function Heatmap({ actor }: { actor: Actor }) {
  return (
    <Card title="Stages month by month">
      <StageHeatmap months={await getStageHeatmap(actor)} />
    </Card>
  );
}

async function Watermelons({ actor }: { actor: Actor }) {
  const points = await getWatermelon(actor);
  const scope = actor.role === "RELATIONSHIP_MANAGER" ? "your units" : "the units";
  return (
    <Card title="Service levels against ratings">
      {actor.role === "RELATIONSHIP_MANAGER" && <p className="mb-3 text-sm text-slate-600">Your own units: other managers&apos; ratings and service levels are theirs to see.</p>}
      <WatermelonView points={points} scope={scope} />
    </Card>
  );
}

// The portfolio over the year, and green-outside-red-inside units: each card loads on its own.
export default async function TrendsPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Trends</h1>
        <p className="text-sm text-slate-600">How the portfolio&apos;s stages moved over the last twelve months, and which units meet their service levels yet are rated poorly.</p>
      </div>
      <Suspense fallback={<CardSkeleton title="Stages month by month" />}>
        <Heatmap actor={actor} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Service levels against ratings" height="h-72" />}>
        <Watermelons actor={actor} />
      </Suspense>
    </>
  );
}
