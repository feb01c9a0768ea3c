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

/** Text a cell shows only at phone width, where the card has no column headers to name it. */
const PhoneLabel = ({ children }: { children: string }) => <span className="cell-label">{children}</span>;

/**
 * One unit: a table row from the sm breakpoint up, a card at phone width (app/globals.css,
 * `.unit-table`). The roles are explicit because the card's CSS changes the elements' display,
 * which some browsers take as leaving the table's semantics. Another manager's unit has no
 * working facts; its card leaves those cells out.
 */
function UnitRow({ row }: { row: PortfolioRow }) {
  const summary = row.access === "summary";
  return (
    <tr role="row" className={[rowTint(row), summary && "summary"].filter(Boolean).join(" ") || undefined}>
      <th scope="row" role="rowheader" className="line font-medium">
        <UnitName row={row} />
      </th>
      <td role="cell" className="line max-w-xs">
        <StageWithOverride row={row} />
      </td>
      <td role="cell" className="num">
        <PhoneLabel>Score </PhoneLabel>
        {row.healthScore ?? "–"}
      </td>
      <td role="cell" className="text-slate-600">
        {row.healthSince ? (
          <>
            <PhoneLabel>since </PhoneLabel>
            {formatDate(row.healthSince)}
          </>
        ) : (
          "–"
        )}
      </td>
      <td role="cell" className="grow">
        <TrendIndicator trend={row.healthTrend} risk={row.healthRisk} />
      </td>
      <td role="cell">{row.relationshipManager?.name ?? <Unassigned />}</td>
      <td role="cell" className="grow text-slate-600">
        <PhoneLabel>· </PhoneLabel>
        <span className="capitalize">{row.criticality.toLowerCase()}</span>
        <PhoneLabel> criticality</PhoneLabel>
      </td>
      <td role="cell" className="fact">
        <PhoneLabel>Last met: </PhoneLabel>
        <LastMet row={row} />
      </td>
      <td role="cell" className="fact">
        <PhoneLabel>Last rating: </PhoneLabel>
        <LastRating row={row} />
      </td>
      <td role="cell" className="fact num">
        <PhoneLabel>IT overdue: </PhoneLabel>
        <ItOverdue row={row} />
      </td>
      <td role="cell" className="fact num">
        <PhoneLabel>Actions overdue: </PhoneLabel>
        <ActionsOverdue row={row} />
      </td>
      <td role="cell" className="fact num">
        <PhoneLabel>Response rate: </PhoneLabel>
        <ResponseRate row={row} />
      </td>
    </tr>
  );
}

/**
 * One page of the portfolio, each unit rendered once (decision 027): a table sortable by its
 * column headers from small screens up; at phone width the same rows stack as cards (so nothing
 * scrolls sideways) and the filters' Sort field sorts. The count and page links around it.
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
      <div className="mt-3 sm:overflow-x-auto">
        <table role="table" className="data-table unit-table">
          <caption className="sr-only">
            Every business unit with its relationship stage, score, owner, last meeting and rating, IT&apos;s overdue commitments and actions, and response rate, {SORT_LABELS[query.sort][query.dir]}; the column headers sort the table
          </caption>
          <thead role="rowgroup">
            <tr role="row">
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
              <th scope="col" role="columnheader" className="text-right uppercase">
                Actions overdue
              </th>
              {header("response", "Response rate", "text-right")}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row) => (
              <UnitRow key={row.id} row={row} />
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
