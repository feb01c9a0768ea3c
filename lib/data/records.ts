import "server-only";
import type { z } from "zod";
import { db } from "../db/client";
import { idSchema } from "../validation/fields";
import { type AccountWriteResult, auditJson, changedFields, writeForAccount } from "./account-write";
import type { Tx } from "./audit";
import { NotFoundError } from "./errors";
import type { Actor } from "./permissions";

// Create, correct and soft-delete for the records IT keeps about an account (projects, SLA periods,
// incidents, structural events, goals, bad news, …). Each kind names its table, its zod schema and
// how input becomes columns; the lifecycle (access check, audit with before and after, soft delete
// with a reason, re-diagnosis in the same transaction) is written once, here.

type Row = Record<string, unknown> & { id: string };

/** The part of a Prisma model delegate this module uses (every kind's table has these columns). */
export interface RecordTable {
  create(args: { data: Record<string, unknown> }): Promise<Row>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<Row>;
  findFirst(args: { where: Record<string, unknown> }): Promise<Row | null>;
}

export interface WriteContext {
  tx: Tx;
  actor: Actor;
  accountId: string;
  now: Date;
  /** The record being corrected (updates only), so a check can tell it from a duplicate. */
  recordId?: string;
}

export interface RecordKind<S extends z.ZodType> {
  /** Audit entity type and action prefix: "Project" → "project.created". */
  entityType: string;
  /** For messages: "project", "SLA period". */
  label: string;
  schema: S;
  table: (tx: Tx) => RecordTable;
  /** Columns to write from validated input (without the account id). */
  toData: (input: z.output<S>, context: WriteContext) => Record<string, unknown>;
  /** Input that is valid alone but not for this account (a contact of another unit): throw InputConflictError. */
  check?: (input: z.output<S>, context: WriteContext) => Promise<void>;
  /** Records that hang off another record name their account through it (a goal review's goal). */
  accountIdOf?: (tx: Tx, id: string) => Promise<string | null>;
  /** Columns that join the account when the table has no account_id (create only). */
  parentData?: (accountId: string) => Record<string, unknown>;
  /** Further writes in the same transaction, e.g. a project's status history. */
  afterWrite?: (row: Row, before: Row | null, input: z.output<S>, context: WriteContext) => Promise<void>;
}

const action = (kind: RecordKind<z.ZodType>, verb: string) => `${kind.entityType.charAt(0).toLowerCase()}${kind.entityType.slice(1)}.${verb}`;

async function findLive<S extends z.ZodType>(kind: RecordKind<S>, recordId: string): Promise<{ id: string; accountId: string }> {
  const id = idSchema.safeParse(recordId);
  if (!id.success) throw new NotFoundError(kind.label);
  const tx = db() as unknown as Tx;
  const accountId = kind.accountIdOf
    ? await kind.accountIdOf(tx, id.data)
    : ((await kind.table(tx).findFirst({ where: { id: id.data, deletedAt: null } }))?.accountId as string | undefined);
  if (!accountId) throw new NotFoundError(kind.label);
  return { id: id.data, accountId };
}

/** Missing records and records of accounts the caller may not write look the same. */
const asMissing = (label: string) => (error: unknown) => {
  throw error instanceof NotFoundError ? new NotFoundError(label) : error;
};

export async function createRecord<S extends z.ZodType>(
  kind: RecordKind<S>,
  actor: Actor,
  accountId: string,
  input: z.output<S>,
  now = new Date(),
): Promise<AccountWriteResult<{ id: string }>> {
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const context = { tx, actor, accountId, now };
      await kind.check?.(input, context);
      const link = kind.parentData ? kind.parentData(accountId) : { accountId };
      // Stamped with the request's `now`, so this request's re-diagnosis (and a replay) sees it.
      const row = await kind.table(tx).create({ data: { ...kind.toData(input, context), ...link, createdAt: now } });
      await kind.afterWrite?.(row, null, input, context);
      return {
        result: { id: row.id },
        audit: { action: action(kind, "created"), entityType: kind.entityType, entityId: row.id, details: auditJson({ after: row }) },
      };
    },
    { now },
  );
}

export async function updateRecord<S extends z.ZodType>(
  kind: RecordKind<S>,
  actor: Actor,
  recordId: string,
  input: z.output<S>,
  now = new Date(),
): Promise<AccountWriteResult<{ id: string; changed: number }>> {
  const { id, accountId } = await findLive(kind, recordId);
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const context = { tx, actor, accountId, now, recordId: id };
      await kind.check?.(input, context);
      const before = await kind.table(tx).findFirst({ where: { id, deletedAt: null } });
      if (!before) throw new NotFoundError(kind.label); // deleted meanwhile
      const row = await kind.table(tx).update({ where: { id }, data: kind.toData(input, context) });
      await kind.afterWrite?.(row, before, input, context);
      const details = changedFields(before, row) as { before: object };
      const changed = Object.keys(details.before).length;
      return {
        result: { id, changed },
        audit: changed ? { action: action(kind, "updated"), entityType: kind.entityType, entityId: id, details } : null,
      };
    },
    { now },
  ).catch(asMissing(kind.label));
}

/** Soft delete: the record leaves the diagnosis and the screens; the audit log keeps it and why. */
export async function deleteRecord<S extends z.ZodType>(
  kind: RecordKind<S>,
  actor: Actor,
  recordId: string,
  reason: string,
  now = new Date(),
): Promise<AccountWriteResult<{ id: string }>> {
  const { id, accountId } = await findLive(kind, recordId);
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const before = await kind.table(tx).findFirst({ where: { id, deletedAt: null } });
      if (!before) throw new NotFoundError(kind.label);
      await kind.table(tx).update({ where: { id }, data: { deletedAt: now, deleteReason: reason } });
      return {
        result: { id },
        audit: { action: action(kind, "deleted"), entityType: kind.entityType, entityId: id, details: auditJson({ before, reason }) },
      };
    },
    { now },
  ).catch(asMissing(kind.label));
}
