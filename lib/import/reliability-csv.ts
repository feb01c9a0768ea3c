import type { z } from "zod";
import { incidentInputSchema, type IncidentInput } from "../validation/incident";
import { slaPeriodInputSchema, type SlaPeriodInput } from "../validation/sla";
import { type ColumnKey, COLUMNS, columnOf, requiredColumns, type RowType } from "./columns";
import { MAX_ROWS } from "./csv-file";
import { type BadRow, readCsvTable, widthProblem } from "./table";
import { decodeCsvText } from "./text";

// A month of SLA and incident rows as an ITSM tool exports them, read into the same inputs the
// forms produce (validated by the same zod schemas), or every bad row with what is wrong with it.
// Pure: the caller passes the account's core systems and stores nothing unless all rows are good.

export interface CoreSystemName {
  id: string;
  name: string;
}

export type { BadRow } from "./table";

export type ParsedImport =
  | { ok: true; sla: { line: number; input: SlaPeriodInput }[]; incidents: { line: number; input: IncidentInput }[] }
  | { ok: false; fileError: string }
  | { ok: false; badRows: BadRow[]; rowCount: number };

type Columns = Partial<Record<ColumnKey, { index: number; header: string }>>;

/** Field of the shared schemas → the column it comes from. */
const FIELD_COLUMN: Record<string, ColumnKey> = {
  coreSystemId: "system",
  periodStart: "periodStart",
  periodEnd: "periodEnd",
  targetPercent: "targetPercent",
  attainedPercent: "attainedPercent",
  externalRef: "externalRef",
  occurredAt: "occurredAt",
  resolvedAt: "resolvedAt",
  title: "title",
  major: "major",
  heardFromItFirst: "heardFromItFirst",
};

const TYPE_LABEL: Record<RowType, string> = { sla: "SLA", incident: "incident" };
const list = (names: string[]) => names.join(", ");
const systemKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

export function parseReliabilityCsv(bytes: Uint8Array, systems: CoreSystemName[]): ParsedImport {
  const decoded = decodeCsvText(bytes);
  if ("error" in decoded) return { ok: false, fileError: decoded.error };
  if (decoded.text.trim() === "") return { ok: false, fileError: "The file is empty: export the month again and upload that file." };

  const table = readCsvTable(decoded.text);
  if ("error" in table) return { ok: false, fileError: table.error };
  const { header, rows: data } = table;
  const columns = readHeader(header.cells);
  if ("error" in columns) return { ok: false, fileError: columns.error };
  if (data.length === 0) return { ok: false, fileError: "The file has a header but no rows: export a month that has SLA or incident rows." };
  if (data.length > MAX_ROWS) return { ok: false, fileError: `The file has ${data.length.toLocaleString("en")} rows; at most ${MAX_ROWS.toLocaleString("en")} are read at once: upload one month at a time.` };

  const layout = layoutOf(columns.found, data.map((row) => cell(row.cells, columns.found, "type").toLowerCase()));
  if ("error" in layout) return { ok: false, fileError: layout.error };

  const reader = rowReader(columns.found, header.cells.length, systems);
  const sla: { line: number; input: SlaPeriodInput }[] = [];
  const incidents: { line: number; input: IncidentInput }[] = [];
  const badRows: BadRow[] = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const type = layout.typeOf(cell(row.cells, columns.found, "type").toLowerCase());
    const result = reader(row.cells, type);
    if (result.problems.length === 0) {
      // The same period or ticket twice in one file: which one is right is for a person to say.
      const key = result.sla ? `sla ${result.sla.coreSystemId} ${result.sla.periodStart.toISOString()} ${result.sla.periodEnd.toISOString()}` : `incident ${result.incident!.externalRef}`;
      const first = seen.get(key);
      if (first !== undefined) result.problems.push(result.sla ? `the same system and period as line ${first}` : `ticket ${result.incident!.externalRef} is also on line ${first}`);
      else seen.set(key, row.line);
    }
    if (result.problems.length > 0) badRows.push({ line: row.line, problems: result.problems });
    else if (result.sla) sla.push({ line: row.line, input: result.sla });
    else incidents.push({ line: row.line, input: result.incident! });
  }
  return badRows.length > 0 ? { ok: false, badRows, rowCount: data.length } : { ok: true, sla, incidents };
}

function readHeader(cells: string[]): { found: Columns } | { error: string } {
  const found: Columns = {};
  for (const [index, header] of cells.entries()) {
    const key = columnOf(header);
    if (!key) continue; // exports carry many columns the import has no use for
    const earlier = found[key];
    if (earlier) return { error: `Two columns mean ${COLUMNS[key].name}: “${earlier.header}” and “${header}”. Remove one of them.` };
    found[key] = { index, header };
  }
  return { found };
}

const cell = (cells: string[], columns: Columns, key: ColumnKey) => {
  const column = columns[key];
  return column ? (cells[column.index] ?? "") : "";
};

const missingFor = (columns: Columns, type: RowType) => requiredColumns(type).filter((key) => !columns[key]).map((key) => COLUMNS[key].name);

/** Which kind each row is: by its type column, or, without one, by which kind's columns the header has. */
function layoutOf(columns: Columns, typeCells: string[]): { typeOf: (cell: string) => RowType | null } | { error: string } {
  if (columns.type) {
    const present = (["sla", "incident"] as const).filter((type) => typeCells.includes(type));
    for (const type of present) {
      const missing = missingFor(columns, type);
      if (missing.length > 0) return { error: `The file has ${TYPE_LABEL[type]} rows but no column for: ${list(missing)}.` };
    }
    return { typeOf: (value) => (value === "sla" || value === "incident" ? value : null) };
  }
  const sla = missingFor(columns, "sla");
  const incident = missingFor(columns, "incident");
  if (sla.length === 0 && incident.length === 0) return { error: "The file has both SLA and incident columns: add a type column saying sla or incident on each row." };
  if (sla.length === 0) return { typeOf: () => "sla" };
  if (incident.length === 0) return { typeOf: () => "incident" };
  return {
    error: `The file is missing columns. SLA rows need: ${list(sla)}. Incident rows need: ${list(incident)}. Or add a type column (sla or incident).`,
  };
}

interface RowResult {
  problems: string[];
  sla?: SlaPeriodInput;
  incident?: IncidentInput;
}

/** yes/true, no/false; blank is `blank`; anything else is returned as typed, for the schema to refuse. */
export function yesNo(value: string, blank: boolean | null | undefined): boolean | null | string | undefined {
  const v = value.toLowerCase();
  if (v === "yes" || v === "true") return true;
  if (v === "no" || v === "false") return false;
  return v === "" ? blank : value;
}

function rowReader(columns: Columns, width: number, systems: CoreSystemName[]) {
  const systemIds = new Map(systems.map((s) => [systemKey(s.name), s.id]));
  const known = systems.length > 0 ? `one of: ${list(systems.map((s) => s.name).slice(0, 20))}${systems.length > 20 ? ", …" : ""}` : "this unit has no core systems yet: add them in Unit settings";
  const headerOf = (key: ColumnKey) => columns[key]?.header ?? COLUMNS[key].name;

  return (cells: string[], type: RowType | null): RowResult => {
    const problems: string[] = [];
    const widthWrong = widthProblem(cells, width);
    if (widthWrong) problems.push(widthWrong);
    if (type === null) return { problems: [...problems, `${headerOf("type")}: must be sla or incident`] };

    const get = (key: ColumnKey) => cell(cells, columns, key);
    const systemName = get("system");
    const coreSystemId = systemIds.get(systemKey(systemName));
    if (systemName === "") problems.push(`${headerOf("system")}: name the core system (${known})`);
    else if (!coreSystemId) problems.push(`${headerOf("system")}: “${systemName}” is not a core system of this unit (${known})`);

    const issues = (error: z.ZodError) =>
      error.issues.map((issue) => {
        const column = FIELD_COLUMN[String(issue.path[0])];
        return column ? `${headerOf(column)}: ${issue.message}` : issue.message;
      });

    if (type === "sla") {
      const parsed = slaPeriodInputSchema.safeParse({
        coreSystemId: coreSystemId ?? null,
        periodStart: get("periodStart"),
        periodEnd: get("periodEnd"),
        targetPercent: get("targetPercent"),
        attainedPercent: get("attainedPercent"),
      });
      if (!parsed.success) problems.push(...issues(parsed.error));
      return problems.length === 0 && parsed.success ? { problems, sla: parsed.data } : { problems };
    }

    const ticket = get("externalRef");
    if (ticket === "") problems.push(`${headerOf("externalRef")}: enter the ticket number (the import recognises incidents by it)`);
    const major = yesNo(get("major"), undefined);
    if (typeof major !== "boolean") problems.push(`${headerOf("major")}: must be yes or no`);
    const heard = yesNo(get("heardFromItFirst"), null);
    if (typeof heard === "string") problems.push(`${headerOf("heardFromItFirst")}: must be yes, no or blank (not known)`);
    const parsed = incidentInputSchema.safeParse({
      coreSystemId: coreSystemId ?? null,
      title: get("title") || `Incident ${ticket}`,
      externalRef: ticket,
      occurredAt: get("occurredAt"),
      resolvedAt: get("resolvedAt"),
      major: typeof major === "boolean" ? major : false,
      heardFromItFirst: typeof heard === "string" ? null : heard,
    });
    if (!parsed.success) problems.push(...issues(parsed.error));
    return problems.length === 0 && parsed.success ? { problems, incident: parsed.data } : { problems };
  };
}
