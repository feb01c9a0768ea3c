import type { PortfolioRow } from "@/lib/data/portfolio";
import { formatDate } from "@/lib/format";

// The portfolio's working facts per unit (issue 10), in words. Another manager's unit has none
// (decision 002: a portfolio row only): a dash, and a reader is told why.

type FullRow = Extract<PortfolioRow, { access: "full" }>;

const DAY = 86_400_000;
const daysSince = (date: Date) => Math.max(0, Math.floor((Date.now() - date.getTime()) / DAY));
const ago = (days: number) => (days === 0 ? "today" : days === 1 ? "yesterday" : `${days} days ago`);

function NotShown() {
  return (
    <span className="text-slate-400">
      <span aria-hidden="true">–</span>
      <span className="sr-only">not shown: another manager&apos;s unit</span>
    </span>
  );
}

function whenFull(row: PortfolioRow, render: (row: FullRow) => React.ReactNode) {
  return row.access === "full" ? render(row) : <NotShown />;
}

/** When IT last held a conversation with the unit; amber past the agreed cadence, or never. */
export function LastMet({ row }: { row: PortfolioRow }) {
  return whenFull(row, ({ lastMetAt, meetingCadenceDays }) => {
    if (!lastMetAt) return <span className="text-amber-800">Never</span>;
    const days = daysSince(lastMetAt);
    const late = meetingCadenceDays !== null && days > meetingCadenceDays;
    return (
      <time dateTime={lastMetAt.toISOString()} title={formatDate(lastMetAt)} className={late ? "text-amber-800" : undefined}>
        {ago(days)}
        {late && <span className="sr-only">, past the agreed {meetingCadenceDays}-day cadence</span>}
      </time>
    );
  });
}

/** The unit's latest standing rating on the 1–5 scale, red at 2 or below. */
export function LastRating({ row }: { row: PortfolioRow }) {
  return whenFull(row, ({ lastRating }) =>
    lastRating ? (
      <span className={lastRating.overall <= 2 ? "font-medium text-red-800" : undefined}>
        {lastRating.overall}/5 <span className="text-xs text-slate-500">({formatDate(lastRating.at)})</span>
      </span>
    ) : (
      <span className="text-slate-500">None yet</span>
    ),
  );
}

/** A count that should be zero, red when it is not. */
export function OverdueCount({ count }: { count: number }) {
  return <span className={count > 0 ? "font-medium text-red-800" : "text-slate-500"}>{count}</span>;
}

/** Follow-ups IT owes the unit, past due. */
export function ItOverdue({ row }: { row: PortfolioRow }) {
  return whenFull(row, ({ itOverdue }) => <OverdueCount count={itOverdue} />);
}

/** Open actions of the unit's action plan, past due. */
export function ActionsOverdue({ row }: { row: PortfolioRow }) {
  return whenFull(row, ({ actionsOverdue }) => <OverdueCount count={actionsOverdue} />);
}

/** Answered of emailed over every rating round that asked the unit. */
export function ResponseRate({ row }: { row: PortfolioRow }) {
  return whenFull(row, ({ responseRate }) =>
    responseRate ? (
      <span title={`${responseRate.answered} of ${responseRate.invited} answered`}>
        {Math.round((responseRate.answered / responseRate.invited) * 100)}%<span className="sr-only"> ({responseRate.answered} of {responseRate.invited} answered)</span>
      </span>
    ) : (
      <span className="text-slate-500">Not asked</span>
    ),
  );
}
