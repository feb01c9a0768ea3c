import "server-only";
import { db } from "../../db/client";
import { type Keyset, keysetArgs } from "../keyset";
import type { Actor } from "../permissions";
import { raterOf } from "../ratings";
import { ratingScoresSelect } from "../selects";
import { accountScope, type ListFilter, oneRecord } from "./scope";

// Ratings for the API, as the account's ratings card lists them (lib/data/ratings.ts): IT with
// full access and the account's own clients (decision 002: a client sees the ratings; another
// manager does not see a unit's ratings, which are candid). Withdrawn and replaced ratings have
// left the account's ratings. Who gave one is the card's label: never a name for an anonymous one.

const select = {
  ...ratingScoresSelect,
  accountId: true,
  source: true,
  campaignId: true,
  user: { select: { name: true } },
  contact: { select: { name: true } },
  campaign: { select: { anonymous: true } },
} as const;

/** Live ratings by when they were given, then id. */
export async function listRatings(actor: Actor, keyset: Keyset, filter: ListFilter = {}) {
  const scope = await accountScope(actor, filter.accountId, { clients: true });
  const page = keysetArgs("createdAt", keyset);
  const rows = await db().rating.findMany({
    where: { AND: [scope.where, page.where, { withdrawnAt: null }, filter.id ? { id: filter.id } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select,
  });
  return rows.map(({ user, contact, campaign, ...rating }) => ({ ...rating, rater: raterOf({ source: rating.source, user, contact, campaign }) }));
}

export const getRatingForApi = (actor: Actor, ratingId: string) =>
  oneRecord(
    "rating",
    ratingId,
    async (id) => (await db().rating.findFirst({ where: { id, withdrawnAt: null }, select: { accountId: true } }))?.accountId,
    (accountId, id) => listRatings(actor, { limit: 1 }, { accountId, id }),
  );
