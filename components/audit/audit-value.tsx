import { formatDateTime } from "@/lib/format";

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const MAX_CHARS = 300;

/** "dueDate" → "due date": audit details keep the code's field names. */
export const fieldLabel = (field: string) => field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

/** A stored value as people read it: times in UTC, yes/no, lists joined, long text cut. */
export function auditValueText(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string") {
    if (ISO_TIME.test(value)) return formatDateTime(new Date(value));
    return value.length > MAX_CHARS ? `${value.slice(0, MAX_CHARS)}…` : value;
  }
  if (typeof value === "number") return value.toLocaleString("en");
  if (Array.isArray(value) && value.every((item) => typeof item !== "object" || item === null)) return value.length === 0 ? "none" : value.map(auditValueText).join(", ");
  const json = JSON.stringify(value);
  return json.length > MAX_CHARS ? `${json.slice(0, MAX_CHARS)}…` : json;
}
