import { z } from "zod";
import { formatMonth } from "../format";

// A report's month, in UTC like every date the app stores: "2026-11" in the URL, [start, end) in queries.

export interface ReportMonth {
  /** "2026-11" */
  key: string;
  /** "November 2026" */
  label: string;
  /** The first instant of the month (UTC). */
  start: Date;
  /** The first instant of the next month (UTC): ranges are [start, end). */
  end: Date;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The month `offset` months after the one that contains `date` (negative: before). */
export function monthOf(date: Date, offset = 0): ReportMonth {
  const start = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  return { key: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}`, label: formatMonth(start, "long"), start, end };
}

/** The default report: the last full month before `now`. */
export const lastFullMonth = (now: Date) => monthOf(now, -1);

/** Months since this are refused: no unit has history from before it. */
const EARLIEST = "2000-01";

/**
 * "YYYY-MM" from the URL, from January 2000 up to the current month (a month under way reports
 * what happened so far); a later month has nothing to report yet.
 */
export const reportMonthSchema = (now: Date) =>
  z
    .string({ error: "Give the month as YYYY-MM, e.g. 2026-11" })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "Give the month as YYYY-MM, e.g. 2026-11" })
    .refine((key) => key >= EARLIEST, { error: "Reports start in January 2000" })
    .refine((key) => key <= monthOf(now).key, { error: "That month has not started yet: choose this month or an earlier one" })
    .transform((key) => monthOf(new Date(`${key}-01T00:00:00Z`)));

/** A span of months, oldest first: never empty. */
export type MonthSpan = [ReportMonth, ...ReportMonth[]];

/** The months `count` long (at least 1) ending with `last`. */
export function monthsEndingWith(last: ReportMonth, count: number): MonthSpan {
  const [first, ...rest] = Array.from({ length: Math.max(1, count) }, (_, i) => monthOf(last.start, i - Math.max(1, count) + 1));
  return [first ?? last, ...rest];
}

export const firstOf = (span: MonthSpan) => span[0];
export const lastOf = (span: MonthSpan) => span[span.length - 1] ?? span[0];

/** A failure report's span: the last `months` months up to and including its month. */
export const FAILURE_SPANS = [1, 3, 6, 12] as const;
export const failureSpanSchema = z.coerce
  .number({ error: "Choose a span of 1, 3, 6 or 12 months" })
  .pipe(z.union(FAILURE_SPANS.map((n) => z.literal(n)) as [z.ZodLiteral<1>, z.ZodLiteral<3>, z.ZodLiteral<6>, z.ZodLiteral<12>], { error: "Choose a span of 1, 3, 6 or 12 months" }));
