import { z } from "zod";
import { getCampaignForApi, listCampaignsPage } from "../../../data/api-lists/campaigns";
import { tickCampaignsNow } from "../../../campaigns/tick-now";
import { cancelCampaign, createCampaign } from "../../../data/campaigns";
import { CampaignStatus, Recurrence } from "../../../generated/prisma/enums";
import { campaignInputSchema, cancelCampaignSchema } from "../../../validation/campaign";
import { defineOperation } from "../operation";
import { keysetOf, pageOf, pageSchema } from "../pagination";
import { recordId, timestamp } from "../schemas";
import { accountListQuery } from "./record-operations";

// Rating campaigns (decision 011), through /campaigns' own functions: IT only. The CIO and admins
// see and run every campaign; a relationship manager those asking a unit they manage, each
// listing only those units. Invitations, answers and results stay on the campaign's page, where
// the anonymity rules are applied.

const campaignSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    message: z.string(),
    status: z.enum(CampaignStatus),
    opensAt: timestamp,
    closesAt: timestamp,
    openedAt: timestamp.nullable(),
    closedAt: timestamp.nullable(),
    cancelledAt: timestamp.nullable(),
    recurrence: z.enum(Recurrence),
    anonymous: z.boolean(),
    minGroupSize: z.number().int(),
    askScorecard: z.boolean(),
    linkValidDays: z.number().int(),
    reminderEveryDays: z.number().int(),
    maxReminders: z.number().int(),
    previousId: z.string().nullable().meta({ description: "The round this one repeats." }),
    createdAt: timestamp,
    accounts: z.array(z.object({ id: z.string(), name: z.string() })).meta({ description: "The units it asks that the token's user has full access to." }),
  })
  .meta({ id: "Campaign" });

const params = z.object({ campaignId: recordId });

export const operations = [
  defineOperation({
    id: "listCampaigns",
    method: "GET",
    path: "/campaigns",
    summary: "List rating campaigns (IT)",
    description: "Ordered by opensAt, then id; since/until filter on opensAt; accountId: the campaigns asking that unit.",
    tag: "Campaigns",
    scope: "read",
    query: accountListQuery,
    response: pageSchema(campaignSchema),
    handler: async ({ actor, query }) => pageOf(await listCampaignsPage(actor, keysetOf(query), { accountId: query.accountId }), query.limit, (row) => ({ at: row.opensAt, id: row.id })),
  }),
  defineOperation({
    id: "getCampaign",
    method: "GET",
    path: "/campaigns/{campaignId}",
    summary: "One rating campaign (IT)",
    tag: "Campaigns",
    scope: "read",
    params,
    response: campaignSchema,
    handler: ({ actor, params: p }) => getCampaignForApi(actor, p.campaignId),
  }),
  defineOperation({
    id: "createCampaign",
    method: "POST",
    path: "/campaigns",
    summary: "Create a rating campaign (IT, for units it manages)",
    description: "As the new campaign form: scheduled, opened on its opening day by the campaigns' schedule, which sends the invitations; one opening today opens at once. Blank settings take the survey policy's.",
    tag: "Campaigns",
    scope: "write",
    body: campaignInputSchema,
    example: { name: "Quarterly pulse", accountIds: ["cmh8z2k4e0000abcd1234efgh"], contactMode: "all", opensOn: "2026-12-07", closesOn: "2026-12-21", recurrence: "NONE" },
    response: z.object({ id: z.string(), opensNow: z.boolean() }).meta({ id: "CampaignCreated" }),
    handler: async ({ actor, body }) => {
      const created = await createCampaign(actor, body);
      if (created.opensNow) await tickCampaignsNow();
      return created;
    },
  }),
  defineOperation({
    id: "cancelCampaign",
    method: "POST",
    path: "/campaigns/{campaignId}/cancel",
    summary: "Cancel a scheduled or open campaign",
    description: "Unanswered links stop working and waiting emails are not sent; answers already given stay. A manager cannot cancel a campaign that also asks units they do not manage (403).",
    tag: "Campaigns",
    scope: "write",
    status: 200,
    params,
    body: cancelCampaignSchema.omit({ campaignId: true }),
    example: { confirm: "yes" },
    response: z.object({ id: z.string(), name: z.string(), revoked: z.number().int() }).meta({ id: "CampaignCancelled" }),
    handler: ({ actor, params: p }) => cancelCampaign(actor, p.campaignId),
  }),
];
