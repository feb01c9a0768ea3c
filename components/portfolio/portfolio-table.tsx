import Link from "next/link";
import { StageOverrideNote } from "@/components/accounts/stage-override-note";
import { StageBadge } from "@/components/health/stage-badge";
import { EmptyState } from "@/components/ui/card";
import type { PortfolioPage, PortfolioRow } from "@/lib/data/portfolio";
import { isFiltered, portfolioHref, SORT_LABELS } from "@/lib/data/portfolio-query";
import { formatDate } from "@/lib/format";
import { PageSummary, Pagination } from "./pagination";
import { ActionsOverdue, ItOverdue, LastMet, LastRating, ResponseRate } from "./unit-facts";
import { SortHeader } from "./sort-header";
import { TrendIndicator } from "./trend-indicator";

/**
 * The unit's name, linked when the viewer may open it. Not prefetched: a page holds up to 100 of
 * these, and prefetching each account page in view is what made the old dashboard cost 18
 * background renders per visit.
 */
function UnitName({ row }: { row: PortfolioRow }) {
  return (
    <>
      {row.canOpen ? (
        <Link href={`/accounts/${row.id}`} prefetch={false} className="text-blue-800 hover:underline">
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

function NothingToShow({ page, basePath, canCreate }: { page: PortfolioPage; basePath: string; canCreate: boolean }) {
  if (page.total > 0) {
    return (
      <EmptyState title="This page is past the end">
        <Link href={basePath} prefetch={false} className="text-blue-800 underline">
          Go to the first page
        </Link>
      </EmptyState>
    );
  }
  if (isFiltered(page.query)) {
    return (
      <EmptyState title="No business unit matches these filters">
        Try a shorter name or fewer filters, or{" "}
        <Link href={basePath} prefetch={false} className="text-blue-800 underline">
          clear the filters
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <EmptyState title="No business units yet">
      {canCreate ? "Add the first with “New business unit” above." : "Ask the CIO or an administrator to add the business units IT serves."}
    </EmptyState>
  );
}

/**
 * One page of the portfolio: a table from small screens up (sortable by its column headers), a
 * card per unit at phone width (so nothing scrolls sideways), the count and page links around it.
 * `canCreate`: the viewer may add units (the empty state says how).
 */
export function PortfolioTable({ page, basePath, canCreate }: { page: PortfolioPage; basePath: string; canCreate: boolean }) {
  const { rows, query } = page;
  if (rows.length === 0) return <NothingToShow page={page} basePath={basePath} canCreate={canCreate} />;
  const header = (sort: Parameters<typeof SortHeader>[0]["sort"], label: string, className?: string) => (
    <SortHeader sort={sort} query={query} basePath={basePath} className={className}>
      {label}
    </SortHeader>
  );
  return (
    <>
      <PageSummary total={page.total} query={query} shown={rows.length} />
      <ul className="mt-3 space-y-3 sm:hidden" aria-label={`Business units, ${SORT_LABELS[query.sort][query.dir]}`}>
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
            {row.access === "full" && (
              <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-slate-600">
                <div>
                  <dt className="inline">Last met: </dt>
                  <dd className="inline">
                    <LastMet row={row} />
                  </dd>
                </div>
                <div>
                  <dt className="inline">Last rating: </dt>
                  <dd className="inline">
                    <LastRating row={row} />
                  </dd>
                </div>
                <div>
                  <dt className="inline">IT overdue: </dt>
                  <dd className="inline">
                    <ItOverdue row={row} />
                  </dd>
                </div>
                <div>
                  <dt className="inline">Actions overdue: </dt>
                  <dd className="inline">
                    <ActionsOverdue row={row} />
                  </dd>
                </div>
                <div>
                  <dt className="inline">Response rate: </dt>
                  <dd className="inline">
                    <ResponseRate row={row} />
                  </dd>
                </div>
              </dl>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-3 hidden overflow-x-auto sm:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Every business unit with its relationship stage, score, owner, last meeting and rating, IT&apos;s overdue commitments and actions, and response rate; the column headers sort the table</caption>
          <thead className="border-b border-slate-200 text-xs tracking-wide text-slate-500">
            <tr>
              {header("name", "Business unit")}
              {header("stage", "Stage")}
              {header("score", "Score", "text-right")}
              {header("since", "Since")}
              {header("trend", "Heading")}
              {header("manager", "Relationship manager")}
              {header("criticality", "Criticality")}
              {header("met", "Last met")}
              {header("rated", "Last rating")}
              {header("overdue", "IT overdue", "text-right")}
              <th scope="col" className="py-2 pr-4 text-right uppercase">
                Actions overdue
              </th>
              {header("response", "Response rate", "text-right")}
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
                <td className="py-2 pr-4 capitalize text-slate-600">{row.criticality.toLowerCase()}</td>
                <td className="py-2 pr-4 whitespace-nowrap text-slate-600">
                  <LastMet row={row} />
                </td>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <LastRating row={row} />
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  <ItOverdue row={row} />
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  <ActionsOverdue row={row} />
                </td>
                <td className="py-2 text-right tabular-nums">
                  <ResponseRate row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-4">
        <Pagination total={page.total} page={query.page} size={query.size} href={(n) => portfolioHref(basePath, query, { page: n })} />
      </div>
    </>
  );
}
