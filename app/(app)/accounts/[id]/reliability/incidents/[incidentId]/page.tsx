import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentForm } from "@/components/reliability/incident-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { listCoreSystems } from "@/lib/data/core-systems";
import { getIncident } from "@/lib/data/reliability";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { updateIncidentAction } from "../../actions";

export const metadata: Metadata = { title: "Edit incident" };

export default async function EditIncidentPage({ params }: { params: Promise<{ id: string; incidentId: string }> }) {
  const { id, incidentId } = await params;
  const actor = await requireActorOrRedirect();
  const incident = await notFoundOnMissing(getIncident(actor, incidentId));
  // Another account's record under this account's address is not found here either.
  if (incident.accountId !== id) notFound();
  const systems = await listCoreSystems(actor, id);
  return (
    <div className="max-w-2xl space-y-6">
      <Link href={`/accounts/${id}/reliability#record-${incident.id}`} className="text-sm text-blue-800 underline">
        ← Reliability
      </Link>
      <Card title={`Edit ${incident.title}`}>
        <IncidentForm incident={incident} systems={systems} action={updateIncidentAction} />
      </Card>
    </div>
  );
}
