import { ComparisonBarChart } from "@/components/charts/comparison-bar-chart";
import { EmptyState } from "@/components/ui/card";
import { COMPARISON_DAYS, GAP_THRESHOLDS, type ItAssessmentPage } from "@/lib/data/it-assessments";
import { formatDate } from "@/lib/format";
import { ASPECT_LABELS } from "./aspects";

const one = (value: number | null) => (value === null ? "—" : value.toFixed(1));
const signed = (gap: number) => `${gap > 0 ? "+" : gap < 0 ? "−" : "±"}${Math.abs(gap).toFixed(1)}`;

/**
 * IT's latest view beside the clients' average over the window the diagnosis compares (article
 * 004: superb technically, yet "perceived as incompetent"). Gaps the diagnosis counts as a
 * symptom are highlighted.
 */
export function PerceptionGap({ page }: { page: Pick<ItAssessmentPage, "latest" | "comparison" | "latestOutsideWindow"> }) {
  const { latest, comparison, latestOutsideWindow } = page;
  if (!latest) return <EmptyState title="Nothing to compare yet">Rate the relationship yourself below; it is then set beside the clients&apos; ratings.</EmptyState>;
  const clientCount = comparison.find((row) => row.aspect === "overall")?.clientRatings ?? 0;
  const described = comparison.filter((row) => row.it !== null || row.clients !== null);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        IT&apos;s assessment of {formatDate(latest.assessedAt)} beside the clients&apos; {clientCount === 1 ? "rating" : `${clientCount} ratings`} of the last {COMPARISON_DAYS} days.
        {latestOutsideWindow && <span className="ml-1 text-amber-800">The assessment is older than that window, so the diagnosis no longer uses it: assess again.</span>}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">IT&apos;s view and the clients&apos; view, aspect by aspect</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500">
              <th scope="col" className="py-2 pr-3 font-medium">Aspect</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">IT</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Clients</th>
              <th scope="col" className="py-2 pl-3 text-right font-medium">Gap</th>
            </tr>
          </thead>
          <tbody>
            {comparison.map((row) => (
              <tr key={row.aspect} className={`border-b border-slate-100 ${row.highlighted ? "bg-red-50" : ""}`}>
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  {ASPECT_LABELS[row.aspect]}
                </th>
                <td className="px-3 py-2 text-right">{one(row.it)}</td>
                <td className="px-3 py-2 text-right">
                  {one(row.clients)}
                  {row.clientRatings > 0 && <span className="ml-1 text-xs text-slate-500">({row.clientRatings})</span>}
                </td>
                <td className={`py-2 pl-3 text-right ${row.highlighted ? "font-semibold text-red-800" : ""}`}>
                  {row.gap === null ? "—" : signed(row.gap)}
                  {row.highlighted && <span className="sr-only"> (the two sides see this differently)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-slate-500">
        Highlighted: IT rates itself at least {GAP_THRESHOLDS.overall} point{GAP_THRESHOLDS.overall === 1 ? "" : "s"} higher overall, or {GAP_THRESHOLDS.dimension} on a
        dimension, than its clients do: the diagnosis counts that as a symptom.
      </p>
      {clientCount > 0 && (
        <ComparisonBarChart
          names={["IT", "Clients"]}
          data={described.map((row) => ({ label: ASPECT_LABELS[row.aspect], first: row.it, second: row.clients }))}
          description={described.map((row) => `${ASPECT_LABELS[row.aspect]}: IT ${one(row.it)}, clients ${one(row.clients)}`).join("; ")}
        />
      )}
    </div>
  );
}
