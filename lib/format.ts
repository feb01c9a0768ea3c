import { formatUtcDateTime } from "./local-time";

// One date format across the app (day month year, unambiguous for UK and US readers alike).
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar day (a due date): the same day wherever it is read. */
export const formatDate = (date: Date) => dateFormat.format(date);

const monthFormats = {
  short: new Intl.DateTimeFormat("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }),
  medium: new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" }),
  long: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
};
/**
 * A month: "Nov 26" (short, for chart ticks and table heads), "Nov 2026", "November 2026" (long).
 * One formatter each: toLocaleDateString builds a new one per call, which a page of charts and
 * heatmaps pays hundreds of times.
 */
export const formatMonth = (date: Date | number | string, style: keyof typeof monthFormats = "medium") => monthFormats[style].format(new Date(date));

/** An instant, in UTC and named so, where text must be a string; on a page, components/ui/local-time's LocalTime shows it in the reader's zone. */
export const formatDateTime = formatUtcDateTime;

/** "MEETING" → "Meeting", "STATUS_UPDATE" → "Status update". */
export const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
