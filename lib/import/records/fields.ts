import type { CsvImportKind } from "../../generated/prisma/enums";
import { type ColumnKey, COLUMNS, normaliseHeader } from "../columns";

// The fields each kind of CSV import fills, with the headers a directory, CRM or ITSM export
// gives them. One list serves the guessed mapping, the mapping form and docs/csv-import.md.

export type { CsvImportKind };

export const CSV_IMPORT_KINDS = ["ACCOUNTS", "CONTACTS", "INTERACTIONS", "SERVICE_LEVELS", "INCIDENTS"] as const satisfies readonly CsvImportKind[];

export const KIND_LABELS: Record<CsvImportKind, string> = {
  ACCOUNTS: "Business units",
  CONTACTS: "Contacts",
  INTERACTIONS: "Interactions",
  SERVICE_LEVELS: "Service levels (SLA periods)",
  INCIDENTS: "Incidents",
};

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  description: string;
  /** Other headers that mean the same, compared case-insensitively, ignoring spaces and punctuation. */
  aliases: readonly string[];
}

const unit: ImportField = {
  key: "account",
  label: "Business unit",
  required: true,
  description: "The unit's name as Rapport knows it (any capitalisation). A unit you do not manage, or none of that name, is a bad row.",
  aliases: ["unit", "business unit", "account name", "department", "unit name"],
};

/** A reliability column (lib/import/columns.ts, the unit page's import) as a field of this import. */
const reliability = (key: ColumnKey, label: string, required: boolean): ImportField => ({
  key: COLUMNS[key].name,
  label,
  required,
  description: COLUMNS[key].description,
  aliases: COLUMNS[key].aliases,
});

export const IMPORT_FIELDS: Record<CsvImportKind, readonly ImportField[]> = {
  ACCOUNTS: [
    { key: "name", label: "Name", required: true, description: "The unit's name. A unit of that name (any capitalisation) is updated, not added again.", aliases: ["unit", "unit name", "business unit", "account", "department"] },
    { key: "description", label: "Description", required: false, description: "What the unit does, up to 2,000 characters.", aliases: ["about", "notes"] },
    { key: "criticality", label: "Criticality", required: false, description: "low, medium, high or critical; blank: medium.", aliases: ["priority", "tier"] },
    { key: "meeting_cadence_days", label: "Meeting cadence (days)", required: false, description: "How often IT and the unit agreed to meet, in days (1–365); blank: not agreed.", aliases: ["cadence", "cadence days", "meeting cadence"] },
    { key: "relationship_manager", label: "Relationship manager", required: false, description: "The email of the IT person who manages the relationship; blank: unassigned.", aliases: ["manager", "relationship manager email", "owner", "rm"] },
  ],
  CONTACTS: [
    unit,
    { key: "name", label: "Name", required: true, description: "The person's full name.", aliases: ["full name", "contact", "contact name", "display name"] },
    { key: "email", label: "Email", required: false, description: "Their email address. A contact of the unit with this email (or, without one, this name) is updated, not added again.", aliases: ["email address", "e-mail", "mail"] },
    { key: "title", label: "Job title", required: false, description: "Their job title.", aliases: ["job title", "position"] },
    { key: "phone", label: "Phone", required: false, description: "A phone number such as +44 20 7946 0000.", aliases: ["telephone", "phone number", "mobile"] },
    { key: "role", label: "Part in the relationship", required: false, description: "sponsor, decision maker, budget holder, key user, influencer or other; blank: other.", aliases: ["relationship role", "contact role"] },
    { key: "influence", label: "Influence", required: false, description: "low, medium or high; blank: medium.", aliases: [] },
    { key: "interest", label: "Interest", required: false, description: "low, medium or high; blank: medium.", aliases: [] },
  ],
  INTERACTIONS: [
    unit,
    { key: "occurred_at", label: "When", required: true, description: "YYYY-MM-DD HH:mm (UTC), ISO 8601 with an offset, or a day (YYYY-MM-DD, read as noon UTC). Not in the future.", aliases: ["date", "occurred", "when", "start", "start time"] },
    { key: "type", label: "Type", required: true, description: "meeting, call, email, workshop, escalation, status update or review.", aliases: ["interaction type", "kind", "channel"] },
    { key: "summary", label: "Summary", required: true, description: "A line saying what it was, 3–200 characters.", aliases: ["subject", "title"] },
    { key: "notes", label: "Notes", required: false, description: "IT's notes: what was said. Phrases the articles name are detected as in the form.", aliases: ["description", "minutes", "body"] },
    { key: "topic", label: "Topic for the client", required: false, description: "What it was about, in words the client sees.", aliases: ["topic"] },
    { key: "sentiment", label: "Sentiment", required: false, description: "very negative, negative, neutral, positive or very positive; blank: neutral.", aliases: ["mood", "tone"] },
    { key: "what_happened", label: "What happened", required: false, description: "held, cancelled by IT, cancelled by the client, unanswered by IT, unanswered by the client, no show by IT, no show by the client; blank: held.", aliases: ["outcome", "status"] },
    { key: "business_quote", label: "Quote from the business", required: false, description: "Words the client said, as a quote (its phrases are detected).", aliases: ["client quote", "business said", "client said"] },
    { key: "it_quote", label: "Quote from IT", required: false, description: "Words IT said, as a quote.", aliases: ["it said"] },
  ],
  // An ITSM tool's export across units: each row names its unit. A period of a system is the same
  // record when its unit, system and dates match; an incident when its unit and ticket do.
  SERVICE_LEVELS: [
    unit,
    reliability("system", "Core system", true),
    reliability("periodStart", "Period start", true),
    reliability("periodEnd", "Period end", true),
    reliability("targetPercent", "Target %", true),
    reliability("attainedPercent", "Attained %", true),
  ],
  INCIDENTS: [
    unit,
    reliability("externalRef", "Ticket", true),
    reliability("system", "Core system", true),
    reliability("occurredAt", "Opened at", true),
    reliability("major", "Major", true),
    reliability("heardFromItFirst", "Heard from IT first", false),
    reliability("title", "Title", false),
    reliability("resolvedAt", "Resolved at", false),
  ],
};

export type ColumnMapping = Record<string, number | null>;

/** Each field's column by its label, key or an alias; unmatched fields are not imported. */
export function guessMapping(kind: CsvImportKind, headers: readonly string[]): ColumnMapping {
  const normalised = headers.map(normaliseHeader);
  const taken = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const names = new Set([field.key, field.label, ...field.aliases].map(normaliseHeader));
    const index = normalised.findIndex((header, i) => !taken.has(i) && names.has(header));
    mapping[field.key] = index === -1 ? null : index;
    if (index !== -1) taken.add(index);
  }
  return mapping;
}

/** Why a mapping cannot be used: a required field without a column, a column used twice, an unknown column. */
export function mappingProblems(kind: CsvImportKind, headers: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const used = new Map<number, string>();
  for (const field of IMPORT_FIELDS[kind]) {
    const index = mapping[field.key] ?? null;
    if (index === null) {
      if (field.required) problems.push(`Choose the column for ${field.label}: it is required.`);
      continue;
    }
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) {
      problems.push(`${field.label}: the file has no such column.`);
      continue;
    }
    const other = used.get(index);
    if (other) problems.push(`The column “${headers[index]}” is chosen for both ${other} and ${field.label}: choose one.`);
    else used.set(index, field.label);
  }
  return problems;
}
