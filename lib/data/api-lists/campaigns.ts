import "server-only";
import { db } from "../../db/client";
import { idSchema } from "../../validation/fields";
import { openAccount } from "../accounts";
import { runsCampaigns, visibleWhere } from "../campaigns";
import { ForbiddenError, NotFoundError } from "../errors";
import { type Keyset, keysetArgs } from "../keyset";
import { type Actor, accountAccess, canLogInteraction } from "../permissions";
import type { ListFilter } from "./scope";

// Rating campaigns for the API, as /campaigns lists them (lib/data/campaigns.ts): IT only; a
// relationship manager sees the campaigns asking a unit they manage, and of each only those units.
// Who was invited and who answered stay on the campaign's page (anonymity rules live there).

const select = {
  id: true,
  name: true,
  message: true,
  status: true,
  opensAt: true,
  closesAt: true,
  openedAt: true,
  closedAt: true,
  cancelledAt: true,
  recurrence: true,
  anonymous: true,
  minGroupSize: true,
  askScorecard: true,
  linkValidDays: true,
  reminderEveryDays: true,
  maxReminders: true,
  previousId: true,
  createdAt: true,
  accounts: { select: { account: { select: { id: true, name: true, relationshipManagerId: true } } } },
} as const;

/** Campaigns by opening time, then id; `accountId`: those asking that unit (full access to it). */
export async function listCampaignsPage(actor: Actor, keyset: Keyset, filter: ListFilter = {}) {
  if (!runsCampaigns(actor)) throw new ForbiddenError("Only IT asks for ratings.");
  if (filter.accountId) await openAccount(actor, filter.accountId, canLogInteraction);
  const page = keysetArgs("opensAt", keyset);
  const rows = await db().campaign.findMany({
    where: { AND: [visibleWhere(actor), page.where, filter.accountId ? { accounts: { some: { accountId: filter.accountId } } } : {}, filter.id ? { id: filter.id } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select,
  });
  return rows.map(({ accounts, ...campaign }) => ({
    ...campaign,
    accounts: accounts
      .map((a) => a.account)
      .filter((account) => accountAccess(actor, account) === "full")
      .map(({ id, name }) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

export async function getCampaignForApi(actor: Actor, campaignId: string) {
  const id = idSchema.safeParse(campaignId);
  const [row] = id.success ? await listCampaignsPage(actor, { limit: 1 }, { id: id.data }) : [];
  if (!row) throw new NotFoundError("campaign");
  return row;
}
