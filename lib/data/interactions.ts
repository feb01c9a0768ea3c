import "server-only";
import { db } from "../db/client";
import { recomputeAccountHealth } from "../health/recompute";
import { interactionTextPhrases, quotePhrases } from "../scoring/phrases/sources";
import type { InteractionInput } from "../validation/interaction";
import { openAccount } from "./accounts";
import { recordAudit } from "./audit";
import { InputConflictError } from "./errors";
import { type Actor, canLogInteraction } from "./permissions";

/**
 * Logs an interaction with its attendees, quotes and follow-ups, and re-diagnoses the account in
 * the same transaction, so the dashboard never shows a stage older than the data.
 */
export async function logInteraction(actor: Actor, input: InteractionInput, now = new Date()) {
  await openAccount(actor, input.accountId, canLogInteraction);

  return db().$transaction(async (tx) => {
    const [contacts, itPeople, before] = await Promise.all([
      tx.contact.count({ where: { id: { in: input.attendeeContactIds }, accountId: input.accountId } }),
      tx.user.count({ where: { id: { in: input.attendeeUserIds }, role: { not: "CLIENT" } } }),
      // For the notice "Sales moved from Flu to Pneumonia".
      tx.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { name: true, healthStage: true } }),
    ]);
    const fieldErrors: Record<string, string[]> = {};
    if (contacts !== new Set(input.attendeeContactIds).size) fieldErrors.attendeeContactIds = ["Choose attendees from this account's contacts"];
    if (itPeople !== new Set(input.attendeeUserIds).size) fieldErrors.attendeeUserIds = ["Choose attendees from IT's people"];
    if (Object.keys(fieldErrors).length > 0) throw new InputConflictError("Some attendees are not valid for this account.", fieldErrors);

    const interaction = await tx.interaction.create({
      data: {
        accountId: input.accountId,
        type: input.type,
        occurredAt: input.occurredAt,
        summary: input.summary,
        notes: input.notes,
        sentiment: input.sentiment,
        itOnTime: input.itOnTime,
        itPrepared: input.itPrepared,
        cancelledBy: input.cancelledBy,
        // Detected now and stored, so rescoring never rescans the text.
        phraseHits: interactionTextPhrases(input.summary, input.notes),
        loggedById: actor.id,
        attendees: {
          create: [
            ...[...new Set(input.attendeeContactIds)].map((contactId) => ({ side: "BUSINESS" as const, contactId })),
            ...[...new Set(input.attendeeUserIds)].map((userId) => ({ side: "IT" as const, userId })),
          ],
        },
        quotes: { create: input.quotes.map((quote) => ({ ...quote, phraseHits: quotePhrases(quote.text, quote.side) })) },
        followUps: {
          // Stamped with the request's `now`, so this request's re-diagnosis counts them.
          create: input.followUps.map((followUp) => ({
            createdAt: now,
            accountId: input.accountId,
            description: followUp.description,
            owedBy: followUp.owedBy,
            dueDate: new Date(`${followUp.dueDate}T00:00:00Z`),
          })),
        },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "interaction.created",
      entityType: "Interaction",
      entityId: interaction.id,
      accountId: input.accountId,
      details: { type: input.type, quotes: input.quotes.length, followUps: input.followUps.length },
    });
    const diagnosis = await recomputeAccountHealth(tx, input.accountId, now);
    return { id: interaction.id, stage: diagnosis.stage, previousStage: before.healthStage, accountName: before.name };
  });
}
