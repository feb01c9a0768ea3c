import { createHash } from "node:crypto";
import type { z } from "zod";
import { newAccountInputSchema } from "../../validation/account";
import { contactInputSchema } from "../../validation/contact";
import { interactionInputSchema, WHAT_HAPPENED } from "../../validation/interaction";
import { incidentInputSchema, utcDateTime } from "../../validation/incident";
import { slaPeriodInputSchema } from "../../validation/sla";
import { yesNo } from "../reliability-csv";
import { normaliseHeader } from "../columns";
import { type BadRow, type CsvRow, widthProblem } from "../table";
import type { ColumnMapping, CsvImportKind } from "./fields";

// The rows of a mapped CSV file read into what the data layer writes, validated by the same zod
// schemas as the forms, or every bad row with what is wrong with it. Pure: the caller passes the
// units and people the rows may name, and writes nothing unless every row is good.

export interface UnitRef {
  id: string;
  name: string;
  /** Whether the importing person may write this unit's records. */
  writable: boolean;
}

export interface ImportContext {
  /** Every live unit the rows may name (for a unit import: those that exist already). */
  units: readonly UnitRef[];
  /** Active relationship managers by email, for a unit's manager. */
  managers: readonly { id: string; email: string }[];
  /** The units' live core systems, for service levels and incidents. */
  systems: readonly { id: string; accountId: string; name: string }[];
}

/**
 * A good row: its natural key (the same key is the same record), what a new record is created
 * with, and what an existing one is updated with (only the fields the file maps).
 */
export interface ImportRow {
  line: number;
  /** The unit it belongs to (contacts, interactions), or the existing unit of that name (units). */
  accountId: string | null;
  key: string;
  create: Record<string, unknown>;
  update: Record<string, unknown>;
}

export type ReadRows = { ok: true; rows: ImportRow[] } | { ok: false; badRows: BadRow[] };

type Cells = (key: string) => string;

/** "Key user", "key-user", "KEY_USER" → "KEY_USER"; a leading "the" in a label is dropped. */
const enumKey = (value: string) =>
  normaliseHeader(value)
    .split(" ")
    .filter((word) => word !== "the")
    .join("_")
    .toUpperCase();

/** The enum value a cell names (by value or by label), `blank` for an empty cell, or the cell itself for the schema to refuse. */
function enumCell(value: string, choices: Record<string, string>, blank: string): string {
  if (value.trim() === "") return blank;
  const wanted = enumKey(value);
  return Object.entries(choices).find(([key, label]) => key === wanted || enumKey(label) === wanted)?.[0] ?? value;
}

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** A day alone ("2026-11-03") is read as noon UTC, so it stays that day in most time zones. */
const dayOrTime = (value: string) => (/^\s*\d{4}-\d\d-\d\d\s*$/.test(value) ? `${value.trim()}T12:00:00Z` : value);

export function readImportRows(kind: CsvImportKind, header: CsvRow, rows: readonly CsvRow[], mapping: ColumnMapping, context: ImportContext): ReadRows {
  const headerOf = (key: string) => {
    const index = mapping[key];
    return index === null || index === undefined ? key : header.cells[index] || key;
  };
  const units = new Map(context.units.map((u) => [fold(u.name), u]));
  const managers = new Map(context.managers.map((m) => [fold(m.email), m.id]));
  const systems = new Map(context.systems.map((system) => [`${system.accountId} ${fold(system.name)}`, system.id]));
  const read = READERS[kind];
  const badRows: BadRow[] = [];
  const good: ImportRow[] = [];
  const seen = new Map<string, number>();

  for (const row of rows) {
    const problems: string[] = [];
    const widthWrong = widthProblem(row.cells, header.cells.length);
    if (widthWrong) problems.push(widthWrong);
    const get: Cells = (key) => {
      const index = mapping[key];
      return index === null || index === undefined ? "" : (row.cells[index] ?? "");
    };
    const mapped = (key: string) => mapping[key] !== null && mapping[key] !== undefined;
    const issues = (error: z.ZodError, paths: Record<string, string>) =>
      error.issues.map((issue) => {
        const field = paths[issue.path.join(".")] ?? paths[String(issue.path[0])];
        return field ? `${headerOf(field)}: ${issue.message}` : issue.message;
      });

    const result = read({ get, mapped, issues, headerOf, units, managers, systems });
    problems.push(...result.problems);
    if (result.row && problems.length === 0) {
      const first = seen.get(result.row.key);
      if (first !== undefined) problems.push(`the same ${result.what} as line ${first}`);
      else seen.set(result.row.key, row.line);
    }
    if (problems.length > 0 || !result.row) badRows.push({ line: row.line, problems });
    else good.push({ line: row.line, ...result.row });
  }
  return badRows.length > 0 ? { ok: false, badRows } : { ok: true, rows: good };
}

interface ReaderTools {
  get: Cells;
  mapped: (key: string) => boolean;
  issues: (error: z.ZodError, paths: Record<string, string>) => string[];
  headerOf: (key: string) => string;
  units: Map<string, UnitRef>;
  managers: Map<string, string>;
  /** "accountId system name" → the core system's id. */
  systems: Map<string, string>;
}

interface ReaderResult {
  problems: string[];
  /** What a duplicate is the same of ("contact"), for the message. */
  what: string;
  row?: Omit<ImportRow, "line">;
}

/** The unit a contact or interaction row names, if the importer may write it. */
function unitOf({ get, headerOf, units }: ReaderTools, problems: string[]): UnitRef | null {
  const name = get("account");
  const found = units.get(fold(name));
  if (name === "") problems.push(`${headerOf("account")}: name the business unit`);
  else if (!found) problems.push(`${headerOf("account")}: “${name}” is not a business unit in Rapport`);
  else if (!found.writable) problems.push(`${headerOf("account")}: you do not manage “${found.name}”`);
  return found?.writable ? found : null;
}

/** The mapped fields of `data` only: an update leaves what the file does not carry alone. */
const pick = (data: Record<string, unknown>, fields: Record<string, string>, mapped: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(fields).filter(([, field]) => mapped(field)).map(([column]) => [column, data[column]]));

const CRITICALITY = { LOW: "Low", MEDIUM: "Medium", HIGH: "High", CRITICAL: "Critical" };
const ROLES = { SPONSOR: "Sponsor", DECISION_MAKER: "Decision maker", BUDGET_HOLDER: "Budget holder", KEY_USER: "Key user", INFLUENCER: "Influencer", OTHER: "Other" };
const LEVELS = { LOW: "Low", MEDIUM: "Medium", HIGH: "High" };
const TYPES = { MEETING: "Meeting", CALL: "Call", EMAIL: "Email", WORKSHOP: "Workshop", ESCALATION: "Escalation", STATUS_UPDATE: "Status update", REVIEW: "Review" };
const SENTIMENT = { VERY_NEGATIVE: "Very negative", NEGATIVE: "Negative", NEUTRAL: "Neutral", POSITIVE: "Positive", VERY_POSITIVE: "Very positive" };
/** "no show by IT", "cancelled by the client" (the keys' words) or the form's labels ("IT did not show"). */
const HAPPENED = Object.fromEntries(Object.entries(WHAT_HAPPENED).map(([key, { label }]) => [key, label]));

const ACCOUNT_FIELDS = { name: "name", description: "description", criticality: "criticality", meetingCadenceDays: "meeting_cadence_days" };
/** The name finds the unit; the file never renames it ("FINANCE" is Finance). */
const { name: _key, ...ACCOUNT_UPDATES } = ACCOUNT_FIELDS;

function readAccount(tools: ReaderTools): ReaderResult {
  const { get, mapped, issues, headerOf, units, managers } = tools;
  const problems: string[] = [];
  const parsed = newAccountInputSchema.safeParse({
    name: get("name"),
    description: get("description"),
    criticality: enumCell(get("criticality"), CRITICALITY, "MEDIUM"),
    meetingCadenceDays: get("meeting_cadence_days"),
    relationshipManagerId: "",
  });
  if (!parsed.success) problems.push(...issues(parsed.error, ACCOUNT_FIELDS));
  const managerEmail = get("relationship_manager");
  const managerId = managerEmail === "" ? null : managers.get(fold(managerEmail));
  if (managerId === undefined) problems.push(`${headerOf("relationship_manager")}: “${managerEmail}” is not an active relationship manager in Rapport`);
  if (!parsed.success || managerId === undefined) return { problems, what: "unit" };
  const { relationshipManagerId: _none, ...details } = parsed.data;
  const data = { ...details, relationshipManagerId: managerId };
  const update = { ...pick(data, ACCOUNT_UPDATES, mapped), ...(mapped("relationship_manager") ? { relationshipManagerId: managerId } : {}) };
  return { problems, what: "unit", row: { accountId: units.get(fold(data.name))?.id ?? null, key: fold(data.name), create: data, update } };
}

const CONTACT_FIELDS = { name: "name", title: "title", email: "email", phone: "phone", role: "role", influence: "influence", interest: "interest" };

function readContact(tools: ReaderTools): ReaderResult {
  const { get, mapped, issues } = tools;
  const problems: string[] = [];
  const unit = unitOf(tools, problems);
  const parsed = contactInputSchema.safeParse({
    name: get("name"),
    title: get("title"),
    email: get("email"),
    phone: get("phone"),
    role: enumCell(get("role"), ROLES, "OTHER"),
    influence: enumCell(get("influence"), LEVELS, "MEDIUM"),
    interest: enumCell(get("interest"), LEVELS, "MEDIUM"),
  });
  if (!parsed.success) problems.push(...issues(parsed.error, CONTACT_FIELDS));
  if (!unit || !parsed.success) return { problems, what: "contact" };
  const data = parsed.data;
  const key = `${unit.id} ${data.email ? `email ${fold(data.email)}` : `name ${fold(data.name)}`}`;
  return { problems, what: "contact", row: { accountId: unit.id, key, create: { ...data, accountId: unit.id }, update: pick(data, CONTACT_FIELDS, mapped) } };
}

const INTERACTION_FIELDS = { type: "type", occurredAt: "occurred_at", summary: "summary", topic: "topic", notes: "notes", sentiment: "sentiment", whatHappened: "what_happened" };

function readInteraction(tools: ReaderTools): ReaderResult {
  const { get, issues } = tools;
  const problems: string[] = [];
  const unit = unitOf(tools, problems);
  const occurred = utcDateTime("when it happened").safeParse(dayOrTime(get("occurred_at")));
  const quotes = [
    { side: "BUSINESS" as const, text: get("business_quote"), field: "business_quote" },
    { side: "IT" as const, text: get("it_quote"), field: "it_quote" },
  ].filter((quote) => quote.text !== "");
  const parsed = interactionInputSchema.safeParse({
    // The unit is checked above; a placeholder keeps the schema's other messages coming.
    accountId: unit?.id ?? "c".padEnd(25, "0"),
    type: enumCell(get("type"), TYPES, ""),
    occurredAt: occurred.success ? occurred.data.toISOString() : get("occurred_at"),
    summary: get("summary"),
    topic: get("topic"),
    notes: get("notes"),
    sentiment: enumCell(get("sentiment"), SENTIMENT, "NEUTRAL"),
    itOnTime: "",
    itPrepared: "",
    whatHappened: enumCell(get("what_happened"), HAPPENED, "HELD"),
    quotes: quotes.map(({ side, text }) => ({ side, text })),
  });
  if (!parsed.success) {
    const paths = { ...INTERACTION_FIELDS, ...Object.fromEntries(quotes.map((quote, i) => [`quotes.${i}.text`, quote.field])) };
    problems.push(...issues(parsed.error, paths));
  }
  if (!unit || !parsed.success) return { problems, what: "interaction" };
  const { accountId, attendeeContactIds: _c, attendeeUserIds: _u, followUps: _f, quotes: quoteRows, ...fields } = parsed.data;
  const importKey = createHash("sha256")
    .update(JSON.stringify([accountId, fields.occurredAt.toISOString(), fields.type, fields.summary, fields.topic, fields.notes, fields.sentiment, fields.outcome, fields.cancelledBy, quoteRows]))
    .digest("hex");
  return { problems, what: "interaction", row: { accountId, key: importKey, create: { ...fields, accountId, importKey, quotes: quoteRows }, update: {} } };
}

/** The unit's core system a row names; a blank or unknown one is a problem. */
function systemOf({ get, headerOf, systems }: ReaderTools, unit: UnitRef, problems: string[]): string | null {
  const name = get("system");
  const id = systems.get(`${unit.id} ${fold(name)}`);
  if (name === "") problems.push(`${headerOf("system")}: name the core system`);
  else if (!id) problems.push(`${headerOf("system")}: “${name}” is not a core system of ${unit.name} (add it in the unit's settings)`);
  return id ?? null;
}

const SLA_FIELDS = { coreSystemId: "system", periodStart: "period_start", periodEnd: "period_end", targetPercent: "target_percent", attainedPercent: "attained_percent" };

function readServiceLevel(tools: ReaderTools): ReaderResult {
  const { get, issues } = tools;
  const problems: string[] = [];
  const unit = unitOf(tools, problems);
  const coreSystemId = unit ? systemOf(tools, unit, problems) : null;
  const parsed = slaPeriodInputSchema.safeParse({
    coreSystemId,
    periodStart: get("period_start"),
    periodEnd: get("period_end"),
    targetPercent: get("target_percent"),
    attainedPercent: get("attained_percent"),
  });
  if (!parsed.success) problems.push(...issues(parsed.error, SLA_FIELDS));
  if (!unit || !coreSystemId || !parsed.success) return { problems, what: "system and period" };
  const data = parsed.data;
  const key = `${unit.id} ${coreSystemId} ${data.periodStart.toISOString()} ${data.periodEnd.toISOString()}`;
  return { problems, what: "system and period", row: { accountId: unit.id, key, create: { ...data, accountId: unit.id }, update: { targetPercent: data.targetPercent, attainedPercent: data.attainedPercent } } };
}

const INCIDENT_FIELDS = { coreSystemId: "system", externalRef: "ticket", occurredAt: "opened_at", resolvedAt: "resolved_at", title: "title", major: "major", heardFromItFirst: "heard_from_it_first" };

function readIncident(tools: ReaderTools): ReaderResult {
  const { get, issues, headerOf, mapped } = tools;
  const problems: string[] = [];
  const unit = unitOf(tools, problems);
  const coreSystemId = unit ? systemOf(tools, unit, problems) : null;
  const ticket = get("ticket");
  if (ticket === "") problems.push(`${headerOf("ticket")}: enter the ticket number (the import recognises incidents by it)`);
  const major = yesNo(get("major"), undefined);
  if (typeof major !== "boolean") problems.push(`${headerOf("major")}: must be yes or no`);
  const heard = yesNo(get("heard_from_it_first"), null);
  if (typeof heard === "string") problems.push(`${headerOf("heard_from_it_first")}: must be yes, no or blank (not known)`);
  const parsed = incidentInputSchema.safeParse({
    coreSystemId,
    title: get("title") || `Incident ${ticket}`,
    externalRef: ticket,
    occurredAt: get("opened_at"),
    resolvedAt: get("resolved_at"),
    major: typeof major === "boolean" ? major : false,
    heardFromItFirst: typeof heard === "string" ? null : heard,
  });
  if (!parsed.success) problems.push(...issues(parsed.error, INCIDENT_FIELDS));
  if (!unit || !coreSystemId || !parsed.success || problems.length > 0) return { problems, what: "ticket" };
  const data = parsed.data;
  return { problems, what: "ticket", row: { accountId: unit.id, key: `${unit.id} ${data.externalRef}`, create: { ...data, accountId: unit.id }, update: pick(data, INCIDENT_FIELDS, mapped) } };
}

const READERS: Record<CsvImportKind, (tools: ReaderTools) => ReaderResult> = {
  ACCOUNTS: readAccount,
  CONTACTS: readContact,
  INTERACTIONS: readInteraction,
  SERVICE_LEVELS: readServiceLevel,
  INCIDENTS: readIncident,
};
