import { STAGE_COLORS, STAGE_ORDER } from "@/components/health/stage-style";
import { EmptyState } from "@/components/ui/card";
import type { StageMonth } from "@/lib/data/portfolio-trends";
import { formatMonth } from "@/lib/format";
import { STAGE_LABELS } from "@/lib/scoring";

/**
 * Units per stage and month as a table whose cells are shaded by their count in the stage's
 * colour: a heatmap that a screen reader reads as the table it is (each cell names its count).
 */
export function StageHeatmap({ months }: { months: StageMonth[] }) {
  if (months.length === 0) return <EmptyState title="No history yet">The heatmap fills in as units are diagnosed, month by month.</EmptyState>;
  const max = Math.max(1, ...months.flatMap((m) => Object.values(m.byStage)));
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-separate border-spacing-1 text-center text-xs">
        <caption className="sr-only">Business units in each stage, month by month over the last {months.length} months (each unit counted in its latest stage that month)</caption>
        <thead>
          <tr>
            <th scope="col" className="text-left font-medium text-slate-500">
              Stage
            </th>
            {months.map((m) => (
              <th key={m.month.toISOString()} scope="col" className="font-medium whitespace-nowrap text-slate-500">
                <abbr title={formatMonth(m.month, "long")} className="no-underline">
                  {formatMonth(m.month, "short")}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {STAGE_ORDER.map((stage) => (
            <tr key={stage}>
              <th scope="row" className="pr-2 text-left font-medium whitespace-nowrap">
                {STAGE_LABELS[stage]}
              </th>
              {months.map((m) => {
                const count = m.byStage[stage];
                const share = count / max;
                return (
                  <td
                    key={m.month.toISOString()}
                    className={`h-8 min-w-9 rounded tabular-nums ${share > 0.55 ? "text-white" : "text-slate-800"}`}
                    style={{ backgroundColor: count === 0 ? "#f8fafc" : `color-mix(in srgb, ${STAGE_COLORS[stage]} ${Math.round(15 + share * 85)}%, white)` }}
                  >
                    {count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
