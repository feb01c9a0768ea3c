import cronParser from "cron-parser";

/** The first time strictly after `after` that the five-field UTC cron expression names. */
export function nextRun(cron: string, after: Date): Date {
  return cronParser.parseExpression(cron, { currentDate: after, tz: "UTC" }).next().toDate();
}
