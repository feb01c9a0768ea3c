import { z } from "zod";
import { getAccountForApi, listAccountsPage } from "../../../data/account-list";
import { createAccount, getAccountSettings, updateAccount } from "../../../data/account-admin";
import { CRITICALITIES, accountUpdateInputSchema, newAccountInputSchema } from "../../../validation/account";
import { Stage } from "../../../generated/prisma/enums";
import { defineOperation } from "../operation";
import { keysetOf, listQuerySchema, pageOf, pageSchema } from "../pagination";
import { accountIdParams, personRef, stageChangeSchema, timestamp } from "../schemas";

// Business units. Everyone lists the units they may know of (a client: their own), shaped for
// their access; the CIO and admins create and update them (the data layer refuses anyone else).

const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    access: z.enum(["full", "client", "summary"]).meta({ description: "What the token's user may see of the unit: full (IT with full access), client (its own clients), summary (a portfolio row)." }),
    archivedAt: timestamp.nullable(),
    createdAt: timestamp,
    relationshipManager: personRef.nullable(),
    description: z.string().optional().meta({ description: "Not in a summary." }),
    meetingCadenceDays: z.number().int().nullable().optional().meta({ description: "Not in a summary." }),
    criticality: z.enum(CRITICALITIES).optional().meta({ description: "Full access only." }),
    health: z
      .object({ stage: z.enum(Stage), score: z.number().int().nullable(), since: timestamp.nullable().optional(), computedAt: timestamp.nullable().optional() })
      .optional()
      .meta({ description: "The current diagnosis' stage and score; not for clients. since and computedAt: full access only." }),
  })
  .meta({ id: "Account" });

const created = z.object({ id: z.string(), name: z.string(), stage: z.enum(Stage) }).meta({ id: "AccountCreated" });
const updated = z.object({ id: z.string(), changed: z.array(z.string()).meta({ description: "The fields this update changed." }), stage: stageChangeSchema }).meta({ id: "AccountUpdated" });

const example = { name: "Procurement", description: "Buys for the group", criticality: "HIGH", meetingCadenceDays: 30 };

export const operations = [
  defineOperation({
    id: "listAccounts",
    method: "GET",
    path: "/accounts",
    summary: "List the business units the token's user may know of",
    description: "In creation order. A client sees their own unit only; archived units only with includeArchived=true. since/until filter on createdAt.",
    tag: "Accounts",
    scope: "read",
    query: listQuerySchema.extend({ includeArchived: z.enum(["true", "false"]).optional().transform((value) => value === "true") }),
    response: pageSchema(accountSchema),
    handler: async ({ actor, query }) => pageOf(await listAccountsPage(actor, keysetOf(query), { includeArchived: query.includeArchived }), query.limit, (row) => ({ at: row.createdAt, id: row.id })),
  }),
  defineOperation({
    id: "getAccount",
    method: "GET",
    path: "/accounts/{accountId}",
    summary: "One business unit",
    tag: "Accounts",
    scope: "read",
    params: accountIdParams,
    response: accountSchema,
    handler: ({ actor, params }) => getAccountForApi(actor, params.accountId),
  }),
  defineOperation({
    id: "createAccount",
    method: "POST",
    path: "/accounts",
    summary: "Create a business unit (CIO and administrators)",
    description: "Diagnosed at once (insufficient data until something is recorded).",
    tag: "Accounts",
    scope: "write",
    body: newAccountInputSchema,
    example,
    response: created,
    handler: ({ actor, body }) => createAccount(actor, body),
  }),
  defineOperation({
    id: "updateAccount",
    method: "PATCH",
    path: "/accounts/{accountId}",
    summary: "Change a business unit's details (CIO and administrators)",
    description: "Only the fields sent change. sponsorContactId must be one of the unit's contacts (null: no sponsor).",
    tag: "Accounts",
    scope: "write",
    params: accountIdParams,
    body: accountUpdateInputSchema.omit({ accountId: true }).partial(),
    example: { criticality: "CRITICAL" },
    response: updated,
    handler: async ({ actor, params, body }) => {
      const { account } = await getAccountSettings(actor, params.accountId);
      const { name, description, criticality, meetingCadenceDays, sponsorContactId } = account;
      const current = { name, description, criticality, meetingCadenceDays, sponsorContactId };
      const defined = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
      const { result, change } = await updateAccount(actor, { ...current, ...defined, accountId: params.accountId });
      return { id: params.accountId, changed: result.changed, stage: change };
    },
  }),
];
