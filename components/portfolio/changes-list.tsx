import { LocalTime } from "@/components/ui/local-time";
import Link from "next/link";
import { describePointChange } from "@/components/health/point-change";
import { StageBadge } from "@/components/health/stage-badge";
import { EmptyState } from "@/components/ui/card";
import type { ChangedUnit, ChangesPage } from "@/lib/data/portfolio-changes";
import { CHANGES_PAGE_SIZE, changesHref } from "@/lib/data/portfolio-changes-query";
import { formatDate } from "@/lib/format";
import { PageSummary, Pagination } from "./pagination";

function ScoreMove({ unit }: { unit: ChangedUnit }) {
  const from = unit.before?.score ?? null;
  const to = unit.after.score;
  const delta = from !== null && to !== null ? to - from : null;
  return (
    <span className="whitespace-nowrap">
      Score {from ?? "–"} → {to ?? "–"}
      {delta !== null && delta !== 0 && <span className={delta > 0 ? "text-green-800" : "text-red-800"}> ({delta > 0 ? `+${delta}` : `−${-delta}`})</span>}
    </span>
  );
}

/** What moved the unit: each stored move in the window, newest first, in the score chart's words. */
function Evidence({ unit }: { unit: ChangedUnit }) {
  if (unit.moves === null) return <p className="text-xs text-slate-500">Another manager&apos;s unit: what moved it is theirs to see.</p>;
  if (unit.moves.length === 0) return <p className="text-xs text-slate-500">The records counted changed, not the evidence itself.</p>;
  return (
    <ol className="space-y-2">
      {unit.moves.map((move) => (
        <li key={move.at.toISOString()} className="text-sm">
          <p className="text-xs text-slate-500">
            <LocalTime date={move.at} /> · score {move.score ?? "–"}
          </p>
          <ul className="list-disc pl-5">
            {/* Keyed by position: the lines are fixed for this render, and a key of the line's text would carry every line twice in the page's payload. */}
            {describePointChange(move.change).map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

/** The units that moved, a card each (reads the same at phone width), worst moves first. */
export function ChangesList({ page, basePath }: { page: ChangesPage; basePath: string }) {
  const { units, total, query } = page;
  if (units.length === 0) {
    return (
      <EmptyState title={total > 0 ? "This page is past the end" : `No unit's stage or score moved since ${formatDate(new Date(`${query.since}T00:00:00Z`))}`}>
        {total > 0 ? (
          <Link href={changesHref(basePath, query, { page: 1 })} prefetch={false} className="text-blue-800 underline">
            Go to the first page
          </Link>
        ) : (
          "Choose an earlier day, or another manager, to look further back."
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <PageSummary total={total} query={{ page: query.page, size: CHANGES_PAGE_SIZE }} shown={units.length} noun={["unit that moved", "units that moved"]} />
      <ul className="mt-3 space-y-3" aria-label="Units that moved, worst first">
        {units.map((unit) => (
          <li key={unit.id} className="rounded-md border border-slate-200 p-3">
            <article aria-labelledby={`moved-${unit.id}`}>
              <h3 id={`moved-${unit.id}`} className="font-medium">
                {unit.canOpen ? (
                  <Link href={`/accounts/${unit.id}`} prefetch={false} className="text-blue-800 hover:underline">
                    {unit.name}
                  </Link>
                ) : (
                  unit.name
                )}
              </h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                {unit.before ? (
                  <>
                    <StageBadge stage={unit.before.stage} /> <span aria-label="to">→</span>
                  </>
                ) : (
                  <span className="text-slate-500">First diagnosed:</span>
                )}
                <StageBadge stage={unit.after.stage} />
                <ScoreMove unit={unit} />
                <span className="text-slate-500">
                  {unit.relationshipManager?.name ?? "Unassigned"} · <span className="capitalize">{unit.criticality.toLowerCase()}</span> criticality
                </span>
              </p>
              <div className="mt-2">
                <Evidence unit={unit} />
              </div>
            </article>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <Pagination total={total} page={query.page} size={CHANGES_PAGE_SIZE} href={(n) => changesHref(basePath, query, { page: n })} label="Pages of units that moved" />
      </div>
    </>
  );
}
