import type { ReactNode } from "react";
import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { ProjectView } from "@/lib/data/projects";
import { formatDate, humanize } from "@/lib/format";
import { scope, spend, timeline } from "./project-figures";
import { StatusHistory } from "./status-history";

const STATUS_TONE = { PLANNED: "neutral", IN_PROGRESS: "info", DELIVERED: "success", CANCELLED: "neutral" } as const;

/** The unit's projects with the numbers behind "late, over budget, short of scope" (article 001). */
export function ProjectList({ actor, accountId, projects, deleteAction }: { actor: Actor; accountId: string; projects: ProjectView[]; deleteAction: FormActionFn }) {
  if (projects.length === 0) {
    return (
      <EmptyState title="No projects recorded yet">
        Add the projects IT is delivering for this unit below, with their planned dates and budget. Until then the diagnosis knows nothing about delivery.
      </EmptyState>
    );
  }
  return (
    <ul className="divide-y divide-slate-100">
      {projects.map((p) => (
        <li key={p.id} id={`record-${p.id}`} className="space-y-2 py-4 first:pt-0 last:pb-0">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h3 className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
              {p.name}
              <Badge tone={STATUS_TONE[p.status]}>{humanize(p.status)}</Badge>
              {p.highProfile && <Badge tone="warning">High profile</Badge>}
            </h3>
            <div className="flex items-center gap-2">
              <HistoryLink actor={actor} entityType="Project" entityId={p.id} label={`project ${p.name}`} />
              <ButtonLink href={`/accounts/${accountId}/delivery/${p.id}`} variant="secondary" size="sm" aria-label={`Edit ${p.name}`}>
                Edit
              </ButtonLink>
              <DeleteRecordDialog action={deleteAction} recordId={p.id} name={`project “${p.name}”`} consequence="It leaves the unit's delivery record and its diagnosis." />
            </div>
          </div>
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
            <Fact term={`Planned end ${formatDate(p.plannedEnd)}`}>{timeline(p)}</Fact>
            <Fact term="Cost against budget">{spend(p)}</Fact>
            <Fact term="Scope delivered">{scope(p)}</Fact>
          </dl>
          {p.description && <p className="text-sm text-slate-600">{p.description}</p>}
          <details className="text-sm">
            <summary className="cursor-pointer text-blue-800 underline">
              Status history ({p.statusChanges.length})<span className="sr-only"> of {p.name}</span>
            </summary>
            <div className="mt-2">
              <StatusHistory changes={p.statusChanges} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}
