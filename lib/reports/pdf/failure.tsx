import { Text } from "@react-pdf/renderer";
import { formatDate, formatDateTime } from "../../format";
import { EMPTY, FAILURE_INTRO, failureTitle, scopeLine, withUnit } from "../format";
import type { FailureReport } from "../shapes";
import { Item, ReportDocument, Section, styles } from "./parts";

/** The failure report as a PDF: the same sections, words and order as its page. */
export function FailureReportPdf({ report }: { report: FailureReport }) {
  const { scope } = report;
  return (
    <ReportDocument title={failureTitle(report)} subtitle={scopeLine(scope)} generatedAt={report.generatedAt}>
      <Text style={styles.intro}>{FAILURE_INTRO}</Text>

      <Section title="Projects that missed" empty={EMPTY.missedProjects} omitted={report.omitted.missedProjects}>
        {report.missedProjects.map((p) => (
          <Item
            key={p.id}
            title={withUnit(scope, p.accountName, p.name) + (p.highProfile ? " (high profile)" : "")}
            lines={[`${p.problems.join("; ")}. Planned end ${formatDate(p.plannedEnd)}${p.actualEnd ? `, ended ${formatDate(p.actualEnd)}` : ""}.`]}
          />
        ))}
      </Section>

      <Section title="Major incidents" empty={EMPTY.majorIncidents} omitted={report.omitted.majorIncidents}>
        {report.majorIncidents.map((i) => (
          <Item
            key={i.id}
            title={withUnit(scope, i.accountName, i.title) + (i.system ? ` (${i.system})` : "")}
            lines={[
              `${formatDateTime(i.occurredAt)}; ${i.hoursToResolve === null ? "not resolved yet" : `resolved in ${i.hoursToResolve} hours`}`,
              i.heardFromItFirst === false && "The business noticed it before IT told them.",
            ]}
          />
        ))}
      </Section>

      <Section title="Bad news we told late" empty={EMPTY.lateBadNews} omitted={report.omitted.lateBadNews}>
        {report.lateBadNews.map((n) => (
          <Item
            key={n.id}
            title={withUnit(scope, n.accountName, n.what)}
            lines={[`IT knew on ${formatDate(n.knownAt)} and told the business on ${formatDate(n.toldAt)}: ${n.daysWaited} days later.`, n.project && `Project: ${n.project}`]}
          />
        ))}
      </Section>

      <Section title="What we learned and changed" empty={EMPTY.lessons} omitted={report.omitted.lessons}>
        {report.lessons.map((l, n) => (
          <Item key={n} title={withUnit(scope, l.accountName, l.what)} lines={[l.detail && `What we did: ${l.detail}`, `Closed ${formatDate(l.on)}`]} />
        ))}
      </Section>
    </ReportDocument>
  );
}
