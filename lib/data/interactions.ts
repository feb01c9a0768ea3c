import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { recomputeAccountHealth } from "../health/recompute";
import { interactionTextPhrases } from "../scoring/phrases/sources";
import { idSchema } from "../validation/fields";
import type { InteractionEdit, InteractionInput } from "../validation/interaction";
import { openAccount } from "./accounts";
import { auditJson, changedFields, writeForAccount } from "./account-write";
import { recordAudit, recordAudits, type Tx } from "./audit";
import { InputConflictError, NotFoundError } from "./errors";
import { correctFollowUps, correctQuotes, followUpDueDate, quoteData } from "./interaction-rows";
import { type Actor, canLogInteraction } from "./permissions";
import { visibleRecord } from "./record-access";

/** An interaction's own fields, as the edit form and the change history read them. */
const interactionFieldsSelect = {
  type: true,
  occurredAt: true,
  summary: true,
  topic: true,
  notes: true,
  sentiment: true,
  itOnTime: true,
  itPrepared: true,
  outcome: true,
  cancelledBy: true,
} satisfies Prisma.InteractionSelect;

/**
 * Logs an interaction with its attendees, quotes and follow-ups, and re-diagnoses the account in
 * the same transaction, so the dashboard never shows a stage older than the data.
 */
export async function logInteraction(actor: Actor, input: InteractionInput, now = new Date()) {
  await openAccount(actor, input.accountId, canLogInteraction);

  return db().$transaction(async (tx) => {
    const [, before] = await Promise.all([
      checkAttendees(tx, input.accountId, input),
      // For the notice "Sales moved from Flu to Pneumonia".
      tx.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { name: true, healthStage: true } }),
    ]);
    const interaction = await tx.interaction.create({
      data: {
        accountId: input.accountId,
        ...interactionColumns(input),
        loggedById: actor.id,
        attendees: { create: attendeeRows(input) },
        quotes: { create: input.quotes.map(quoteData) },
        followUps: {
          // Stamped with the request's `now`, so this request's re-diagnosis counts them.
          create: input.followUps.map((followUp) => ({ ...followUp, createdAt: now, accountId: input.accountId, dueDate: followUpDueDate(followUp.dueDate) })),
        },
      },
      select: { id: true },
    });
    const after = await tx.interaction.findUniqueOrThrow({ where: { id: interaction.id }, select: auditSelect });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "interaction.created",
      entityType: "Interaction",
      entityId: interaction.id,
      accountId: input.accountId,
      details: auditJson({ after: { ...auditView(after), quotes: input.quotes.length, followUps: input.followUps.length } }),
    });
    const diagnosis = await recomputeAccountHealth(tx, input.accountId, now);
    return { id: interaction.id, stage: diagnosis.stage, previousStage: before.healthStage, accountName: before.name };
  });
}

/** One interaction as its correction form starts: every field, its live quotes and follow-ups (IT with full access). */
export async function getInteractionForEdit(actor: Actor, interactionId: string) {
  const id = idSchema.safeParse(interactionId);
  const row = id.success
    ? await db().interaction.findFirst({
        where: { id: id.data, deletedAt: null },
        select: {
          id: true,
          accountId: true,
          ...interactionFieldsSelect,
          attendees: { select: { side: true, contactId: true, userId: true, contact: { select: { id: true, name: true, title: true } } } },
          quotes: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, side: true, text: true } },
          followUps: { where: { deletedAt: null }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], select: { id: true, description: true, owedBy: true, dueDate: true, doneAt: true } },
        },
      })
    : null;
  return visibleRecord(actor, row, "interaction");
}

export type InteractionForEdit = Awaited<ReturnType<typeof getInteractionForEdit>>;

/**
 * Corrects an interaction: its fields, attendees, quotes and follow-ups. Rows left out of the
 * correction are soft-deleted, changed text has its phrases detected again, and each change is
 * audited with before and after (the interaction's own fields in one event, each quote and
 * follow-up in its own) before the account is re-diagnosed, all in one transaction.
 */
export async function updateInteraction(actor: Actor, input: InteractionEdit, now = new Date()) {
  const { id, accountId } = await findLiveInteraction(input.interactionId);
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const before = await tx.interaction.findFirst({ where: { id, deletedAt: null }, select: auditSelect });
      if (!before) throw new NotFoundError("interaction"); // deleted meanwhile
      await checkAttendees(tx, accountId, input);
      const context = { tx, actor, accountId, interactionId: id, now };
      // Rows first: they check that every row named belongs to this interaction.
      const rowsChanged = (await correctQuotes(context, input.quotes)) + (await correctFollowUps(context, input.followUps));

      const textChanged = before.summary !== input.summary || before.notes !== input.notes;
      await tx.interaction.update({
        where: { id },
        data: { ...interactionColumns(input, textChanged), attendees: { deleteMany: {}, create: attendeeRows(input) } },
      });
      const after = await tx.interaction.findUniqueOrThrow({ where: { id }, select: auditSelect });
      const details = changedFields(auditView(before), auditView(after)) as { before: object };
      const fieldsChanged = Object.keys(details.before).length;
      return {
        result: { id, accountId, changed: fieldsChanged + rowsChanged },
        audit: fieldsChanged ? { action: "interaction.updated", entityType: "Interaction", entityId: id, details } : null,
      };
    },
    { now },
  ).catch(asMissing);
}

/**
 * Soft-deletes an interaction with a reason; its quotes and follow-ups go with it, so all of them
 * leave the timeline and the diagnosis. The audit log keeps what was deleted, and why.
 */
export async function deleteInteraction(actor: Actor, interactionId: string, reason: string, now = new Date()) {
  const { id, accountId } = await findLiveInteraction(interactionId);
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const before = await tx.interaction.findFirst({ where: { id, deletedAt: null }, select: auditSelect });
      if (!before) throw new NotFoundError("interaction");
      const gone = { deletedAt: now, deleteReason: reason };
      const [quotes, followUps] = await Promise.all([
        tx.quote.findMany({ where: { interactionId: id, deletedAt: null }, select: { id: true, side: true, text: true } }),
        tx.followUp.findMany({ where: { interactionId: id, deletedAt: null }, select: { id: true, description: true, owedBy: true, dueDate: true, doneAt: true } }),
      ]);
      await tx.interaction.update({ where: { id }, data: gone });
      await tx.quote.updateMany({ where: { interactionId: id, deletedAt: null }, data: gone });
      await tx.followUp.updateMany({ where: { interactionId: id, deletedAt: null }, data: gone });
      // Each row's own history says it went with its interaction.
      const rowEntry = (entityType: "Quote" | "FollowUp", action: string) => (row: { id: string }) =>
        ({ actorId: actor.id, accountId, action, entityType, entityId: row.id, details: auditJson({ before: row, reason, withInteraction: id }) });
      await recordAudits(tx, [...quotes.map(rowEntry("Quote", "quote.deleted")), ...followUps.map(rowEntry("FollowUp", "followUp.deleted"))]);
      return {
        result: { id, accountId },
        audit: { action: "interaction.deleted", entityType: "Interaction", entityId: id, details: auditJson({ before: { ...auditView(before), quotes, followUps }, reason }) },
      };
    },
    { now },
  ).catch(asMissing);
}

/** The interaction's columns from the form; phrases are detected again only when its text changed. */
function interactionColumns(input: InteractionInput | InteractionEdit, detectPhrases = true) {
  return {
    type: input.type,
    occurredAt: input.occurredAt,
    summary: input.summary,
    topic: input.topic,
    notes: input.notes,
    sentiment: input.sentiment,
    itOnTime: input.itOnTime,
    itPrepared: input.itPrepared,
    outcome: input.outcome,
    cancelledBy: input.cancelledBy,
    // Detected now and stored, so rescoring never rescans the text.
    ...(detectPhrases ? { phraseHits: interactionTextPhrases(input.summary, input.notes) } : {}),
  };
}

const attendeeRows = (input: Pick<InteractionInput, "attendeeContactIds" | "attendeeUserIds">) => [
  ...[...new Set(input.attendeeContactIds)].map((contactId) => ({ side: "BUSINESS" as const, contactId })),
  ...[...new Set(input.attendeeUserIds)].map((userId) => ({ side: "IT" as const, userId })),
];

/** Attendees must be this account's contacts and IT's people. */
async function checkAttendees(tx: Tx, accountId: string, input: Pick<InteractionInput, "attendeeContactIds" | "attendeeUserIds">) {
  const [contacts, itPeople] = await Promise.all([
    tx.contact.count({ where: { id: { in: input.attendeeContactIds }, accountId } }),
    tx.user.count({ where: { id: { in: input.attendeeUserIds }, role: { not: "CLIENT" } } }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  if (contacts !== new Set(input.attendeeContactIds).size) fieldErrors.attendeeContactIds = ["Choose attendees from this account's contacts"];
  if (itPeople !== new Set(input.attendeeUserIds).size) fieldErrors.attendeeUserIds = ["Choose attendees from IT's people"];
  if (Object.keys(fieldErrors).length > 0) throw new InputConflictError("Some attendees are not valid for this account.", fieldErrors);
}

/** What the change history shows of an interaction: its fields, and attendees by name. */
const auditSelect = {
  ...interactionFieldsSelect,
  attendees: { select: { contact: { select: { name: true } }, user: { select: { name: true } } } },
} satisfies Prisma.InteractionSelect;

function auditView({ attendees, ...fields }: Prisma.InteractionGetPayload<{ select: typeof auditSelect }>) {
  const names = attendees.map((a) => (a.contact ? `${a.contact.name} (business)` : `${a.user?.name} (IT)`)).sort();
  return { ...fields, attendees: names };
}

async function findLiveInteraction(interactionId: string): Promise<{ id: string; accountId: string }> {
  const id = idSchema.safeParse(interactionId);
  const row = id.success ? await db().interaction.findFirst({ where: { id: id.data, deletedAt: null }, select: { id: true, accountId: true } }) : null;
  if (!row) throw new NotFoundError("interaction");
  return row;
}

/** An interaction of an account the caller may not write looks missing, like one that is. */
const asMissing = (error: unknown): never => {
  throw error instanceof NotFoundError ? new NotFoundError("interaction") : error;
};
