import { type Actor } from "@/lib/data/permissions";
import { getPortfolioFailureReport, getPortfolioMonthlyReport, getUnitFailureReport, getUnitMonthlyReport } from "@/lib/data/reports";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { reportLinks } from "@/lib/reports/links";
import { lastFullMonth, monthOf } from "@/lib/reports/month";
import { parseReportQuery } from "@/lib/reports/query";
import { FailureReportView } from "./failure-report";
import { MonthlyReportView } from "./monthly-report";
import { ReportPrintStyles } from "./print-styles";
import { ReportQueryError } from "./report-query-error";
import { ReportToolbar } from "./report-toolbar";

type SearchParams = Record<string, string | string[] | undefined>;

// The four report pages (a unit's or the portfolio's, monthly or failures) are one page each way:
// the period from the URL, the report from the data layer (which checks the reader), the toolbar.

export async function MonthlyReportPage({ actor, accountId, searchParams }: { actor: Actor; accountId: string | null; searchParams: SearchParams }) {
  const now = new Date();
  const links = reportLinks(accountId);
  const parsed = parseReportQuery(searchParams, now);
  const query = parsed.ok ? parsed.query : { month: lastFullMonth(now), months: 3 };
  const report = await notFoundOnMissing(accountId ? getUnitMonthlyReport(actor, accountId, query.month, now) : getPortfolioMonthlyReport(actor, query.month, now));
  return (
    <div className="space-y-4">
      <ReportPrintStyles />
      <ReportToolbar month={query.month.key} latestMonth={monthOf(now).key} pdfHref={parsed.ok ? links.monthlyPdf(query) : null} other={{ href: links.failuresOf(query), label: "Failure report" }} />
      {parsed.ok ? <MonthlyReportView report={report} /> : <ReportQueryError message={parsed.message} href={links.monthly} />}
    </div>
  );
}

export async function FailureReportPage({ actor, accountId, searchParams }: { actor: Actor; accountId: string | null; searchParams: SearchParams }) {
  const now = new Date();
  const links = reportLinks(accountId);
  const parsed = parseReportQuery(searchParams, now);
  const query = parsed.ok ? parsed.query : { month: lastFullMonth(now), months: 3 };
  const report = await notFoundOnMissing(
    accountId ? getUnitFailureReport(actor, accountId, query.month, query.months, now) : getPortfolioFailureReport(actor, query.month, query.months, now),
  );
  return (
    <div className="space-y-4">
      <ReportPrintStyles />
      <ReportToolbar month={query.month.key} months={query.months} latestMonth={monthOf(now).key} pdfHref={parsed.ok ? links.failuresPdf(query) : null} other={{ href: links.monthlyOf(query), label: "Monthly value report" }} />
      {parsed.ok ? <FailureReportView report={report} /> : <ReportQueryError message={parsed.message} href={links.failures} />}
    </div>
  );
}
