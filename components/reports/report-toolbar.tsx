import { ButtonLink } from "@/components/ui/button";
import { FAILURE_SPANS } from "@/lib/reports/month";
import { PrintButton } from "./print-button";

/**
 * The period (kept in the URL: a plain GET form, so it works without JavaScript), the PDF made on
 * the server, printing, and a link to the other report of the same scope. Not printed. Without a
 * report to show (`pdfHref` null: the period in the URL was refused) there is nothing to print.
 */
export function ReportToolbar({ month, months, latestMonth, pdfHref, other }: { month: string; months?: number; latestMonth: string; pdfHref: string | null; other: { href: string; label: string } }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 print:hidden">
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="report-month" className="text-sm font-medium text-slate-700">
            {months ? "Up to the month" : "Month"}
          </label>
          <input id="report-month" name="month" type="month" defaultValue={month} max={latestMonth} min="2000-01" required className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm" />
        </div>
        {months !== undefined && (
          <div className="flex flex-col gap-1">
            <label htmlFor="report-months" className="text-sm font-medium text-slate-700">
              Span
            </label>
            <select id="report-months" name="months" defaultValue={String(months)} className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm">
              {FAILURE_SPANS.map((n) => (
                <option key={n} value={n}>
                  {n === 1 ? "1 month" : `${n} months`}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="h-9 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50">
          Show
        </button>
      </form>
      <div className="flex flex-wrap items-center gap-2">
        <ButtonLink href={other.href} variant="ghost" size="sm">
          {other.label}
        </ButtonLink>
        {pdfHref && (
          <>
            <PrintButton />
            {/* A route handler's file, not a page: a plain link (no client-side navigation) downloads it. */}
            <a href={pdfHref} download className="inline-flex h-8 items-center rounded-md bg-blue-700 px-3 text-sm font-medium text-white hover:bg-blue-800">
              Download PDF
            </a>
          </>
        )}
      </div>
    </div>
  );
}
