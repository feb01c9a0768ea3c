import type { Metadata } from "next";
import { z } from "zod";
import { ActionForm } from "@/components/actions/action-form";
import { ClosedActionList, OpenActionList } from "@/components/actions/action-list";
import { TreatmentList } from "@/components/actions/treatment-list";
import { ExportLink } from "@/components/export/export-link";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { actionOwnerOptions, getActionPlan } from "@/lib/data/actions";
import { getLatestDiagnosis } from "@/lib/data/diagnoses";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { TREATMENTS } from "@/lib/scoring";
import { dateInputValue } from "@/lib/validation/record-form";
import { closeActionAction, createActionAction, updateActionAction } from "./actions";

export const metadata: Metadata = { title: "Action plan" };

const DAY = 86_400_000;
/** ?treatment=<id> prefills the form from a prescribed treatment; anything else is ignored. */
const querySchema = z.object({ treatment: z.string().optional().catch(undefined) });

/** The unit's action plan (IT with full access; others get 404): open, closed, and what to plan next. */
export default async function ActionsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const query = querySchema.parse(await searchParams);
  const actor = await requireActorOrRedirect();
  const owners = await notFoundOnMissing(actionOwnerOptions(actor, id));
  const [plan, latest] = await Promise.all([getActionPlan(actor, id), getLatestDiagnosis(actor, id)]);
  const treatments = latest?.readable ? latest.diagnosis.treatments : [];
  const chosen = TREATMENTS.find((treatment) => treatment.id === query.treatment);
  const ownerOptions = owners.map((owner) => ({ value: owner.id, label: owner.name }));
  const defaultOwner = owners.some((owner) => owner.id === actor.id) ? actor.id : undefined;
  const today = new Date();

  return (
    <div className="space-y-6">
      <Card title="Action plan">
        <p className="mb-4 text-sm text-slate-600">
          Treatments become work when someone owns them. Close each action with what was done: the ones you mark for the client appear on their view of the
          account as “You said, we did” (article 003: let the business see that its feedback is acted on).
        </p>
        <ExportLink href={`/api/export/actions?accountId=${id}`} label="the action plan" />
        {plan.open.length === 0 ? (
          <EmptyState title="No open actions">Plan one below, or turn a prescribed treatment or an alert into one.</EmptyState>
        ) : (
          <OpenActionList items={plan.open} owners={ownerOptions} actions={{ update: updateActionAction, close: closeActionAction }} />
        )}
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={chosen ? `Plan: ${chosen.title}` : "Plan an action"}>
          <div id="plan" className="scroll-mt-4">
            <ActionForm
              key={chosen?.id ?? "free"}
              action={createActionAction}
              mode="new"
              id="new-action"
              hidden={{ accountId: id, ...(chosen ? { treatmentId: chosen.id } : {}) }}
              owners={ownerOptions}
              defaults={{ title: chosen?.title, ownerId: defaultOwner, dueDate: dateInputValue(new Date(today.getTime() + 14 * DAY)), visibleToClient: true }}
              submitLabel="Plan the action"
            />
          </div>
        </Card>
        <Card title="Prescribed treatments">
          <TreatmentList accountId={id} treatments={treatments} planned={plan.open.flatMap((action) => (action.treatmentId ? [action.treatmentId] : []))} />
        </Card>
      </div>

      <Card title="Closed actions">
        {plan.closed.length === 0 ? (
          <EmptyState title="Nothing closed yet">When an action is done, close it with what was done: it stays here, and in the monthly and failure reports.</EmptyState>
        ) : (
          <ClosedActionList items={plan.closed} />
        )}
      </Card>
    </div>
  );
}
