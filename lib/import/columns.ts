// The columns a reliability CSV may have, as an ITSM tool's export names them. One list serves the
// parser, the upload page and docs/csv-import.md, so what is documented is what is accepted.

export type RowType = "sla" | "incident";

export interface ColumnSpec {
  /** The name used in messages and the documentation. */
  name: string;
  /** Other headers that mean the same, compared case-insensitively, ignoring spaces and punctuation. */
  aliases: readonly string[];
  /** Row types that need the column; a type not listed ignores it. */
  requiredFor: readonly RowType[];
  optionalFor: readonly RowType[];
  description: string;
}

export const COLUMNS = {
  type: { name: "type", aliases: ["record type", "row type"], requiredFor: [], optionalFor: ["sla", "incident"], description: "sla or incident. Without this column, the file holds one kind of row, told by its headers." },
  system: { name: "system", aliases: ["core system", "service", "configuration item", "ci"], requiredFor: ["sla", "incident"], optionalFor: [], description: "The core system, as named in the unit's settings (any capitalisation). An unknown or blank system is a bad row." },
  periodStart: { name: "period_start", aliases: ["period start", "start", "from"], requiredFor: ["sla"], optionalFor: [], description: "The period's first day, YYYY-MM-DD." },
  periodEnd: { name: "period_end", aliases: ["period end", "end", "to"], requiredFor: ["sla"], optionalFor: [], description: "The period's last day, YYYY-MM-DD." },
  targetPercent: { name: "target_percent", aliases: ["target", "sla target", "target percent"], requiredFor: ["sla"], optionalFor: [], description: "The agreed level, 0–100, e.g. 99.9 or 99.9%." },
  attainedPercent: { name: "attained_percent", aliases: ["attained", "actual", "achieved", "attained percent"], requiredFor: ["sla"], optionalFor: [], description: "The level reached, 0–100." },
  externalRef: { name: "ticket", aliases: ["ticket number", "number", "incident number", "external ref", "externalref"], requiredFor: ["incident"], optionalFor: [], description: "The incident's ticket number. A ticket already recorded is updated, not added again." },
  occurredAt: { name: "opened_at", aliases: ["opened", "opened at", "start time", "occurred at"], requiredFor: ["incident"], optionalFor: [], description: "When it started: YYYY-MM-DD HH:mm (UTC) or ISO 8601 with an offset." },
  major: { name: "major", aliases: ["major incident", "is major"], requiredFor: ["incident"], optionalFor: [], description: "yes or no (true or false)." },
  heardFromItFirst: { name: "heard_from_it_first", aliases: ["heard from it first", "client told by it first", "proactive notice"], requiredFor: [], optionalFor: ["incident"], description: "Whether the client heard of it from IT first: yes, no, or blank for not known." },
  title: { name: "title", aliases: ["short description", "summary", "description"], requiredFor: [], optionalFor: ["incident"], description: "What happened. Blank: “Incident” and the ticket number." },
  resolvedAt: { name: "resolved_at", aliases: ["resolved", "resolved at", "closed at"], requiredFor: [], optionalFor: ["incident"], description: "When it was resolved, in the same format as opened_at; blank while open." },
} as const satisfies Record<string, ColumnSpec>;

export type ColumnKey = keyof typeof COLUMNS;

/** "Target %" → "target", "Period_Start" → "period start". */
export const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const byHeader = new Map<string, ColumnKey>(
  (Object.entries(COLUMNS) as [ColumnKey, ColumnSpec][]).flatMap(([key, spec]) => [spec.name, ...spec.aliases].map((h) => [normaliseHeader(h), key] as const)),
);

/** The column a header means, or undefined for a column the import ignores. */
export const columnOf = (header: string): ColumnKey | undefined => byHeader.get(normaliseHeader(header));

export const requiredColumns = (type: RowType) => (Object.keys(COLUMNS) as ColumnKey[]).filter((key) => (COLUMNS[key].requiredFor as readonly RowType[]).includes(type));
