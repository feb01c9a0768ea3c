import type { Metadata } from "next";
import { CsvColumns } from "@/components/reliability/csv-columns";
import { ReliabilityImportForm } from "@/components/reliability/import-form";
import { IncidentForm } from "@/components/reliability/incident-form";
import { IncidentList } from "@/components/reliability/incident-list";
import { SlaBySystem } from "@/components/reliability/sla-by-system";
import { SlaForm } from "@/components/reliability/sla-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getReliability } from "@/lib/data/reliability";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { createIncidentAction, createSlaPeriodAction, deleteIncidentAction, deleteSlaPeriodAction, importReliabilityAction } from "./actions";

export const metadata: Metadata = { title: "Reliability" };

/** The unit's core systems' service levels and incidents (article 001: keep the trains and buses running). */
export default async function ReliabilityPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { systems, slaGroups, incidents } = await notFoundOnMissing(getReliability(actor, id));
  return (
    <div className="space-y-6">
      <Card title="Service levels by core system">
        <SlaBySystem actor={actor} accountId={id} groups={slaGroups} deleteAction={deleteSlaPeriodAction} />
      </Card>
      <Card title="Incidents">
        <IncidentList actor={actor} accountId={id} incidents={incidents} deleteAction={deleteIncidentAction} />
      </Card>
      <Card title="Import a month from your ITSM tool">
        <div className="space-y-4">
          <p className="text-sm text-slate-600">
            Upload the month&apos;s SLA report and incident list as a CSV file. Every row is checked first: if any row is wrong, nothing is stored and each bad row is
            listed with its line number.
          </p>
          <ReliabilityImportForm accountId={id} action={importReliabilityAction} />
          <CsvColumns />
        </div>
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Add an SLA period">
          <SlaForm accountId={id} systems={systems} action={createSlaPeriodAction} />
        </Card>
        <Card title="Add an incident">
          <IncidentForm accountId={id} systems={systems} action={createIncidentAction} />
        </Card>
      </div>
    </div>
  );
}
