import { z } from "zod";
import { getInteractionForApi, listInteractionsPage } from "../../../data/api-records";
import { logInteraction } from "../../../data/interactions";
import { CancelledBy, InteractionOutcome, InteractionType, Sentiment, Side } from "../../../generated/prisma/enums";
import { interactionInputSchema } from "../../../validation/interaction";
import { defineOperation } from "../operation";
import { keysetOf, listQuerySchema, pageOf, pageSchema } from "../pagination";
import { accountIdParams, personRef, recordId, stageChangeSchema, timestamp } from "../schemas";

// A unit's interactions: IT with full access to the unit reads them whole, with attendees and
// quotes; the unit's clients read them as their timeline shows them. Logging one (IT) runs the
// app's own logInteraction, so the unit is re-diagnosed in the same transaction.

const fullInteraction = z
  .object({
    access: z.literal("full"),
    id: z.string(),
    accountId: z.string(),
    type: z.enum(InteractionType),
    occurredAt: timestamp,
    summary: z.string(),
    topic: z.string(),
    notes: z.string().meta({ description: "IT's own notes (never shown to the unit's clients)." }),
    sentiment: z.enum(Sentiment),
    itOnTime: z.boolean().nullable(),
    itPrepared: z.boolean().nullable(),
    outcome: z.enum(InteractionOutcome),
    cancelledBy: z.enum(CancelledBy),
    loggedBy: personRef,
    createdAt: timestamp,
    attendees: z.array(z.object({ side: z.enum(Side), contact: personRef.nullable(), user: personRef.nullable() })),
    quotes: z.array(z.object({ id: z.string(), side: z.enum(Side), text: z.string() })),
  })
  .meta({ id: "Interaction" });

const clientInteraction = z
  .object({
    access: z.literal("client"),
    id: z.string(),
    accountId: z.string(),
    type: z.enum(InteractionType),
    occurredAt: timestamp,
    topic: z.string().meta({ description: "What it was about, as IT wrote it for the client." }),
    outcome: z.enum(InteractionOutcome),
    cancelledBy: z.enum(CancelledBy),
    attendees: z.array(z.object({ side: z.enum(Side), name: z.string() })),
  })
  .meta({ id: "InteractionForClient", description: "What a client sees, as on their timeline: not IT's summary, notes, sentiment or quotes." });

const interactionSchema = z.discriminatedUnion("access", [fullInteraction, clientInteraction]);

const logged = z.object({ id: z.string(), stage: stageChangeSchema }).meta({ id: "InteractionLogged" });

export const operations = [
  defineOperation({
    id: "listInteractions",
    method: "GET",
    path: "/accounts/{accountId}/interactions",
    summary: "List a unit's interactions",
    description: "Oldest first by when they happened; since/until filter on occurredAt. Deleted interactions are left out. IT with full access: whole records with attendees and quotes; the unit's clients: their timeline's view.",
    tag: "Interactions",
    scope: "read",
    params: accountIdParams,
    query: listQuerySchema,
    response: pageSchema(interactionSchema),
    handler: async ({ actor, params, query }) => pageOf(await listInteractionsPage(actor, params.accountId, keysetOf(query)), query.limit, (row) => ({ at: row.occurredAt, id: row.id })),
  }),
  defineOperation({
    id: "getInteraction",
    method: "GET",
    path: "/interactions/{interactionId}",
    summary: "One interaction (IT: with attendees and quotes; a client: their timeline's view)",
    tag: "Interactions",
    scope: "read",
    params: z.object({ interactionId: recordId }),
    response: interactionSchema,
    handler: ({ actor, params }) => getInteractionForApi(actor, params.interactionId),
  }),
  defineOperation({
    id: "logInteraction",
    method: "POST",
    path: "/interactions",
    summary: "Log an interaction (the unit is re-diagnosed at once)",
    description: "The same rules as the app's form: attendees must be the unit's contacts and IT people, follow-ups due after it happened, nothing in the future.",
    tag: "Interactions",
    scope: "write",
    body: interactionInputSchema,
    example: {
      accountId: "<accountId>",
      type: "MEETING",
      occurredAt: "2026-11-30T10:00:00Z",
      summary: "Quarterly review",
      sentiment: "POSITIVE",
      itOnTime: "yes",
      itPrepared: "yes",
      quotes: [{ side: "BUSINESS", text: "The new laptops made a real difference" }],
      followUps: [{ description: "Send the roadmap", owedBy: "IT", dueDate: "2026-12-14" }],
    },
    response: logged,
    handler: async ({ actor, body }) => {
      const { id, stage, previousStage } = await logInteraction(actor, body);
      return { id, stage: { from: previousStage, to: stage } };
    },
  }),
];
