"use client";
import { useHydrated } from "@/components/forms/use-hydrated";
import { formatDateTimeIn, formatUtcDateTime } from "@/lib/local-time";

/**
 * An instant in the reader's time zone. The server's HTML (and the first render in the browser,
 * so hydration matches) says it in UTC, named as such; once hydrated it reads in the browser's
 * zone, with UTC in the tooltip. The machine-readable instant is in `dateTime` throughout.
 */
export function LocalTime({ date, className }: { date: Date | string; className?: string }) {
  const hydrated = useHydrated();
  const at = new Date(date);
  const utc = formatUtcDateTime(at);
  return (
    <time dateTime={at.toISOString()} className={className} title={hydrated ? utc : undefined}>
      {hydrated ? formatDateTimeIn(at) : utc}
    </time>
  );
}
