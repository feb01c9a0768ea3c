import { StepLineChart } from "@/components/charts/step-line-chart";
import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { LayerCountView } from "@/lib/data/structure";
import { formatDate } from "@/lib/format";
import { LayerCountForm } from "./layer-count-form";

const layers = (n: number) => (n === 1 ? "1 layer" : `${n} layers`);

/** The layer counts over time, as a step chart and as a list (latest first) to correct them. */
export function LayerCountList({ actor, counts, today, actions }: { actor: Actor; counts: LayerCountView[]; today: string; actions: { update: FormActionFn; remove: FormActionFn } }) {
  const first = counts[0];
  const last = counts.at(-1);
  return (
    <div className="space-y-4">
      {counts.length > 1 && first && last && (
        <StepLineChart
          name="Layers"
          data={counts.map((c) => ({ at: c.countedAt.getTime(), value: c.count }))}
          until={Date.parse(today)}
          description={`Analyst layers from ${layers(first.count)} on ${formatDate(first.countedAt)} to ${layers(last.count)} on ${formatDate(last.countedAt)}, over ${counts.length} counts.`}
        />
      )}
      <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
        {[...counts].reverse().map((count) => {
          const name = `layer count of ${formatDate(count.countedAt)}`;
          return (
            <li key={count.id} id={`record-${count.id}`} className="scroll-mt-4 space-y-2 p-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <p>
                  <span className="font-medium">{layers(count.count)}</span> <span className="text-sm text-slate-600">on {formatDate(count.countedAt)}</span>
                  {count.note && <span className="block text-sm text-slate-700">{count.note}</span>}
                </p>
                <span className="flex items-center gap-3">
                <HistoryLink actor={actor} entityType="AnalystLayerCount" entityId={count.id} label={name} />
                <DeleteRecordDialog action={actions.remove} recordId={count.id} name={name} consequence="It leaves the chart and the diagnosis." />
              </span>
              </div>
              <Disclosure summary="Edit" label={name}>
                <LayerCountForm count={count} today={today} action={actions.update} />
              </Disclosure>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
