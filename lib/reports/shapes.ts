import type { MonthSpan, ReportMonth } from "./month";

// What a report holds, as plain data: the page, the PDF and the email all render these.

/** At most this many lines per list: a report is read, not searched. Beyond it, a list says how many it left out. */
export const REPORT_LIST_LIMIT = 100;

/** Whose report: one unit, or every unit the reader may see in full. */
export type ReportScope =
  | { kind: "unit"; accountId: string; accountName: string; sponsorName: string | null; managerName: string | null }
  | { kind: "portfolio"; units: number; readerRole: "leadership" | "manager" };

export interface DeliveredProject {
  id: string;
  accountName: string;
  name: string;
  /** What it was for: the project's description, which states its benefit. */
  benefit: string;
  highProfile: boolean;
  plannedEnd: Date;
  actualEnd: Date;
  /** Days after the planned end (negative: early). */
  daysLate: number;
  budget: number | null;
  actualCost: number | null;
  scopeDeliveredPercent: number | null;
}

export interface ServiceLevelLine {
  accountName: string;
  /** The core system, or null for the unit's service as a whole. */
  system: string | null;
  periodStart: Date;
  periodEnd: Date;
  targetPercent: number;
  attainedPercent: number;
  met: boolean;
}

export interface Improvement {
  kind: "follow-up" | "goal-review" | "action";
  accountName: string;
  what: string;
  /** For a goal review: its result ("Met", "On track"…); for an action: what was done. */
  detail: string | null;
  on: Date;
}

export interface RatingMonth {
  key: string;
  label: string;
  /** Average overall rating (1–5); null: nobody rated that month. */
  average: number | null;
  count: number;
}

export interface Commitment {
  kind: "follow-up" | "project" | "action";
  accountName: string;
  what: string;
  due: Date;
  /** Already past due when the report was made. */
  overdue: boolean;
}

export interface MonthlyReport {
  scope: ReportScope;
  month: ReportMonth;
  generatedAt: Date;
  delivered: DeliveredProject[];
  serviceLevels: { lines: ServiceLevelLine[]; met: number; missed: number; incidents: number; majorIncidents: number };
  improvements: Improvement[];
  ratings: RatingMonth[];
  /** Actions for the client done in the month ("you said, we did"). */
  youSaidWeDid: Improvement[];
  nextMonth: { month: ReportMonth; commitments: Commitment[] };
  /** Lines each list left out beyond REPORT_LIST_LIMIT (0: none): never a silent cut. */
  omitted: Record<"delivered" | "serviceLevels" | "improvements" | "youSaidWeDid" | "commitments", number>;
}

export interface MissedProject {
  id: string;
  accountName: string;
  name: string;
  highProfile: boolean;
  status: "PLANNED" | "IN_PROGRESS" | "DELIVERED" | "CANCELLED";
  plannedEnd: Date;
  actualEnd: Date | null;
  /** What went wrong, in words: "41 days late", "cost 1.3× its budget", "70% of the scope", "cancelled". */
  problems: string[];
}

export interface MajorIncident {
  id: string;
  accountName: string;
  title: string;
  system: string | null;
  occurredAt: Date;
  resolvedAt: Date | null;
  /** Hours from occurring to resolved; null: not resolved yet. */
  hoursToResolve: number | null;
  heardFromItFirst: boolean | null;
}

export interface LateBadNews {
  id: string;
  accountName: string;
  what: string;
  project: string | null;
  knownAt: Date;
  toldAt: Date;
  daysWaited: number;
}

export interface FailureReport {
  scope: ReportScope;
  /** The span's months, oldest first; the report covers [first.start, last.end). */
  months: MonthSpan;
  generatedAt: Date;
  missedProjects: MissedProject[];
  majorIncidents: MajorIncident[];
  lateBadNews: LateBadNews[];
  /** What IT learned and changed: actions for the client done in the span, with what was done. */
  lessons: Improvement[];
  /** Lines each list left out beyond REPORT_LIST_LIMIT (0: none). */
  omitted: Record<"missedProjects" | "majorIncidents" | "lateBadNews" | "lessons", number>;
}
