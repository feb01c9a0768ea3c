import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { recomputeAccountHealth } from "../health/recompute";
import type { CsvImportKind } from "../import/records/fields";
import type { ImportRow } from "../import/records/rows";
import { interactionTextPhrases } from "../scoring/phrases/sources";
import { auditJson, type StageChange } from "./account-write";
import { recordAudit, type Tx } from "./audit";
import { InputConflictError } from "./errors";
import { quoteData } from "./interaction-rows";
import type { Actor } from "./permissions";
import { differences } from "./reliability-import";

// How a checked CSV import matches what is stored (the plan) and writes it, in one transaction.
// No "server-only" marker: the import job runs it; lib/data/csv-imports.ts checks the actor.

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** A unit the import wrote to, for the links on its outcome. */
export interface ImportedUnit {
  id: string;
  name: string;
}

type Client = PrismaClient | Tx;

/** What each row will do: create, update (with the fields that differ), or nothing. */
interface Plan {
  counts: ImportCounts;
  creates: ImportRow[];
  updates: { row: ImportRow; id: string; accountId: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
}

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/** The stored records the rows are, by the rows' natural keys. */
async function existingByKey(client: Client, kind: CsvImportKind, rows: ImportRow[]): Promise<Map<string, { id: string; accountId: string } & Record<string, unknown>>> {
  const accountIds = [...new Set(rows.map((row) => row.accountId).filter((id): id is string => id !== null))];
  if (kind === "ACCOUNTS") {
    const units = await client.account.findMany({
      where: { OR: rows.map((row) => ({ name: { equals: String(row.create.name), mode: "insensitive" as const } })) },
      select: { id: true, name: true, description: true, criticality: true, meetingCadenceDays: true, relationshipManagerId: true },
    });
    return new Map(units.map((unit) => [fold(unit.name), { ...unit, accountId: unit.id }]));
  }
  if (kind === "CONTACTS") {
    const contacts = await client.contact.findMany({
      where: { accountId: { in: accountIds } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, accountId: true, name: true, title: true, email: true, phone: true, role: true, influence: true, interest: true },
    });
    const byKey = new Map<string, (typeof contacts)[number]>();
    // The oldest contact of a name or email is the one a row means.
    for (const contact of contacts) {
      for (const key of [contact.email ? `${contact.accountId} email ${fold(contact.email)}` : null, `${contact.accountId} name ${fold(contact.name)}`]) {
        if (key && !byKey.has(key)) byKey.set(key, contact);
      }
    }
    return byKey;
  }
  if (kind === "SERVICE_LEVELS") {
    const starts = rows.map((row) => (row.create.periodStart as Date).getTime());
    const periods = await client.slaPeriod.findMany({
      where: { accountId: { in: accountIds }, deletedAt: null, periodStart: { gte: new Date(Math.min(...starts)), lte: new Date(Math.max(...starts)) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, accountId: true, coreSystemId: true, periodStart: true, periodEnd: true, targetPercent: true, attainedPercent: true },
    });
    return firstByKey(periods, (p) => `${p.accountId} ${p.coreSystemId} ${p.periodStart.toISOString()} ${p.periodEnd.toISOString()}`);
  }
  if (kind === "INCIDENTS") {
    const incidents = await client.incident.findMany({
      where: { accountId: { in: accountIds }, deletedAt: null, externalRef: { in: rows.map((row) => String(row.create.externalRef)) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, accountId: true, externalRef: true, coreSystemId: true, title: true, occurredAt: true, resolvedAt: true, major: true, heardFromItFirst: true },
    });
    return firstByKey(incidents, (i) => `${i.accountId} ${i.externalRef}`);
  }
  // A deleted imported interaction counts as there: deleting it was a decision, not a gap to refill.
  const interactions = await client.interaction.findMany({
    where: { accountId: { in: accountIds }, importKey: { in: rows.map((row) => row.key) } },
    select: { id: true, accountId: true, importKey: true },
  });
  return new Map(interactions.map((i) => [i.importKey as string, i]));
}

/** The oldest record of each key is the one a row means (as on the unit page's import). */
function firstByKey<T extends { id: string; accountId: string }>(records: T[], key: (record: T) => string) {
  const byKey = new Map<string, T>();
  for (const record of records) if (!byKey.has(key(record))) byKey.set(key(record), record);
  return byKey;
}

export async function planImport(client: Client, kind: CsvImportKind, rows: ImportRow[]): Promise<Plan> {
  const existing = await existingByKey(client, kind, rows);
  const plan: Plan = { counts: { created: 0, updated: 0, unchanged: 0 }, creates: [], updates: [] };
  for (const row of rows) {
    const current = existing.get(row.key);
    if (!current) {
      plan.creates.push(row);
      continue;
    }
    const before = differences(current, row.update);
    if (!before) {
      plan.counts.unchanged++;
      continue;
    }
    plan.updates.push({ row, id: current.id, accountId: current.accountId, before, after: Object.fromEntries(Object.keys(before).map((key) => [key, row.update[key]])) });
  }
  plan.counts.created = plan.creates.length;
  plan.counts.updated = plan.updates.length;
  return plan;
}

const CHUNK = 250;

/**
 * Writes the rows in one transaction: matched again under a lock on the units concerned (two
 * imports of one file at once add its rows once), audited per unit, each unit re-diagnosed once.
 * `progress` is told the rows done after each chunk; it must not write through the transaction
 * (PGlite has one connection: pass null there).
 */
export async function writeImport(
  prisma: PrismaClient,
  actor: Actor,
  file: { id: string; kind: CsvImportKind; fileName: string },
  rows: ImportRow[],
  now: Date,
  progress: ((done: number) => Promise<void>) | null,
): Promise<{ counts: ImportCounts; units: ImportedUnit[]; stageChanges: StageChange[] }> {
  return prisma.$transaction(
    async (tx) => {
      const unitIds = [...new Set(rows.map((row) => row.accountId).filter((id): id is string => id !== null))].sort();
      if (unitIds.length > 0) await tx.$queryRaw`SELECT id FROM accounts WHERE id = ANY(${unitIds}::text[]) ORDER BY id FOR NO KEY UPDATE`;
      const plan = await planImport(tx, file.kind, rows);
      const before = new Map((await tx.account.findMany({ where: { id: { in: unitIds } }, select: { id: true, name: true, healthStage: true } })).map((a) => [a.id, a]));

      const touched = new Map<string, { created: string[]; updated: { id: string; before: unknown; after: unknown }[] }>();
      const note = (accountId: string) => touched.get(accountId) ?? touched.set(accountId, { created: [], updated: [] }).get(accountId)!;
      let done = plan.counts.unchanged;

      for (let i = 0; i < plan.creates.length; i += CHUNK) {
        const chunk = plan.creates.slice(i, i + CHUNK);
        for (const { accountId, id } of await create(tx, actor, file.kind, chunk, now)) note(accountId).created.push(id);
        done += chunk.length;
        await progress?.(done);
      }
      for (let i = 0; i < plan.updates.length; i += CHUNK) {
        const chunk = plan.updates.slice(i, i + CHUNK);
        for (const update of chunk) {
          await applyUpdate(tx, actor, file.kind, update, now);
          note(update.accountId).updated.push({ id: update.id, before: update.before, after: update.after });
        }
        done += chunk.length;
        await progress?.(done);
      }

      const stageChanges: StageChange[] = [];
      for (const [accountId, changes] of touched) {
        await recordAudit(tx, {
          actorId: actor.id,
          action: "csv.imported",
          entityType: "Account",
          entityId: accountId,
          accountId,
          details: auditJson({ importId: file.id, fileName: file.fileName, kind: file.kind, created: changes.created, updated: changes.updated }),
        });
        const diagnosis = await recomputeAccountHealth(tx, accountId, now);
        const was = before.get(accountId);
        if (was && was.healthStage !== diagnosis.stage) stageChanges.push({ accountId, accountName: was.name, from: was.healthStage, to: diagnosis.stage });
      }
      const units = await tx.account.findMany({ where: { id: { in: [...touched.keys()] } }, orderBy: { name: "asc" }, select: { id: true, name: true } });
      return { counts: plan.counts, units, stageChanges };
    },
    // 5,000 rows with their re-diagnoses take seconds, far beyond Prisma's 5-second default.
    { timeout: 15 * 60_000, maxWait: 60_000 },
  );
}

async function create(tx: Tx, actor: Actor, kind: CsvImportKind, rows: ImportRow[], now: Date): Promise<{ accountId: string; id: string }[]> {
  if (kind === "ACCOUNTS") {
    const made: { accountId: string; id: string }[] = [];
    for (const row of rows) {
      const { relationshipManagerId, ...details } = row.create as Prisma.AccountUncheckedCreateInput & { relationshipManagerId: string | null };
      const taken = await tx.account.findFirst({ where: { name: { equals: details.name, mode: "insensitive" } }, select: { id: true } });
      if (taken) throw new InputConflictError(`line ${row.line}: a unit named “${details.name}” was added meanwhile. Check the rows again.`);
      const account = await tx.account.create({
        data: { ...details, relationshipManagerId, createdAt: now, ownerships: { create: { managerId: relationshipManagerId, startedAt: now, assignedById: actor.id } } },
        select: { id: true },
      });
      made.push({ accountId: account.id, id: account.id });
    }
    return made;
  }
  // Stamped with the job's `now`, like every record, so the re-diagnosis that follows counts them.
  const stamped = <T>(row: ImportRow) => ({ ...(row.create as T), createdAt: now });
  const select = { id: true, accountId: true } as const;
  if (kind === "CONTACTS") return tx.contact.createManyAndReturn({ data: rows.map(stamped<Prisma.ContactCreateManyInput>), select });
  if (kind === "SERVICE_LEVELS") return tx.slaPeriod.createManyAndReturn({ data: rows.map(stamped<Prisma.SlaPeriodCreateManyInput>), select });
  if (kind === "INCIDENTS") return tx.incident.createManyAndReturn({ data: rows.map(stamped<Prisma.IncidentCreateManyInput>), select });
  const made = await tx.interaction.createManyAndReturn({
    data: rows.map((row) => {
      const { quotes: _quotes, ...fields } = row.create as Prisma.InteractionCreateManyInput & { quotes: unknown };
      return { ...fields, phraseHits: interactionTextPhrases(fields.summary, fields.notes), loggedById: actor.id, createdAt: now };
    }),
    select: { id: true, accountId: true, importKey: true },
  });
  const idOf = new Map(made.map((i) => [`${i.accountId} ${i.importKey}`, i.id]));
  const quotes = rows.flatMap((row) =>
    (row.create.quotes as { side: "BUSINESS" | "IT"; text: string }[]).map((quote) => ({ ...quoteData(quote), interactionId: idOf.get(`${row.accountId} ${row.key}`)!, createdAt: now })),
  );
  if (quotes.length > 0) await tx.quote.createMany({ data: quotes });
  return made;
}

async function applyUpdate(tx: Tx, actor: Actor, kind: CsvImportKind, update: Plan["updates"][number], now: Date) {
  if (kind === "CONTACTS") return void (await tx.contact.update({ where: { id: update.id }, data: update.after }));
  if (kind === "SERVICE_LEVELS") return void (await tx.slaPeriod.update({ where: { id: update.id }, data: update.after }));
  if (kind === "INCIDENTS") return void (await tx.incident.update({ where: { id: update.id }, data: update.after }));
  // Units: a new manager starts a new ownership, as a reassignment on screen does.
  const { relationshipManagerId } = update.after as { relationshipManagerId?: string | null };
  if (relationshipManagerId !== undefined) {
    await tx.accountOwnership.updateMany({ where: { accountId: update.id, endedAt: null }, data: { endedAt: now } });
    await tx.accountOwnership.create({ data: { accountId: update.id, managerId: relationshipManagerId, startedAt: now, assignedById: actor.id } });
  }
  await tx.account.update({ where: { id: update.id }, data: update.after as Prisma.AccountUncheckedUpdateInput });
}
