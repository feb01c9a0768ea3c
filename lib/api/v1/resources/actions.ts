import { z } from "zod";
import { getActionForApi, listActions } from "../../../data/api-lists/actions";
import { closeAction, createAction, updateAction } from "../../../data/actions";
import { ActionStatus } from "../../../generated/prisma/enums";
import { closeActionSchema, editActionSchema, newActionSchema } from "../../../validation/action";
import { defineOperation } from "../operation";
import { keysetOf, pageOf, pageSchema } from "../pagination";
import { personRef, recordId, timestamp } from "../schemas";
import { accountListQuery } from "./record-operations";

// The unit's action plan (decision 022), through the action plan's own functions. IT with full
// access reads every action and plans, corrects and closes them; the unit's client reads only
// "you said, we did" (done and marked visible), without IT's names or due days.

const fullAction = z
  .object({
    access: z.literal("full"),
    id: z.string(),
    accountId: z.string(),
    title: z.string(),
    treatmentId: z.string().nullable().meta({ description: "The treatment it carries out; null: a free action." }),
    alertId: z.string().nullable(),
    owner: personRef,
    dueDate: timestamp,
    status: z.enum(ActionStatus),
    outcome: z.string().nullable(),
    visibleToClient: z.boolean(),
    createdAt: timestamp,
    closedAt: timestamp.nullable(),
    createdBy: personRef.nullable(),
    closedBy: personRef.nullable(),
  })
  .meta({ id: "Action" });

const clientAction = z
  .object({ access: z.literal("client"), id: z.string(), accountId: z.string(), title: z.string(), outcome: z.string().nullable(), closedAt: timestamp })
  .meta({ id: "ActionDoneForClient", description: "What a client sees: a done action IT marked visible (\"you said, we did\")." });

const actionSchema = z.discriminatedUnion("access", [fullAction, clientAction]);

const params = z.object({ actionId: recordId });
const written = z.object({ id: z.string(), accountId: z.string() }).meta({ id: "ActionWritten" });

export const operations = [
  defineOperation({
    id: "listActions",
    method: "GET",
    path: "/actions",
    summary: "List actions",
    description: "IT: the actions of the units it has full access to, ordered by dueDate, then id (since/until on dueDate). A client: their unit's done actions marked visible to them, ordered by closedAt (since/until on closedAt).",
    tag: "Actions",
    scope: "read",
    query: accountListQuery,
    response: pageSchema(actionSchema),
    handler: async ({ actor, query }) =>
      pageOf(await listActions(actor, keysetOf(query), { accountId: query.accountId }), query.limit, (row) => ({ at: row.access === "client" ? row.closedAt : row.dueDate, id: row.id })),
  }),
  defineOperation({
    id: "getAction",
    method: "GET",
    path: "/actions/{actionId}",
    summary: "One action",
    tag: "Actions",
    scope: "read",
    params,
    response: actionSchema,
    handler: ({ actor, params: p }) => getActionForApi(actor, p.actionId),
  }),
  defineOperation({
    id: "createAction",
    method: "POST",
    path: "/actions",
    summary: "Plan an action on a unit (IT with full access)",
    description: "Free, from one of the diagnosis' treatments (treatmentId) or answering one of the unit's alerts (alertId). The owner is the unit's relationship manager, a CIO or an administrator; due within a year.",
    tag: "Actions",
    scope: "write",
    body: newActionSchema,
    example: { accountId: "cmh8z2k4e0000abcd1234efgh", title: "Agree a monthly service review", ownerId: "cmh8z2k4e0000abcd1234efgi", dueDate: "2027-01-15", visibleToClient: true },
    response: written,
    handler: ({ actor, body }) => createAction(actor, body),
  }),
  defineOperation({
    id: "updateAction",
    method: "PATCH",
    path: "/actions/{actionId}",
    summary: "Correct or reassign an open action",
    description: "Send title, ownerId, dueDate and visibleToClient, as the action's edit form does; a closed action cannot change (409).",
    tag: "Actions",
    scope: "write",
    params,
    body: editActionSchema.omit({ actionId: true }),
    example: { title: "Agree a monthly service review", ownerId: "cmh8z2k4e0000abcd1234efgi", dueDate: "2027-01-31", visibleToClient: true },
    response: written.extend({ changed: z.number().int() }).meta({ id: "ActionCorrected" }),
    handler: ({ actor, params: p, body }) => updateAction(actor, { ...body, actionId: p.actionId }),
  }),
  defineOperation({
    id: "closeAction",
    method: "POST",
    path: "/actions/{actionId}/close",
    summary: "Close an open action as done or dropped, with what was done",
    description: "Once: closing a closed action is refused (409). Done and visibleToClient: the client sees it under \"you said, we did\".",
    tag: "Actions",
    scope: "write",
    status: 200,
    params,
    body: closeActionSchema.omit({ actionId: true }),
    example: { status: "DONE", outcome: "Monthly review in the diary from January", visibleToClient: true },
    response: written.extend({ status: z.enum(ActionStatus) }).meta({ id: "ActionClosed" }),
    handler: ({ actor, params: p, body }) => closeAction(actor, { ...body, actionId: p.actionId }),
  }),
];
