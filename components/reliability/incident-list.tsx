import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { IncidentView } from "@/lib/data/reliability";


const heard = (value: boolean | null) => (value === null ? "Not known" : value ? "Yes" : "No: found out themselves");

/** The unit's incidents, latest first: major ones, and whether the client heard it from IT first (002). */
export function IncidentList({ actor, accountId, incidents, deleteAction }: { actor: Actor; accountId: string; incidents: IncidentView[]; deleteAction: FormActionFn }) {
  if (incidents.length === 0) {
    return <EmptyState title="No incidents recorded">Record incidents below or import a month of them from your ITSM tool&apos;s CSV export.</EmptyState>;
  }
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Incidents, latest first</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-4 font-medium">Started</th>
            <th scope="col" className="py-1 pr-4 font-medium">Incident</th>
            <th scope="col" className="py-1 pr-4 font-medium">System</th>
            <th scope="col" className="py-1 pr-4 font-medium">Heard from IT first</th>
            <th scope="col" className="py-1 pr-4 font-medium">Resolved</th>
            <th scope="col" className="py-1 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {incidents.map((incident) => (
            <tr key={incident.id} id={`record-${incident.id}`} className="align-top">
              <td className="py-2 pr-4 whitespace-nowrap"><LocalTime date={incident.occurredAt} /></td>
              <td className="py-2 pr-4">
                <span className="flex flex-wrap items-center gap-2">
                  {incident.title}
                  {incident.major && <Badge tone="danger">Major</Badge>}
                </span>
                {incident.externalRef && <span className="text-xs text-slate-500">{incident.externalRef}</span>}
              </td>
              <td className="py-2 pr-4">{incident.coreSystem?.name ?? "—"}</td>
              <td className="py-2 pr-4">{heard(incident.heardFromItFirst)}</td>
              <td className="py-2 pr-4 whitespace-nowrap">{incident.resolvedAt ? <LocalTime date={incident.resolvedAt} /> : "Open"}</td>
              <td className="py-2">
                <div className="flex items-center justify-end gap-2">
                  <HistoryLink actor={actor} entityType="Incident" entityId={incident.id} label={`incident ${incident.title}`} />
                  <ButtonLink href={`/accounts/${accountId}/reliability/incidents/${incident.id}`} variant="secondary" size="sm" aria-label={`Edit ${incident.title}`}>
                    Edit
                  </ButtonLink>
                  <DeleteRecordDialog action={deleteAction} recordId={incident.id} name={`incident “${incident.title}”`} consequence="It leaves the unit's service record and its diagnosis." />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
