import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ServiceImportanceCard } from "@/components/stakeholders/service-importance-card";
import { StakeholderMapCard } from "@/components/stakeholders/stakeholder-map-card";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { canLogInteraction } from "@/lib/data/permissions";
import { notFoundOnMissing } from "@/lib/http/not-found";

export const metadata: Metadata = { title: "People & services" };

/** Who matters at the unit and which of its services to fix first (IT with full access; others get 404). */
export default async function StakeholdersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access } = await notFoundOnMissing(getAccountSummary(actor, id));
  if (!canLogInteraction(access)) notFound();
  return (
    <div className="space-y-6">
      <Suspense fallback={<CardSkeleton title="Stakeholder map" />}>
        <StakeholderMapCard actor={actor} accountId={id} />
      </Suspense>
      <Suspense fallback={<CardSkeleton title="Importance × satisfaction of IT's services" />}>
        <ServiceImportanceCard actor={actor} accountId={id} />
      </Suspense>
    </div>
  );
}
