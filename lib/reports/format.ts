import { formatDate } from "../format";
import { firstOf, lastOf, type MonthSpan, type ReportMonth } from "./month";
import { type Commitment, type DeliveredProject, type FailureReport, type Improvement, type MonthlyReport, REPORT_LIST_LIMIT, type ReportScope } from "./shapes";

// The words of the reports, shared by the page and the PDF so that both say the same thing.

const money = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
export const formatPercent = (value: number) => `${Number(value.toFixed(2))}%`;
export const formatAverage = (value: number | null) => (value === null ? "no ratings" : `${value.toFixed(1)} / 5`);

export function reportTitle(report: MonthlyReport): string {
  return `${scopeName(report.scope)}: IT's value report, ${report.month.label}`;
}

export function failureTitle(report: FailureReport): string {
  return `${scopeName(report.scope)}: failure report, ${spanLabel(report.months)}`;
}

export const scopeName = (scope: ReportScope) => (scope.kind === "unit" ? scope.accountName : scope.readerRole === "manager" ? "Your units" : "The portfolio");

export function scopeLine(scope: ReportScope): string {
  if (scope.kind === "portfolio") return `${scope.units} ${scope.units === 1 ? "business unit" : "business units"}`;
  return [`Sponsor: ${scope.sponsorName ?? "not named"}`, `Relationship manager: ${scope.managerName ?? "not yet assigned"}`].join(" · ");
}

export function spanLabel(months: MonthSpan): string {
  const first = firstOf(months);
  const last = lastOf(months);
  return first.key === last.key ? last.label : `${first.label} to ${last.label}`;
}

/** "On time", "5 days late", "3 days early"; then budget and scope when known. */
export function deliveryFacts(p: DeliveredProject): string {
  const timing = p.daysLate === 0 ? "on time" : p.daysLate > 0 ? `${p.daysLate} ${p.daysLate === 1 ? "day" : "days"} late` : `${-p.daysLate} ${p.daysLate === -1 ? "day" : "days"} early`;
  const facts = [`Delivered ${formatDate(p.actualEnd)}, ${timing}`];
  if (p.budget !== null && p.actualCost !== null) facts.push(`cost ${money.format(p.actualCost)} of a ${money.format(p.budget)} budget`);
  if (p.scopeDeliveredPercent !== null) facts.push(`${p.scopeDeliveredPercent}% of the scope`);
  return facts.join("; ");
}

export const IMPROVEMENT_LABEL: Record<Improvement["kind"], string> = { "follow-up": "Commitment kept", "goal-review": "Goal reviewed", action: "Action completed" };

export function improvementLine(i: Improvement): string {
  return [i.what, i.detail].filter(Boolean).join(": ");
}

export function commitmentLine(c: Commitment): string {
  return `${c.what}, due ${formatDate(c.due)}${c.overdue ? " (overdue)" : ""}`;
}

/** With the unit's name in a portfolio report, where lines of several units mix. */
/** Under a list that reached the limit: how many lines it left out. */
export const omittedLine = (omitted: number) =>
  `…and ${omitted} more not listed here: a report lists at most ${REPORT_LIST_LIMIT} lines per section.`;

export const withUnit = (scope: ReportScope, accountName: string, text: string) => (scope.kind === "portfolio" ? `${accountName}: ${text}` : text);

export const EMPTY = {
  delivered: (month: ReportMonth) => `No project was delivered in ${month.label}.`,
  serviceLevels: (month: ReportMonth) => `No service level was recorded for ${month.label}: record them on the unit's Reliability tab.`,
  improvements: (month: ReportMonth) => `Nothing was recorded as done in ${month.label}: IT's follow-ups completed and goals reviewed show here.`,
  youSaidWeDid: (month: ReportMonth) => `No action agreed with the business was completed in ${month.label}: actions IT shares with the client show here once done.`,
  commitments: (month: ReportMonth) => `IT has no commitment due by the end of ${month.label}.`,
  missedProjects: "No project missed its date, budget or scope in this period.",
  majorIncidents: "No major incident in this period.",
  lateBadNews: "All bad news was told in time in this period.",
  lessons: "No action agreed with the business was completed in this period: each one done shows here with what was done.",
};

export const FAILURE_INTRO =
  "We publish our failures as well as our successes: what went wrong, and what we learned and changed, so that the business can hold us to it.";
export const MONTHLY_INTRO = "What IT delivered for the business this month, how its services ran, what it improved, and what it owes next.";
