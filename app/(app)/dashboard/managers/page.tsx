import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkloadTable } from "@/components/portfolio/workload-table";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { seesPortfolio } from "@/lib/data/permissions";
import { getManagerWorkload } from "@/lib/data/portfolio-workload";

export const metadata: Metadata = { title: "Managers · Portfolio" };

// Article 004: one person accountable for each relationship. How loaded is each of them?
export default async function ManagersPage() {
  const actor = await requireActorOrRedirect();
  if (!seesPortfolio(actor)) notFound();
  const rows = await getManagerWorkload(actor);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold">Relationship managers</h1>
        <p className="text-sm text-slate-600">Each manager&apos;s units, the follow-ups IT owes on them and the actions they own past their due day, and how their units are faring, most units first.</p>
      </div>
      <Card title="Workload">
        <WorkloadTable rows={rows} />
      </Card>
    </>
  );
}
