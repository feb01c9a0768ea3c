import Link from "next/link";
import { STAGE_COLORS, STAGE_ORDER } from "@/components/health/stage-style";
import { EmptyState } from "@/components/ui/card";
import type { ManagerWorkload } from "@/lib/data/portfolio-workload";
import { STAGE_LABELS, type Stage } from "@/lib/scoring";
import { OverdueCount } from "./unit-facts";

/** The bar's segments as one gradient: one element per row rather than one per stage (decision 027). */
function mixGradient(row: ManagerWorkload, parts: readonly Stage[]): string {
  let at = 0;
  const stops = parts.map((stage) => {
    const from = at;
    at += (row.byStage[stage] / row.units) * 100;
    return `${STAGE_COLORS[stage]} ${from.toFixed(1)}% ${at.toFixed(1)}%`;
  });
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

/** The stage mix as a bar (decoration) and in words (what it says). */
function StageMix({ row }: { row: ManagerWorkload }) {
  const parts = STAGE_ORDER.filter((stage) => row.byStage[stage] > 0);
  if (parts.length === 0) return <span className="text-slate-500">No units</span>;
  return (
    <div className="min-w-40">
      <div aria-hidden="true" className="h-2.5 rounded-full" style={{ backgroundImage: mixGradient(row, parts) }} />
      <p className="mt-1 text-xs text-slate-600">{parts.map((stage) => `${row.byStage[stage]} ${STAGE_LABELS[stage].toLowerCase()}`).join(", ")}</p>
    </div>
  );
}

/** A count of overdue items, or a dash where the records are another manager's. */
function Count({ count }: { count: number | null }) {
  if (count !== null) return <OverdueCount count={count} />;
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">–</span>
      <span className="sr-only">not shown: another manager&apos;s records</span>
    </span>
  );
}

/** Each manager's load: their units (linked to the portfolio filtered to them), IT's overdue commitments, the stage mix. */
export function WorkloadTable({ rows }: { rows: ManagerWorkload[] }) {
  if (rows.length === 0) return <EmptyState title="No relationship managers yet">An administrator adds them under Users; the CIO assigns each unit one in its settings.</EmptyState>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">Relationship managers&apos; workload: units managed, follow-ups IT owes past due, overdue actions they own, and their units&apos; stages</caption>
        <thead className="uppercase">
          <tr>
            <th scope="col">Relationship manager</th>
            <th scope="col" className="text-right">
              Units
            </th>
            <th scope="col" className="text-right">
              IT overdue
            </th>
            <th scope="col" className="text-right">
              Actions overdue
            </th>
            <th scope="col">Stage mix</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.manager?.id ?? "unassigned"} className={row.manager ? (row.mine ? "bg-blue-50/50" : undefined) : "bg-amber-50/60"}>
              <th scope="row" className="font-medium">
                {row.units > 0 ? (
                  <Link href={`/dashboard?owner=${row.manager?.id ?? "none"}`} prefetch={false} className="text-blue-800 hover:underline">
                    {row.manager?.name ?? "Unassigned"}
                  </Link>
                ) : (
                  row.manager?.name
                )}
                {row.mine && <span className="ml-2 text-xs font-normal text-blue-700">you</span>}
              </th>
              <td className="num">{row.units}</td>
              <td className="num">
                <Count count={row.itOverdue} />
              </td>
              <td className="num">
                {row.manager ? <Count count={row.actionsOverdue} /> : <span className="text-slate-400">–</span>}
              </td>
              <td>
                <StageMix row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
