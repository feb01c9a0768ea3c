import { z } from "zod";
import { getFollowUpForApi, listFollowUps } from "../../../data/api-lists/follow-ups";
import { completeFollowUp, deleteFollowUp, updateFollowUp } from "../../../data/follow-ups";
import { Side } from "../../../generated/prisma/enums";
import { followUpInputSchema } from "../../../validation/interaction";
import { defineOperation } from "../operation";
import { keysetOf, pageOf, pageSchema } from "../pagination";
import { recordId, stageChangeSchema, timestamp } from "../schemas";
import { accountListQuery, deleteQuery } from "./record-operations";

// Follow-ups each side owes (logged with an interaction). IT with full access and the unit's own
// clients read them (the policy shows a client what each side owes); IT corrects, completes and
// deletes them through the same functions as the timeline's forms, re-diagnosing the unit.

const followUpSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    interactionId: z.string().nullable(),
    description: z.string(),
    owedBy: z.enum(Side),
    dueDate: timestamp,
    doneAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "FollowUp" });

const params = z.object({ followUpId: recordId });
const written = z.object({ id: z.string(), changed: z.number().int().optional(), stage: stageChangeSchema }).meta({ id: "FollowUpWritten" });

export const operations = [
  defineOperation({
    id: "listFollowUps",
    method: "GET",
    path: "/follow-ups",
    summary: "List follow-ups",
    description: "Of the units the token's user has full access to, or a client's own unit. Ordered by dueDate, then id; since/until filter on dueDate.",
    tag: "Follow-ups",
    scope: "read",
    query: accountListQuery,
    response: pageSchema(followUpSchema),
    handler: async ({ actor, query }) => pageOf(await listFollowUps(actor, keysetOf(query), { accountId: query.accountId }), query.limit, (row) => ({ at: row.dueDate, id: row.id })),
  }),
  defineOperation({
    id: "getFollowUp",
    method: "GET",
    path: "/follow-ups/{followUpId}",
    summary: "One follow-up",
    tag: "Follow-ups",
    scope: "read",
    params,
    response: followUpSchema,
    handler: ({ actor, params: p }) => getFollowUpForApi(actor, p.followUpId),
  }),
  defineOperation({
    id: "updateFollowUp",
    method: "PATCH",
    path: "/follow-ups/{followUpId}",
    summary: "Correct a follow-up (IT)",
    description: "Send the whole follow-up, as its correction form does.",
    tag: "Follow-ups",
    scope: "write",
    params,
    body: followUpInputSchema,
    example: { description: "Send the revised plan", owedBy: "IT", dueDate: "2026-12-15" },
    response: written,
    handler: async ({ actor, params: p, body }) => {
      const { result, change } = await updateFollowUp(actor, p.followUpId, body);
      return { id: result.id, changed: result.changed, stage: { from: change.from, to: change.to } };
    },
  }),
  defineOperation({
    id: "completeFollowUp",
    method: "POST",
    path: "/follow-ups/{followUpId}/complete",
    summary: "Mark a follow-up done (IT)",
    description: "Once: a second call keeps the first date. The unit is re-diagnosed.",
    tag: "Follow-ups",
    scope: "write",
    status: 200,
    params,
    body: z.object({}).meta({ description: "No fields: send {}." }),
    response: z.object({ id: z.string(), doneAt: timestamp }).meta({ id: "FollowUpDone" }),
    handler: async ({ actor, params: p }) => {
      const { id, doneAt } = await completeFollowUp(actor, p.followUpId);
      return { id, doneAt };
    },
  }),
  defineOperation({
    id: "deleteFollowUp",
    method: "DELETE",
    path: "/follow-ups/{followUpId}",
    summary: "Delete a follow-up, with a reason (IT)",
    tag: "Follow-ups",
    scope: "write",
    params,
    query: deleteQuery,
    response: written,
    handler: async ({ actor, params: p, query }) => {
      const { result, change } = await deleteFollowUp(actor, p.followUpId, query.reason);
      return { id: result.id, stage: { from: change.from, to: change.to } };
    },
  }),
];
