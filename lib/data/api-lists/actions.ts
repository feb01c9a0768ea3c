import "server-only";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { youSaidWeDidWhere } from "../actions";
import { type Keyset, keysetArgs } from "../keyset";
import type { Actor } from "../permissions";
import { accountScope, type ListFilter, oneRecord } from "./scope";

// Actions for the API, as the action plan shows them (lib/data/actions.ts, decision 022). IT with
// full access: every action with its owner, due day and status, by due day. The account's client:
// only "you said, we did" (done and marked visible), without IT's names or due days, by the day
// it was done, so not even the cursor carries a field the client does not see.

const person = { select: { id: true, name: true } } as const;
const fullSelect = {
  id: true,
  accountId: true,
  title: true,
  treatmentId: true,
  alertId: true,
  dueDate: true,
  status: true,
  outcome: true,
  visibleToClient: true,
  createdAt: true,
  closedAt: true,
  owner: person,
  createdBy: person,
  closedBy: person,
} as const;
const clientSelect = { id: true, accountId: true, title: true, outcome: true, closedAt: true } as const;

/** The list's time field for this actor: what `since`, `until` and the cursor are about. */
export const actionTimeField = (actor: Actor) => (actor.role === "CLIENT" ? "closedAt" : "dueDate");

type FullAction = Prisma.ActionGetPayload<{ select: typeof fullSelect }> & { access: "full" };
type ClientAction = Prisma.ActionGetPayload<{ select: typeof clientSelect }> & { access: "client"; closedAt: Date };

export async function listActions(actor: Actor, keyset: Keyset, filter: ListFilter = {}): Promise<(FullAction | ClientAction)[]> {
  const scope = await accountScope(actor, filter.accountId, { clients: true });
  const byId = filter.id ? { id: filter.id } : {};
  if (scope.access === "client") {
    const page = keysetArgs("closedAt", keyset);
    const rows = await db().action.findMany({ where: { AND: [scope.where, youSaidWeDidWhere, page.where, byId] }, orderBy: page.orderBy, take: page.take, select: clientSelect });
    // Done actions always have closedAt; the type does not know it.
    return rows.map((row) => ({ access: "client" as const, ...row, closedAt: row.closedAt as Date }));
  }
  const page = keysetArgs("dueDate", keyset);
  const rows = await db().action.findMany({ where: { AND: [scope.where, page.where, byId] }, orderBy: page.orderBy, take: page.take, select: fullSelect });
  return rows.map((row) => ({ access: "full" as const, ...row }));
}

export const getActionForApi = (actor: Actor, actionId: string) =>
  oneRecord(
    "action",
    actionId,
    async (id) => (await db().action.findUnique({ where: { id }, select: { accountId: true } }))?.accountId,
    (accountId, id) => listActions(actor, { limit: 1 }, { accountId, id }),
  );
