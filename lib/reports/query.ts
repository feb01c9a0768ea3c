import { z } from "zod";
import { failureSpanSchema, lastFullMonth, type ReportMonth, reportMonthSchema } from "./month";

// The report pages' and PDF routes' query (?month=2026-11&months=3), one schema for both: a page
// shows the message, a route answers 400 with it.

export interface ReportQuery {
  month: ReportMonth;
  /** The failure report's span in months (the monthly report ignores it). */
  months: number;
}

export type ParsedReportQuery = { ok: true; query: ReportQuery } | { ok: false; message: string };

const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blank = (value: unknown) => (value === undefined || value === "" ? undefined : value);

export function parseReportQuery(params: Record<string, string | string[] | undefined> | URLSearchParams, now: Date): ParsedReportQuery {
  const get = (name: string) => blank(params instanceof URLSearchParams ? (params.get(name) ?? undefined) : single(params[name]));
  const schema = z.object({
    month: reportMonthSchema(now).optional(),
    months: failureSpanSchema.optional(),
  });
  const parsed = schema.safeParse({ month: get("month"), months: get("months") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? "That report period is not valid." };
  return { ok: true, query: { month: parsed.data.month ?? lastFullMonth(now), months: parsed.data.months ?? 3 } };
}
