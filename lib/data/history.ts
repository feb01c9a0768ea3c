import "server-only";
import { db } from "../db/client";
import { idSchema } from "../validation/fields";
import type { RecordType } from "../validation/history";
import { openAccount } from "./accounts";
import { ForbiddenError, NotFoundError } from "./errors";
import { type Actor, canLogInteraction, seesChangeHistory } from "./permissions";
import { nameRecords, type RecordName } from "./record-names";

/** One field's values before and after a change; `before` is absent when the record was created. */
export interface FieldChange {
  field: string;
  before?: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: Date;
  /** Null when the user has since been removed. */
  actorName: string | null;
  /** The audit verb: created, updated, deleted, completed, withdrawn… */
  verb: string;
  /** For a change to a part of the record (a quote of an interaction): that part's name. */
  part: string | null;
  changes: FieldChange[];
  /** Why it was deleted. */
  reason: string | null;
}

/** Bookkeeping columns nobody corrects: left out of the history. */
const HIDDEN = new Set(["id", "accountId", "interactionId", "goalId", "userId", "loggedById", "createdAt", "updatedAt", "deletedAt", "deleteReason", "phraseHits", "idempotencyKey"]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Reads an audit event's details ({ before, after }, { after } or { before, reason }) as field changes. */
function changesOf(details: unknown): { changes: FieldChange[]; reason: string | null } {
  if (!isObject(details)) return { changes: [], reason: null };
  const reason = typeof details.reason === "string" ? details.reason : null;
  const { before, after } = details;
  if (!isObject(after)) return { changes: [], reason };
  const fields = Object.keys(after).filter((field) => !HIDDEN.has(field));
  const changes = isObject(before) ? fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] })) : fields.map((field) => ({ field, after: after[field] }));
  return { changes, reason };
}

/**
 * A record's change history, newest first: who changed it, when, each field before and after,
 * and why it was deleted. An interaction's history includes its quotes and follow-ups. For the
 * CIO and admins only (403 for other roles, which reveals nothing about the record); a record
 * that does not exist, or of an account the caller may not see, is not found.
 */
export async function getRecordHistory(actor: Actor, entityType: RecordType, entityId: string): Promise<{ record: RecordName; entries: HistoryEntry[] }> {
  if (!seesChangeHistory(actor)) throw new ForbiddenError("Only the CIO and administrators see a record's change history.");
  const id = idSchema.safeParse(entityId);
  const [record] = id.success ? await nameRecords([id.data], { kinds: [entityType], live: false }) : [];
  if (!record) throw new NotFoundError("record");
  await openAccount(actor, record.accountId, canLogInteraction).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("record") : error;
  });

  const parts = entityType === "Interaction" ? await partsOf(record.id) : [];
  const partNames = new Map((await nameRecords(parts.map((part) => part.id), { kinds: ["Quote", "FollowUp"], live: false })).map((part) => [part.id, part.name]));
  const events = await db().auditEvent.findMany({
    where: { OR: [{ entityType, entityId: record.id }, ...parts.map((part) => ({ entityType: part.entityType, entityId: part.id }))] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, action: true, entityId: true, createdAt: true, details: true, actor: { select: { name: true } } },
  });
  const entries = events.map((event) => ({
    id: event.id,
    at: event.createdAt,
    actorName: event.actor?.name ?? null,
    verb: event.action.slice(event.action.indexOf(".") + 1),
    part: event.entityId === record.id ? null : (partNames.get(event.entityId) ?? null),
    ...changesOf(event.details),
  }));
  return { record, entries };
}

/** An interaction's quotes and follow-ups, deleted ones included: their changes are its history too. */
async function partsOf(interactionId: string) {
  const [quotes, followUps] = await Promise.all([
    db().quote.findMany({ where: { interactionId }, select: { id: true } }),
    db().followUp.findMany({ where: { interactionId }, select: { id: true } }),
  ]);
  return [...quotes.map((q) => ({ id: q.id, entityType: "Quote" })), ...followUps.map((f) => ({ id: f.id, entityType: "FollowUp" }))];
}
