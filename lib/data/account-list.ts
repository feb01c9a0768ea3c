import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { openAccount } from "./accounts";
import { type Keyset, keysetArgs } from "./keyset";
import { type AccountAccess, type Actor, accountAccess } from "./permissions";

// The units an actor may know of, a keyset page at a time in creation order (the API's list,
// decision 029), each shaped for the actor's access to it (decision 002): IT with full access gets
// the unit's details and health, other relationship managers a portfolio row (name, stage, score,
// owner), a client only their own unit, without IT's diagnosis or criticality.

const listSelect = {
  id: true,
  name: true,
  description: true,
  criticality: true,
  meetingCadenceDays: true,
  archivedAt: true,
  createdAt: true,
  relationshipManagerId: true,
  relationshipManager: { select: { id: true, name: true } },
  healthStage: true,
  healthScore: true,
  healthSince: true,
  healthComputedAt: true,
} satisfies Prisma.AccountSelect;

type Row = Prisma.AccountGetPayload<{ select: typeof listSelect }>;

/** One unit as `access` lets the actor see it (the API's account object). */
export function accountForAccess(row: Row, access: Exclude<AccountAccess, "none">) {
  const base = { id: row.id, name: row.name, access, archivedAt: row.archivedAt, createdAt: row.createdAt, relationshipManager: row.relationshipManager };
  const health = { stage: row.healthStage, score: row.healthScore };
  if (access === "summary") return { ...base, health };
  const details = { ...base, description: row.description, meetingCadenceDays: row.meetingCadenceDays };
  if (access === "client") return details;
  return { ...details, criticality: row.criticality, health: { ...health, since: row.healthSince, computedAt: row.healthComputedAt } };
}

export type AccountListItem = ReturnType<typeof accountForAccess>;

/** Up to keyset.limit + 1 units (the extra one says another page follows), each with createdAt as its key. */
export async function listAccountsPage(actor: Actor, keyset: Keyset, options: { includeArchived?: boolean } = {}): Promise<AccountListItem[]> {
  const page = keysetArgs("createdAt", keyset);
  const where: Prisma.AccountWhereInput = {
    AND: [
      page.where as Prisma.AccountWhereInput,
      options.includeArchived ? {} : { archivedAt: null },
      // A client knows of one unit: their own.
      actor.role === "CLIENT" ? { id: actor.accountId ?? "" } : {},
    ],
  };
  const rows = await db().account.findMany({ where, orderBy: page.orderBy, take: page.take, select: listSelect });
  return rows.flatMap((row) => {
    const access = accountAccess(actor, row);
    return access === "none" ? [] : [accountForAccess(row, access)];
  });
}

/** One unit for the API, as the actor may see it; NotFoundError when they may not open it (openAccount's rule). */
export async function getAccountForApi(actor: Actor, accountId: string): Promise<AccountListItem> {
  const access = await openAccount(actor, accountId);
  const row = await db().account.findUniqueOrThrow({ where: { id: accountId }, select: listSelect });
  return accountForAccess(row, access === "full" ? "full" : "client");
}
