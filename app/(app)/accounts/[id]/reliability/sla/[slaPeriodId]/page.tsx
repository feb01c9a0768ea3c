import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SlaForm } from "@/components/reliability/sla-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listCoreSystems } from "@/lib/data/core-systems";
import { getSlaPeriod } from "@/lib/data/reliability";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { updateSlaPeriodAction } from "../../actions";

export const metadata: Metadata = { title: "Edit SLA period" };

export default async function EditSlaPeriodPage({ params }: { params: Promise<{ id: string; slaPeriodId: string }> }) {
  const { id, slaPeriodId } = await params;
  const actor = await requireActorOrRedirect();
  const period = await notFoundOnMissing(getSlaPeriod(actor, slaPeriodId));
  // Another account's record under this account's address is not found here either.
  if (period.accountId !== id) notFound();
  const systems = await listCoreSystems(actor, id);
  return (
    <div className="max-w-2xl space-y-6">
      <Link href={`/accounts/${id}/reliability#record-${period.id}`} className="text-sm text-blue-800 underline">
        ← Reliability
      </Link>
      <Card title={`Edit the SLA period of ${period.coreSystem?.name ?? "the unit's service"}`}>
        <SlaForm period={period} systems={systems} action={updateSlaPeriodAction} />
      </Card>
    </div>
  );
}
