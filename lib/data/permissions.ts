import type { Role } from "../generated/prisma/enums";

// The access policy in one place (docs/decisions/002-access-policy.md). Pure functions over the
// actor and the record, so the data layer asks them for every record it reads or writes.

export interface Actor {
  id: string;
  role: Role;
  /** The one account a CLIENT belongs to; null for IT roles. */
  accountId: string | null;
  name: string;
  email: string;
}

export interface AccountRef {
  id: string;
  relationshipManagerId: string | null;
}

/**
 * full: everything about the account, may log interactions.
 * client: the client's own view (ratings, interactions without IT's notes), may rate.
 * summary: a portfolio row only (name, stage, score, owner).
 * none: the account does not exist as far as this actor can tell.
 */
export type AccountAccess = "full" | "client" | "summary" | "none";

export function accountAccess(actor: Actor, account: AccountRef): AccountAccess {
  switch (actor.role) {
    case "ADMIN":
    case "CIO":
      return "full";
    case "RELATIONSHIP_MANAGER":
      return account.relationshipManagerId === actor.id ? "full" : "summary";
    case "CLIENT":
      return actor.accountId === account.id ? "client" : "none";
  }
}

export const canOpenAccount = (access: AccountAccess) => access === "full" || access === "client";
export const canLogInteraction = (access: AccountAccess) => access === "full";
export const canRate = (actor: Actor, access: AccountAccess) => actor.role === "CLIENT" && access === "client";

/** Roles that see the portfolio dashboard. */
export const seesPortfolio = (actor: Actor) => actor.role !== "CLIENT";
export const managesUsers = (actor: Actor) => actor.role === "ADMIN";
/** Creating, editing, archiving business units and assigning their relationship manager. */
export const managesAccounts = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";
/** A record's change history (the audit log): IT leadership. */
export const seesChangeHistory = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";
