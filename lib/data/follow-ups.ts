import "server-only";
import type { z } from "zod";
import { db } from "../db/client";
import type { InteractionType, Side } from "../generated/prisma/enums";
import { recomputeAccountHealth } from "../health/recompute";
import { idSchema } from "../validation/fields";
import { followUpInputSchema } from "../validation/interaction";
import { auditJson } from "./account-write";
import { openAccount } from "./accounts";
import { recordAudit } from "./audit";
import { NotFoundError } from "./errors";
import { followUpDueDate } from "./interaction-rows";
import { type Actor, canLogInteraction } from "./permissions";
import { visibleRecord } from "./record-access";
import { deleteRecord, type RecordKind, type RecordTable, updateRecord } from "./records";

/** A follow-up corrected or deleted on its own: the records lifecycle (audit before/after, re-diagnosis). */
const followUpKind: RecordKind<typeof followUpInputSchema> = {
  entityType: "FollowUp",
  label: "follow-up",
  schema: followUpInputSchema,
  table: (tx) => tx.followUp as unknown as RecordTable,
  toData: ({ description, owedBy, dueDate }) => ({ description, owedBy, dueDate: followUpDueDate(dueDate) }),
};

export const updateFollowUp = (actor: Actor, followUpId: string, input: z.output<typeof followUpInputSchema>, now = new Date()) =>
  updateRecord(followUpKind, actor, followUpId, input, now);

export const deleteFollowUp = (actor: Actor, followUpId: string, reason: string, now = new Date()) => deleteRecord(followUpKind, actor, followUpId, reason, now);

/** One follow-up as its correction form starts (IT with full access). */
export async function getFollowUpForEdit(actor: Actor, followUpId: string) {
  const id = idSchema.safeParse(followUpId);
  const row = id.success
    ? await db().followUp.findFirst({
        where: { id: id.data, deletedAt: null },
        select: {
          id: true,
          accountId: true,
          description: true,
          owedBy: true,
          dueDate: true,
          doneAt: true,
          interaction: { select: { id: true, type: true, occurredAt: true, summary: true, deletedAt: true } },
        },
      })
    : null;
  return visibleRecord(actor, row, "follow-up");
}

/** Midnight UTC of `now`: due dates are calendar days, overdue once the day has passed. */
const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

type OpenRow = { id: string; description: string; owed_by: Side; due_date: Date; interaction_id: string | null; type: InteractionType | null; occurred_at: Date | null };

/**
 * What each side still owes, soonest due first, with the overdue ones marked: the summary at the
 * top of the timeline. A client sees it too (the access policy shows them what each side owes).
 * One statement with the interaction each was agreed in joined (a second one through Prisma's
 * relation select, on every account page).
 */
export async function getOpenFollowUps(actor: Actor, accountId: string, now = new Date()) {
  const access = await openAccount(actor, accountId);
  const rows = await db().$queryRaw<OpenRow[]>`
    SELECT f.id, f.description, f.owed_by::text AS owed_by, f.due_date, i.id AS interaction_id, i.type::text AS type, i.occurred_at
    FROM follow_ups f LEFT JOIN interactions i ON i.id = f.interaction_id
    WHERE f.account_id = ${accountId} AND f.done_at IS NULL AND f.deleted_at IS NULL
    ORDER BY f.due_date, f.id LIMIT 200`;
  const today = startOfDay(now);
  const open = rows.map((row) => {
    const dueDate = new Date(row.due_date);
    const interaction = row.interaction_id === null ? null : { id: row.interaction_id, type: row.type as InteractionType, occurredAt: new Date(row.occurred_at as Date) };
    return { id: row.id, description: row.description, owedBy: row.owed_by, dueDate, interaction, overdue: dueDate < today };
  });
  return { access, it: open.filter((row) => row.owedBy === "IT"), business: open.filter((row) => row.owedBy === "BUSINESS") };
}

export type OpenFollowUps = Awaited<ReturnType<typeof getOpenFollowUps>>;

/**
 * Marks a follow-up done (once: a second call keeps the first date) and re-diagnoses its account,
 * since overdue follow-ups owed by IT are a symptom.
 */
export async function completeFollowUp(actor: Actor, followUpId: string, now = new Date()) {
  const id = idSchema.safeParse(followUpId);
  const followUp = id.success
    ? await db().followUp.findFirst({ where: { id: id.data, deletedAt: null }, select: { id: true, accountId: true, description: true } })
    : null;
  if (!followUp) throw new NotFoundError("follow-up");
  await openAccount(actor, followUp.accountId, canLogInteraction).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("follow-up") : error;
  });

  return db().$transaction(async (tx) => {
    // Only the first of two concurrent clicks completes it.
    const completed = await tx.followUp.updateMany({ where: { id: followUp.id, doneAt: null, deletedAt: null }, data: { doneAt: now } });
    if (completed.count === 0) {
      const stored = await tx.followUp.findFirst({ where: { id: followUp.id, deletedAt: null }, select: { doneAt: true } });
      if (!stored?.doneAt) throw new NotFoundError("follow-up"); // deleted meanwhile
      return { id: followUp.id, accountId: followUp.accountId, description: followUp.description, doneAt: stored.doneAt, already: true };
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "followUp.completed",
      entityType: "FollowUp",
      entityId: followUp.id,
      accountId: followUp.accountId,
      details: auditJson({ before: { doneAt: null }, after: { doneAt: now } }),
    });
    await recomputeAccountHealth(tx, followUp.accountId, now);
    return { id: followUp.id, accountId: followUp.accountId, description: followUp.description, doneAt: now, already: false };
  });
}
