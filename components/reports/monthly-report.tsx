import { formatDate } from "@/lib/format";
import { commitmentLine, deliveryFacts, EMPTY, formatPercent, IMPROVEMENT_LABEL, improvementLine, MONTHLY_INTRO, reportTitle, scopeLine, withUnit } from "@/lib/reports/format";
import type { MonthlyReport } from "@/lib/reports/shapes";
import { RatingBars } from "./rating-bars";
import { ReportItem, ReportSection } from "./report-section";

/** The monthly value report (article 003, "toot your own horn"): the page; the PDF says the same. */
export function MonthlyReportView({ report }: { report: MonthlyReport }) {
  const { scope, month, serviceLevels } = report;
  const recorded = serviceLevels.met + serviceLevels.missed;
  return (
    <article data-report className="space-y-4">
      <header>
        <h2 className="text-xl font-semibold">{reportTitle(report)}</h2>
        <p className="text-sm text-slate-600">{scopeLine(scope)}</p>
        <p className="mt-2 text-sm">{MONTHLY_INTRO}</p>
      </header>

      <ReportSection id="delivered" title="Projects delivered" empty={EMPTY.delivered(month)} count={report.delivered.length} omitted={report.omitted.delivered}>
        <ul>
          {report.delivered.map((p) => (
            <ReportItem key={p.id} title={withUnit(scope, p.accountName, p.name) + (p.highProfile ? " (high profile)" : "")}>
              {p.benefit && <p>Benefit: {p.benefit}</p>}
              <p>{deliveryFacts(p)}</p>
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="service-levels" title="Service levels" empty={EMPTY.serviceLevels(month)} count={recorded} omitted={report.omitted.serviceLevels}>
        <p className="mb-2 text-sm">
          {serviceLevels.met} of {recorded} service levels met; {serviceLevels.incidents} incidents, {serviceLevels.majorIncidents} major.
        </p>
        <ul>
          {serviceLevels.lines.map((l, i) => (
            <ReportItem key={i} title={withUnit(scope, l.accountName, l.system ?? "The service as a whole")}>
              <p>
                <span className={l.met ? "font-medium text-green-800" : "font-medium text-red-800"}>{l.met ? "Met" : "Missed"}</span>: {formatPercent(l.attainedPercent)} against a target of{" "}
                {formatPercent(l.targetPercent)} ({formatDate(l.periodStart)} to {formatDate(l.periodEnd)})
              </p>
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="improvements" title="Improvements made" empty={EMPTY.improvements(month)} count={report.improvements.length} omitted={report.omitted.improvements}>
        <ul>
          {report.improvements.map((i, n) => (
            <ReportItem key={n} title={withUnit(scope, i.accountName, improvementLine(i))}>
              {IMPROVEMENT_LABEL[i.kind]}, {formatDate(i.on)}
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="ratings" title="Ratings trend" empty="" count={1}>
        <RatingBars months={report.ratings} />
      </ReportSection>

      <ReportSection id="you-said-we-did" title="You said, we did" empty={EMPTY.youSaidWeDid(month)} count={report.youSaidWeDid.length} omitted={report.omitted.youSaidWeDid}>
        <ul>
          {report.youSaidWeDid.map((i, n) => (
            <ReportItem key={n} title={withUnit(scope, i.accountName, i.what)}>
              {i.detail && <p>We did: {i.detail}</p>}
              <p>{formatDate(i.on)}</p>
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="commitments" title={`Commitments for ${report.nextMonth.month.label}`} empty={EMPTY.commitments(report.nextMonth.month)} count={report.nextMonth.commitments.length} omitted={report.omitted.commitments}>
        <ul>
          {report.nextMonth.commitments.map((c, n) => (
            <ReportItem key={n} title={withUnit(scope, c.accountName, commitmentLine(c))} />
          ))}
        </ul>
      </ReportSection>
    </article>
  );
}
