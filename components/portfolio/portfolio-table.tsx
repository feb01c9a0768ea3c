import Link from "next/link";
import { StageOverrideNote } from "@/components/accounts/stage-override-note";
import { StageBadge } from "@/components/health/stage-badge";
import { EmptyState } from "@/components/ui/card";
import type { PortfolioRow } from "@/lib/data/portfolio";
import { formatDate } from "@/lib/format";
import { TrendIndicator } from "./trend-indicator";

/** The unit's name, linked when the viewer may open it. */
function UnitName({ row }: { row: PortfolioRow }) {
  return (
    <>
      {row.canOpen ? (
        <Link href={`/accounts/${row.id}`} className="text-blue-800 hover:underline">
          {row.name}
        </Link>
      ) : (
        row.name
      )}
      {row.mine && <span className="ml-2 text-xs font-normal text-blue-700">yours</span>}
    </>
  );
}

/** The computed stage, and beside it (never instead) a human's override in force. */
function StageWithOverride({ row }: { row: PortfolioRow }) {
  return (
    <>
      <StageBadge stage={row.healthStage} />
      {row.override && <StageOverrideNote override={row.override} className="mt-1 block text-xs" />}
    </>
  );
}

const rowTint = (row: PortfolioRow) => (row.mine ? "bg-blue-50/50" : row.relationshipManager ? undefined : "bg-amber-50/60");
const Unassigned = () => <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-amber-900">Unassigned</span>;

/**
 * A table from small screens up, a card per unit at phone width (so nothing scrolls sideways).
 * `canCreate`: the viewer may add units (the empty state says how).
 */
export function PortfolioTable({ rows, canCreate }: { rows: PortfolioRow[]; canCreate: boolean }) {
  if (rows.length === 0) {
    return (
      <EmptyState title="No business units yet">
        {canCreate ? "Add the first with “New business unit” above." : "Ask the CIO or an administrator to add the business units IT serves."}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label="Business units, weakest first">
        {rows.map((row) => (
          <li key={row.id} className={`rounded-md border border-slate-200 p-3 text-sm ${rowTint(row) ?? ""}`}>
            <p className="font-medium">
              <UnitName row={row} />
            </p>
            <div className="mt-1">
              <StageWithOverride row={row} />
            </div>
            <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-slate-600">
              <span>Score {row.healthScore ?? "–"}</span>
              {row.healthSince && <span>since {formatDate(row.healthSince)}</span>}
              <TrendIndicator trend={row.healthTrend} risk={row.healthRisk} />
            </p>
            <p className="mt-1 text-slate-600">
              {row.relationshipManager?.name ?? <Unassigned />} · <span className="capitalize">{row.criticality.toLowerCase()}</span> criticality
            </p>
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every business unit with its relationship stage, score and owner, weakest first</caption>
          <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="py-2 pr-4">Business unit</th>
              <th scope="col" className="py-2 pr-4">Stage</th>
              <th scope="col" className="py-2 pr-4 text-right">Score</th>
              <th scope="col" className="py-2 pr-4">Since</th>
              <th scope="col" className="py-2 pr-4">Heading</th>
              <th scope="col" className="py-2 pr-4">Relationship manager</th>
              <th scope="col" className="py-2">Criticality</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <tr key={row.id} className={rowTint(row)}>
                <th scope="row" className="py-2 pr-4 font-medium">
                  <UnitName row={row} />
                </th>
                <td className="max-w-xs py-2 pr-4">
                  <StageWithOverride row={row} />
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{row.healthScore ?? "–"}</td>
                <td className="py-2 pr-4 text-slate-600">{row.healthSince ? formatDate(row.healthSince) : "–"}</td>
                <td className="py-2 pr-4">
                  <TrendIndicator trend={row.healthTrend} risk={row.healthRisk} />
                </td>
                <td className="py-2 pr-4">{row.relationshipManager?.name ?? <Unassigned />}</td>
                <td className="py-2 capitalize text-slate-600">{row.criticality.toLowerCase()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
