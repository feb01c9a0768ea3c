import "server-only";
import { type BadRow, parseReliabilityCsv } from "../import/reliability-csv";
import type { IncidentInput } from "../validation/incident";
import type { SlaPeriodInput } from "../validation/sla";
import { auditJson, type StageChange, writeForAccount } from "./account-write";
import type { Tx } from "./audit";
import { listCoreSystems } from "./core-systems";
import { InputConflictError } from "./errors";
import type { Actor } from "./permissions";

// A month of SLA and incident rows from an ITSM tool's CSV export, stored all or nothing. Uploading
// the same file again changes nothing: an SLA period is the same record when its system and
// period match, an incident when its ticket number does; those are updated, not added again.

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportOutcome =
  | { ok: true; sla: Counts; incidents: Counts; change: StageChange }
  | { ok: false; fileError: string }
  | { ok: false; badRows: BadRow[]; rowCount: number };

type Change = { id: string; before: Record<string, unknown>; after: Record<string, unknown> };

/** The fields of `next` whose values differ from `current`'s (dates by instant). */
export function differences(current: Record<string, unknown>, next: Record<string, unknown>): Change["before"] | null {
  const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);
  const keys = Object.keys(next).filter((key) => !same(current[key], next[key]));
  return keys.length > 0 ? Object.fromEntries(keys.map((key) => [key, current[key]])) : null;
}

/**
 * Reads the file against the account's core systems and, only when every row is good, writes
 * them in one transaction with one audit event (file name, counts, what changed) and one
 * re-diagnosis. A bad file writes nothing and says why, row by row.
 */
export async function importReliabilityCsv(actor: Actor, accountId: string, file: { name: string; bytes: Uint8Array }, now = new Date()): Promise<ImportOutcome> {
  const systems = await listCoreSystems(actor, accountId); // checks the caller's access to the account
  const parsed = parseReliabilityCsv(file.bytes, systems);
  if (!parsed.ok) return parsed;

  const { result, change } = await writeForAccount(
    actor,
    accountId,
    async (tx) => {
      // Two uploads of one file at once must not both add its rows: the second waits, then finds them.
      await tx.$queryRaw`SELECT id FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`;
      await assertSystemsStillLive(tx, accountId, [...parsed.sla, ...parsed.incidents].map((row) => row.input.coreSystemId));
      const sla = await upsert(slaPeriods(tx, accountId, now), parsed.sla.map((row) => row.input));
      const incident = await upsert(incidents(tx, accountId, now), parsed.incidents.map((row) => row.input));
      const counts = { sla: sla.counts, incidents: incident.counts };
      const changed = sla.counts.created + sla.counts.updated + incident.counts.created + incident.counts.updated > 0;
      return {
        result: counts,
        // Like a correction that changes nothing, an upload of rows already recorded leaves no audit event.
        audit: changed
          ? {
              action: "reliability.imported",
              entityType: "Account",
              entityId: accountId,
              details: auditJson({ fileName: file.name, ...counts, created: { sla: sla.created, incidents: incident.created }, updated: { sla: sla.updated, incidents: incident.updated } }),
            }
          : null,
      };
    },
    { now },
  );
  return { ok: true, ...result, change };
}

/** A system deleted between reading the file and writing it: the rows would hang off a deleted one. */
async function assertSystemsStillLive(tx: Tx, accountId: string, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const live = await tx.coreSystem.count({ where: { id: { in: wanted }, accountId, deletedAt: null } });
  if (live !== wanted.length) throw new InputConflictError("A core system of this unit was changed while the file was read. Upload the file again.");
}

type Stored = { id: string } & Record<string, unknown>;

/** How one table's rows are matched and written. */
interface Upsert<Row> {
  /** The live records the rows might already be, oldest first. */
  existing: (rows: Row[]) => Promise<Stored[]>;
  /** Same key, same record. */
  key: (row: Row | Stored) => string;
  /** The columns an upload may correct. */
  fields: (row: Row) => Record<string, unknown>;
  update: (id: string, data: Record<string, unknown>) => Promise<unknown>;
  create: (rows: Row[]) => Promise<{ id: string }[]>;
}

/** Adds the rows not yet recorded and corrects those recorded with other values. */
async function upsert<Row>(table: Upsert<Row>, rows: Row[]) {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const updated: Change[] = [];
  if (rows.length === 0) return { counts, created: [] as string[], updated };
  const byKey = new Map<string, Stored>();
  for (const record of await table.existing(rows)) if (!byKey.has(table.key(record))) byKey.set(table.key(record), record);
  const fresh: Row[] = [];
  for (const row of rows) {
    const current = byKey.get(table.key(row));
    if (!current) {
      fresh.push(row);
      continue;
    }
    const after = table.fields(row);
    const before = differences(current, after);
    if (!before) {
      counts.unchanged++;
      continue;
    }
    await table.update(current.id, after);
    updated.push({ id: current.id, before, after: Object.fromEntries(Object.keys(before).map((key) => [key, after[key]])) });
    counts.updated++;
  }
  const created = await table.create(fresh);
  counts.created = created.length;
  return { counts, created: created.map((row) => row.id), updated };
}

// Stamped with the request's `now`, like every record, so this request's re-diagnosis sees them.

const slaPeriods = (tx: Tx, accountId: string, now: Date): Upsert<SlaPeriodInput> => ({
  existing: (rows) => {
    const starts = rows.map((row) => row.periodStart.getTime());
    return tx.slaPeriod.findMany({
      where: { accountId, deletedAt: null, periodStart: { gte: new Date(Math.min(...starts)), lte: new Date(Math.max(...starts)) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, coreSystemId: true, periodStart: true, periodEnd: true, targetPercent: true, attainedPercent: true },
    });
  },
  key: (p) => `${p.coreSystemId} ${(p.periodStart as Date).toISOString()} ${(p.periodEnd as Date).toISOString()}`,
  fields: ({ targetPercent, attainedPercent }) => ({ targetPercent, attainedPercent }),
  update: (id, data) => tx.slaPeriod.update({ where: { id }, data }),
  create: (rows) => tx.slaPeriod.createManyAndReturn({ data: rows.map((row) => ({ ...row, accountId, createdAt: now })), select: { id: true } }),
});

const incidents = (tx: Tx, accountId: string, now: Date): Upsert<IncidentInput> => ({
  existing: (rows) =>
    tx.incident.findMany({
      where: { accountId, deletedAt: null, externalRef: { in: rows.map((row) => row.externalRef as string) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, externalRef: true, coreSystemId: true, title: true, occurredAt: true, resolvedAt: true, major: true, heardFromItFirst: true },
    }),
  key: (incident) => String(incident.externalRef),
  fields: (row) => row,
  update: (id, data) => tx.incident.update({ where: { id }, data }),
  create: (rows) => tx.incident.createManyAndReturn({ data: rows.map((row) => ({ ...row, accountId, createdAt: now })), select: { id: true } }),
});
