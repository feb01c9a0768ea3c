import { Text, View } from "@react-pdf/renderer";
import { formatDate } from "../../format";
import { commitmentLine, deliveryFacts, EMPTY, formatAverage, formatPercent, IMPROVEMENT_LABEL, improvementLine, MONTHLY_INTRO, reportTitle, scopeLine, withUnit } from "../format";
import type { MonthlyReport } from "../shapes";
import { Item, ReportDocument, Section, styles } from "./parts";

/** The monthly value report as a PDF: the same sections, words and order as its page. */
export function MonthlyReportPdf({ report }: { report: MonthlyReport }) {
  const { scope, month, serviceLevels } = report;
  const rated = report.ratings.filter((r) => r.average !== null);
  return (
    <ReportDocument title={reportTitle(report)} subtitle={scopeLine(scope)} generatedAt={report.generatedAt}>
      <Text style={styles.intro}>{MONTHLY_INTRO}</Text>

      <Section title="Projects delivered" empty={EMPTY.delivered(month)} omitted={report.omitted.delivered}>
        {report.delivered.map((p) => (
          <Item key={p.id} title={withUnit(scope, p.accountName, p.name) + (p.highProfile ? " (high profile)" : "")} lines={[p.benefit && `Benefit: ${p.benefit}`, deliveryFacts(p)]} />
        ))}
      </Section>

      <Section title="Service levels" empty={EMPTY.serviceLevels(month)} omitted={report.omitted.serviceLevels}>
        {serviceLevels.met + serviceLevels.missed > 0
          ? [
              <Text key="summary" style={styles.item}>
                {`${serviceLevels.met} of ${serviceLevels.met + serviceLevels.missed} service levels met; ${serviceLevels.incidents} incidents, ${serviceLevels.majorIncidents} major.`}
              </Text>,
              ...serviceLevels.lines.map((l, i) => (
                <Item
                  key={i}
                  title={withUnit(scope, l.accountName, l.system ?? "The service as a whole")}
                  lines={[`${l.met ? "Met" : "Missed"}: ${formatPercent(l.attainedPercent)} against a target of ${formatPercent(l.targetPercent)} (${formatDate(l.periodStart)} to ${formatDate(l.periodEnd)})`]}
                />
              )),
            ]
          : []}
      </Section>

      <Section title="Improvements made" empty={EMPTY.improvements(month)} omitted={report.omitted.improvements}>
        {report.improvements.map((i, n) => (
          <Item key={n} title={withUnit(scope, i.accountName, improvementLine(i))} lines={[`${IMPROVEMENT_LABEL[i.kind]}, ${formatDate(i.on)}`]} />
        ))}
      </Section>

      <Section title="Ratings trend" empty="">
        {[
          <View key="bars" style={styles.bars} wrap={false}>
            {report.ratings.map((r) => (
              <View key={r.key} style={styles.bar}>
                <Text style={styles.barLabel}>{r.average === null ? "–" : r.average.toFixed(1)}</Text>
                <View style={[styles.barFill, { height: r.average === null ? 0 : (r.average / 5) * 60 }]} />
                <Text style={styles.barLabel}>{r.label.replace(/ \d{4}$/, "")}</Text>
              </View>
            ))}
          </View>,
          <Text key="summary" style={styles.muted}>
            {rated.length === 0
              ? "Nobody rated IT in these six months."
              : report.ratings.map((r) => `${r.label}: ${formatAverage(r.average)}${r.count ? ` (${r.count})` : ""}`).join("; ")}
          </Text>,
        ]}
      </Section>

      <Section title="You said, we did" empty={EMPTY.youSaidWeDid(month)} omitted={report.omitted.youSaidWeDid}>
        {report.youSaidWeDid.map((i, n) => (
          <Item key={n} title={withUnit(scope, i.accountName, i.what)} lines={[i.detail && `We did: ${i.detail}`, formatDate(i.on)]} />
        ))}
      </Section>

      <Section title={`Commitments for ${report.nextMonth.month.label}`} empty={EMPTY.commitments(report.nextMonth.month)} omitted={report.omitted.commitments}>
        {report.nextMonth.commitments.map((c, n) => (
          <Item key={n} title={withUnit(scope, c.accountName, commitmentLine(c))} />
        ))}
      </Section>
    </ReportDocument>
  );
}
