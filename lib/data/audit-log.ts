import "server-only";
import { z } from "zod";
import { beforeInTime, keysetRows, newestFirst } from "../csv/keyset";
import type { CsvExport } from "../csv/route";
import { csvFilename } from "../csv/stream";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { RECORD_TYPES, type RecordType, historyPath } from "../validation/history";
import { ForbiddenError } from "./errors";
import { type Actor, seesChangeHistory } from "./permissions";

// The audit log on screen and as CSV (decision 032): every audited change, newest first, filtered
// by who, what (the action, or every action on a kind of record: "rating"), which account and
// when, paged by an opaque cursor over (createdAt, id). For the CIO and administrators, who have
// full access to every account (decision 002); events about no account (users, webhooks, the
// scoring settings) are theirs too. Details are shown as their writers store them: most keep
// { before, after } (or only one of them, and a reason), others plain facts.

export const AUDIT_PAGE_SIZE = 50;

const day = (label: string) => z.iso.date({ error: `Give ${label} as YYYY-MM-DD.` });

/** The page's and the export's filters, from the URL: each optional, an unknown value refused. */
export const auditFilterSchema = z
  .object({
    actorId: idSchema.optional(),
    /** "rating.created", or "rating" for every action on ratings. */
    action: z
      .string()
      .trim()
      .max(80, { error: "An action is at most 80 characters." })
      .regex(/^[A-Za-z][A-Za-z-]*(\.[A-Za-z][A-Za-z-]*)?$/, { error: "Choose an action from the list." })
      .optional(),
    accountId: idSchema.optional(),
    since: day("the first day").transform((value) => new Date(`${value}T00:00:00Z`)).optional(),
    until: day("the last day").transform((value) => new Date(Date.parse(`${value}T00:00:00Z`) + 86_400_000)).optional(),
    cursor: z.string().max(200).optional(),
  })
  .strict()
  .refine((filters) => !filters.since || !filters.until || filters.since < filters.until, { error: "The last day comes before the first.", path: ["until"] });

export type AuditFilters = z.output<typeof auditFilterSchema>;

/** Blank fields in a GET form mean "any". */
export const withoutBlanks = (params: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => typeof value !== "string" || value.trim() !== ""));

const encodeCursor = (row: { createdAt: Date; id: string }) => Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  // A cursor that is not ours starts from the newest, as if none was given.
  return Number.isNaN(createdAt.getTime()) || !idSchema.safeParse(id).success ? null : { createdAt, id: id as string };
}

function requireReader(actor: Actor): void {
  if (!seesChangeHistory(actor)) throw new ForbiddenError("Only the CIO and administrators read the audit log.");
}

function whereOf(filters: AuditFilters): Prisma.AuditEventWhereInput {
  const action = filters.action;
  return {
    ...(filters.actorId && { actorId: filters.actorId }),
    ...(filters.accountId && { accountId: filters.accountId }),
    ...(action && (action.includes(".") ? { action } : { action: { startsWith: `${action}.` } })),
    ...((filters.since || filters.until) && { createdAt: { ...(filters.since && { gte: filters.since }), ...(filters.until && { lt: filters.until }) } }),
  };
}

const select = { id: true, createdAt: true, action: true, entityType: true, entityId: true, accountId: true, details: true, actor: { select: { id: true, name: true } } } as const;
type Row = Prisma.AuditEventGetPayload<{ select: typeof select }>;

/** One field as a change shows it; `before` or `after` is absent when the change created or removed it. */
export interface AuditChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Bookkeeping a reader does not need. */
const HIDDEN = new Set(["id", "updatedAt", "phraseHits", "idempotencyKey"]);

/**
 * An event's details as field changes and other facts: { before, after } field by field (only
 * the fields that differ, when both are there), { after } as created, { before } as removed;
 * anything else (a reason, counts, ids) as facts.
 */
export function readAuditDetails(details: unknown): { changes: AuditChange[]; facts: { key: string; value: unknown }[] } {
  if (!isObject(details)) return { changes: [], facts: details === null || details === undefined ? [] : [{ key: "details", value: details }] };
  const { before, after, ...rest } = details;
  const changes: AuditChange[] = [];
  const facts = Object.entries(rest).map(([key, value]) => ({ key, value }));
  if (isObject(before) || isObject(after)) {
    const b = isObject(before) ? before : undefined;
    const a = isObject(after) ? after : undefined;
    const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((field) => !HIDDEN.has(field));
    for (const field of fields) {
      if (b && a && JSON.stringify(b[field]) === JSON.stringify(a[field])) continue;
      changes.push({ field, ...(b && { before: b[field] ?? null }), ...(a && { after: a[field] ?? null }) });
    }
  } else {
    // A value before and after that is not a record (alert emails on or off).
    if (before !== undefined || after !== undefined) changes.push({ field: "value", ...(before !== undefined && { before }), ...(after !== undefined && { after }) });
  }
  return { changes, facts };
}

export interface AuditEntry {
  id: string;
  at: Date;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  account: { id: string; name: string } | null;
  /** The record's own change history page, for the kinds that have one. */
  historyHref: string | null;
  changes: AuditChange[];
  facts: { key: string; value: unknown }[];
}

async function accountNames(ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db().account.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

const isRecordType = (value: string): value is RecordType => (RECORD_TYPES as readonly string[]).includes(value);

function entryOf(row: Row, names: Map<string, string>): AuditEntry {
  const name = row.accountId ? names.get(row.accountId) : undefined;
  return {
    id: row.id,
    at: row.createdAt,
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    account: row.accountId ? { id: row.accountId, name: name ?? "(a deleted unit)" } : null,
    historyHref: isRecordType(row.entityType) ? historyPath(row.entityType, row.entityId) : null,
    ...readAuditDetails(row.details),
  };
}

/** One page of the log, newest first, and the cursor of the next (null on the last page). */
export async function listAuditLog(actor: Actor, filters: AuditFilters, { pageSize = AUDIT_PAGE_SIZE }: { pageSize?: number } = {}): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  requireReader(actor);
  const rows = await db().auditEvent.findMany({
    where: { AND: [whereOf(filters), beforeInTime(decodeCursor(filters.cursor))] },
    orderBy: newestFirst,
    take: pageSize + 1,
    select,
  });
  const page = rows.slice(0, pageSize);
  const names = await accountNames(page.map((row) => row.accountId));
  const last = page.at(-1);
  return { entries: page.map((row) => entryOf(row, names)), nextCursor: rows.length > pageSize && last ? encodeCursor(last) : null };
}

/** What the filters offer: people who changed something, the actions recorded, the units. */
export async function auditFilterOptions(actor: Actor) {
  requireReader(actor);
  const prisma = db();
  const [users, actions, accounts] = await Promise.all([
    prisma.user.findMany({ where: { auditEvents: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
    prisma.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM audit_events ORDER BY action`,
    prisma.account.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { users, actions: actions.map((row) => row.action), accounts };
}

const cell = (value: unknown): string => (value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value));

/** The same entries as CSV, streamed in batches (lib/csv); the changes as "field: before → after" lines. */
export async function exportAuditLog(actor: Actor, filters: AuditFilters): Promise<CsvExport<AuditEntry>> {
  requireReader(actor);
  const where = whereOf(filters);
  const start = decodeCursor(filters.cursor);
  async function* entries(): AsyncGenerator<AuditEntry> {
    let batch: Row[] = [];
    for await (const row of keysetRows<Row>((after, take) => db().auditEvent.findMany({ where: { AND: [where, beforeInTime(after ?? start)] }, orderBy: newestFirst, take, select }))) {
      batch.push(row);
      if (batch.length === 500) {
        const names = await accountNames(batch.map((r) => r.accountId));
        yield* batch.map((r) => entryOf(r, names));
        batch = [];
      }
    }
    const names = await accountNames(batch.map((r) => r.accountId));
    yield* batch.map((r) => entryOf(r, names));
  }
  return {
    filename: csvFilename("audit-log"),
    columns: [
      { header: "at", value: (entry) => entry.at },
      { header: "who", value: (entry) => entry.actor?.name ?? "" },
      { header: "action", value: (entry) => entry.action },
      { header: "record_type", value: (entry) => entry.entityType },
      { header: "record_id", value: (entry) => entry.entityId },
      { header: "account", value: (entry) => entry.account?.name ?? "" },
      {
        header: "changes",
        value: (entry) => entry.changes.map((c) => `${c.field}: ${"before" in c ? cell(c.before) : "(none)"} → ${"after" in c ? cell(c.after) : "(removed)"}`).join("\n"),
      },
      { header: "other_details", value: (entry) => entry.facts.map((f) => `${f.key}: ${cell(f.value)}`).join("\n") },
    ],
    rows: entries(),
  };
}
