import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { idSchema } from "../validation/fields";
import { NotFoundError } from "./errors";
import { type AccountAccess, type Actor, accountAccess, canOpenAccount } from "./permissions";
import { accountSummarySelect } from "./selects";

/**
 * Who manages the account, read once per server render: the account page's widgets each check
 * access (a dozen checks per page). cache() memoises only inside a React server render; a write
 * and the re-check after it in a server action or a test read the row again.
 */
const accountRef = cache((id: string) => db().account.findUnique({ where: { id }, select: { id: true, relationshipManagerId: true } }));

/**
 * Looks the account up and checks the actor's access to it. Missing accounts and accounts the
 * actor may not open both raise NotFoundError, so ids cannot be probed.
 */
export async function openAccount(
  actor: Actor,
  accountId: string,
  allowed: (access: AccountAccess) => boolean = canOpenAccount,
): Promise<AccountAccess> {
  const id = idSchema.safeParse(accountId);
  if (!id.success) throw new NotFoundError("account");
  const ref = await accountRef(id.data);
  const access = ref ? accountAccess(actor, ref) : "none";
  if (!allowed(access)) throw new NotFoundError("account");
  return access;
}

export async function getAccountSummary(actor: Actor, accountId: string) {
  const access = await openAccount(actor, accountId);
  const account = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { ...accountSummarySelect, relationshipManager: { select: { id: true, name: true, email: true } } },
  });
  // Clients see who to talk to, not IT's diagnosis or rating of them.
  if (access === "client") {
    const { healthStage: _s, healthScore: _sc, healthSince: _si, healthComputedAt: _c, criticality: _cr, ...clientView } = account;
    return { access, account: clientView, health: null };
  }
  const { healthStage, healthScore, healthSince, healthComputedAt, ...rest } = account;
  return { access, account: rest, health: { stage: healthStage, score: healthScore, since: healthSince, computedAt: healthComputedAt } };
}

/** Contacts still at the unit and IT people, who can be recorded as attendees. */
export async function getAttendeeOptions(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, (access) => access === "full");
  const [contacts, itPeople] = await Promise.all([
    db().contact.findMany({ where: { accountId, leftAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, title: true } }),
    db().user.findMany({ where: { role: { not: "CLIENT" } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return { contacts, itPeople };
}
