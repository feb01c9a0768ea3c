import { formatUtcDateTime } from "./local-time";

// One date format across the app (day month year, unambiguous for UK and US readers alike).
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A calendar day (a due date): the same day wherever it is read. */
export const formatDate = (date: Date) => dateFormat.format(date);
/** An instant, in UTC and named so, where text must be a string; on a page, components/ui/local-time's LocalTime shows it in the reader's zone. */
export const formatDateTime = formatUtcDateTime;

/** "MEETING" → "Meeting", "STATUS_UPDATE" → "Status update". */
export const humanize = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
