import { SlaChart } from "@/components/charts/sla-chart";
import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { SlaGroup, SlaPeriodView } from "@/lib/data/reliability";
import { formatDate } from "@/lib/format";

const pct = (n: number) => `${n}%`;
const period = (p: SlaPeriodView) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`;
const missed = (p: SlaPeriodView) => p.attainedPercent < p.targetPercent;
/** Points below target, to a thousandth (the precision of the figures). */
const shortfall = (p: SlaPeriodView) => Math.round((p.targetPercent - p.attainedPercent) * 1000) / 1000;

function summary(name: string, periods: SlaPeriodView[]): string {
  const last = periods.at(-1)!;
  const below = periods.filter(missed).length;
  return `${name}: ${pct(last.attainedPercent)} attained against a ${pct(last.targetPercent)} target in the latest period (${period(last)}); ${below} of ${periods.length} periods below target.`;
}

/** Each core system's service level against its target (article 001's trains and buses). */
export function SlaBySystem({ actor, accountId, groups, deleteAction }: { actor: Actor; accountId: string; groups: SlaGroup[]; deleteAction: FormActionFn }) {
  if (groups.length === 0) {
    return (
      <EmptyState title="No core systems or service levels yet">
        The CIO or an admin adds the unit&apos;s core systems in Unit settings; then record each system&apos;s SLA below, one period at a time or a month from your ITSM tool&apos;s CSV export.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      {groups.map(({ system, removed, periods }) => {
        const name = system ? system.name : "The unit's service as a whole";
        return (
          <section key={system?.id ?? "whole"} aria-label={name} className="space-y-3">
            <h3 className="flex items-center gap-2 font-medium text-slate-900">
              {name}
              {removed && <Badge>System deleted</Badge>}
            </h3>
            {periods.length === 0 ? (
              <p className="text-sm text-slate-500">No service levels recorded for {name} yet.</p>
            ) : (
              <>
                {periods.length > 1 && (
                  <SlaChart system={name} data={periods.map((p) => ({ at: p.periodEnd.toISOString(), target: p.targetPercent, attained: p.attainedPercent }))} description={summary(name, periods)} />
                )}
                <div className="relative overflow-x-auto">
                  <table className="w-full text-left text-sm">
                    <caption className="sr-only">Service levels of {name}, oldest first</caption>
                    <thead className="text-slate-500">
                      <tr>
                        <th scope="col" className="py-1 pr-4 font-medium">Period</th>
                        <th scope="col" className="py-1 pr-4 font-medium">Target</th>
                        <th scope="col" className="py-1 pr-4 font-medium">Attained</th>
                        <th scope="col" className="py-1 pr-4 font-medium"><span className="sr-only">Actions</span></th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {periods.map((p) => (
                        <tr key={p.id} id={`record-${p.id}`}>
                          <td className="py-2 pr-4 whitespace-nowrap">{period(p)}</td>
                          <td className="py-2 pr-4">{pct(p.targetPercent)}</td>
                          <td className="py-2 pr-4 whitespace-nowrap">
                            {pct(p.attainedPercent)} {missed(p) && <Badge tone="danger">{shortfall(p)} points below</Badge>}
                          </td>
                          <td className="py-2">
                            <div className="flex items-center justify-end gap-2">
                              <HistoryLink actor={actor} entityType="SlaPeriod" entityId={p.id} label={`${name}, ${period(p)}`} />
                              <ButtonLink href={`/accounts/${accountId}/reliability/sla/${p.id}`} variant="secondary" size="sm" aria-label={`Edit ${name}, ${period(p)}`}>
                                Edit
                              </ButtonLink>
                              <DeleteRecordDialog action={deleteAction} recordId={p.id} name={`the SLA period ${period(p)} of ${name}`} consequence="It leaves the unit's service record and its diagnosis." />
                            </div>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
