import "server-only";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { NewUserInput } from "../validation/user";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, managesUsers } from "./permissions";

function assertAdmin(actor: Actor) {
  if (!managesUsers(actor)) throw new ForbiddenError("Only administrators manage users.");
}

export async function listUsers(actor: Actor, now = new Date()) {
  assertAdmin(actor);
  const users = await db().user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: { id: true, name: true, email: true, role: true, lockedUntil: true, lastLoginAt: true, account: { select: { name: true } } },
  });
  return users.map(({ lockedUntil, ...user }) => ({ ...user, locked: lockedUntil !== null && lockedUntil > now }));
}

export async function listAccountChoices(actor: Actor) {
  assertAdmin(actor);
  return db().account.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export async function createUser(actor: Actor, input: NewUserInput) {
  assertAdmin(actor);
  return insertUser(input, actor.id);
}

/**
 * Creates the first administrator from the command line (npm run admin:create), when there is no
 * one to act as; audited with no actor.
 */
export async function createFirstAdmin(input: NewUserInput) {
  if (input.role !== "ADMIN") throw new InputConflictError("The first user must be an administrator.", { role: ["Must be ADMIN"] });
  return insertUser(input, null);
}

async function insertUser(input: NewUserInput, actorId: string | null) {
  if (input.accountId) {
    const account = await db().account.findUnique({ where: { id: input.accountId }, select: { id: true } });
    if (!account) throw new InputConflictError("Choose an existing account.", { accountId: ["Choose an existing account"] });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, role: input.role, accountId: input.accountId ?? null, passwordHash },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId,
        action: "user.created",
        entityType: "User",
        entityId: user.id,
        accountId: input.accountId ?? null,
        details: { role: input.role, email: input.email },
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new InputConflictError("A user with that email already exists.", { email: ["A user with that email already exists"] });
    }
    throw error;
  }
}

export async function unlockUser(actor: Actor, userId: string) {
  assertAdmin(actor);
  await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId }, data: { lockedUntil: null, failedLoginCount: 0 } });
    if (updated.count === 0) throw new NotFoundError("user");
    await recordAudit(tx, { actorId: actor.id, action: "user.unlocked", entityType: "User", entityId: userId });
  });
}
