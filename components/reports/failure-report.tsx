import { LocalTime } from "@/components/ui/local-time";
import { formatDate } from "@/lib/format";
import { EMPTY, FAILURE_INTRO, failureTitle, scopeLine, withUnit } from "@/lib/reports/format";
import type { FailureReport } from "@/lib/reports/shapes";
import { ReportItem, ReportSection } from "./report-section";

/** The failure report (article 003, "we publish a failure report"): the page; the PDF says the same. */
export function FailureReportView({ report }: { report: FailureReport }) {
  const { scope } = report;
  return (
    <article data-report className="space-y-4">
      <header>
        <h2 className="text-xl font-semibold">{failureTitle(report)}</h2>
        <p className="text-sm text-slate-600">{scopeLine(scope)}</p>
        <p className="mt-2 text-sm">{FAILURE_INTRO}</p>
      </header>

      <ReportSection id="missed-projects" title="Projects that missed" empty={EMPTY.missedProjects} count={report.missedProjects.length} omitted={report.omitted.missedProjects}>
        <ul>
          {report.missedProjects.map((p) => (
            <ReportItem key={p.id} title={withUnit(scope, p.accountName, p.name) + (p.highProfile ? " (high profile)" : "")}>
              {p.problems.join("; ")}. Planned end {formatDate(p.plannedEnd)}
              {p.actualEnd ? `, ended ${formatDate(p.actualEnd)}` : ""}.
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="major-incidents" title="Major incidents" empty={EMPTY.majorIncidents} count={report.majorIncidents.length} omitted={report.omitted.majorIncidents}>
        <ul>
          {report.majorIncidents.map((i) => (
            <ReportItem key={i.id} title={withUnit(scope, i.accountName, i.title) + (i.system ? ` (${i.system})` : "")}>
              <p>
                <LocalTime date={i.occurredAt} />; {i.hoursToResolve === null ? "not resolved yet" : `resolved in ${i.hoursToResolve} hours`}
              </p>
              {i.heardFromItFirst === false && <p>The business noticed it before IT told them.</p>}
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="late-bad-news" title="Bad news we told late" empty={EMPTY.lateBadNews} count={report.lateBadNews.length} omitted={report.omitted.lateBadNews}>
        <ul>
          {report.lateBadNews.map((n) => (
            <ReportItem key={n.id} title={withUnit(scope, n.accountName, n.what)}>
              <p>
                IT knew on {formatDate(n.knownAt)} and told the business on {formatDate(n.toldAt)}: {n.daysWaited} days later.
              </p>
              {n.project && <p>Project: {n.project}</p>}
            </ReportItem>
          ))}
        </ul>
      </ReportSection>

      <ReportSection id="lessons" title="What we learned and changed" empty={EMPTY.lessons} count={report.lessons.length} omitted={report.omitted.lessons}>
        <ul>
          {report.lessons.map((l, n) => (
            <ReportItem key={n} title={withUnit(scope, l.accountName, l.what)}>
              {l.detail && <p>What we did: {l.detail}</p>}
              <p>Closed {formatDate(l.on)}</p>
            </ReportItem>
          ))}
        </ul>
      </ReportSection>
    </article>
  );
}
