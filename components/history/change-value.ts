import { formatDate, formatDateTime, humanize } from "@/lib/format";

// How the change history words a field and its values, whatever kind of record they come from:
// the audit log keeps them as JSON (dates as ISO strings, enums as their names).

const ACRONYMS: Record<string, string> = { it: "IT", sla: "SLA" };

/** "occurredAt" → "Occurred at", "itOnTime" → "IT on time". */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(" ")
    .map((word) => ACRONYMS[word] ?? word);
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const MIDNIGHT_UTC = /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ENUM = /^[A-Z][A-Z_]+$/;

/** A value as a person reads it: "—" for nothing, Yes/No, dates, "Status update" for STATUS_UPDATE. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return value.toLocaleString("en");
  if (Array.isArray(value)) return value.length === 0 ? "none" : value.map(valueText).join(", ");
  if (typeof value === "string") {
    if (MIDNIGHT_UTC.test(value)) return formatDate(new Date(value));
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value));
    if (ENUM.test(value)) return ACRONYMS[value.toLowerCase()] ?? humanize(value);
    return value;
  }
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${fieldLabel(key)}: ${valueText(inner)}`)
      .join("; ");
  }
  return String(value);
}
