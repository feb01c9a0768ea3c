import "server-only";
import { db } from "../../db/client";
import { type Keyset, keysetArgs } from "../keyset";
import type { Actor } from "../permissions";
import { accountScope, type ListFilter, oneRecord } from "./scope";

// Follow-ups for the API. IT with full access and the account's clients see the same fields: the
// policy shows a client what each side owes (decision 002), and nothing on a follow-up is IT's alone.

const select = { id: true, accountId: true, interactionId: true, description: true, owedBy: true, dueDate: true, doneAt: true, createdAt: true, updatedAt: true } as const;

/** Live follow-ups by due day, then id, of the accounts the actor sees them on (a client: their own). */
export async function listFollowUps(actor: Actor, keyset: Keyset, filter: ListFilter = {}) {
  const scope = await accountScope(actor, filter.accountId, { clients: true });
  const page = keysetArgs("dueDate", keyset);
  return db().followUp.findMany({
    where: { AND: [scope.where, page.where, { deletedAt: null }, filter.id ? { id: filter.id } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select,
  });
}

export const getFollowUpForApi = (actor: Actor, followUpId: string) =>
  oneRecord(
    "follow-up",
    followUpId,
    async (id) => (await db().followUp.findFirst({ where: { id, deletedAt: null }, select: { accountId: true } }))?.accountId,
    (accountId, id) => listFollowUps(actor, { limit: 1 }, { accountId, id }),
  );
