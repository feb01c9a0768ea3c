// Instants (a meeting's start, a sign-in) in a reader's time zone. The server knows no reader's
// zone, so it writes UTC, named; the browser rewrites it in its own zone (components/ui/local-time.tsx).
// Calendar dates without a time (due dates, review dates) are not instants: lib/format's formatDate.

const OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "2 Dec 2026, 19:05 CET": day, month, year, 24-hour time and the zone's short name, in `timeZone`
 * (an IANA name) or, without one, the runtime's own zone (the browser's: the reader's).
 */
export function formatDateTimeIn(date: Date, timeZone?: string): string {
  const key = timeZone ?? "";
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", { ...OPTIONS, timeZone });
    formats.set(key, format);
  }
  return format.format(date);
}

/** "2 Dec 2026, 18:05 UTC": what the server renders, the same for every reader. */
export const formatUtcDateTime = (date: Date) => formatDateTimeIn(date, "UTC");
