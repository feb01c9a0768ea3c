import "server-only";
import { openAccount } from "../accounts";
import { ForbiddenError } from "../errors";
import type { AccountAccess, Actor } from "../permissions";

/**
 * Which accounts an export may read, as a where fragment for any table with `accountId` and an
 * `account` relation. One account: the policy is asked for it (not found otherwise, decision 002).
 * Every account: those the actor has full access to (an RM's own units: another manager's unit is
 * a portfolio row only), or a client's own account where clients see the list at all.
 */
export type ExportScope = { access: "full" | "client"; where: { accountId?: string; account?: { relationshipManagerId: string } } };

export async function exportScope(actor: Actor, accountId: string | undefined, { clients }: { clients: boolean }): Promise<ExportScope> {
  const allowed = (access: AccountAccess) => access === "full" || (clients && access === "client");
  if (accountId) {
    const access = await openAccount(actor, accountId, allowed);
    return { access: access === "client" ? "client" : "full", where: { accountId } };
  }
  switch (actor.role) {
    case "ADMIN":
    case "CIO":
      return { access: "full", where: {} };
    case "RELATIONSHIP_MANAGER":
      return { access: "full", where: { account: { relationshipManagerId: actor.id } } };
    case "CLIENT":
      if (!clients || !actor.accountId) throw new ForbiddenError("Only IT keeps these records.");
      return { access: "client", where: { accountId: actor.accountId } };
  }
}
