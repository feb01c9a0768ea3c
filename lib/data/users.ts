import "server-only";
import { hashPassword, verifyPassword } from "../auth/password";
import { waitText } from "../auth/sign-in-error";
import { appSignInThrottle, attemptKeys, forgiveAttempt, type SignInThrottle, takeAttempt } from "../auth/sign-in-throttle";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { idSchema } from "../validation/fields";
import type { EditUserInput, NewUserInput } from "../validation/user";
import { changedFields } from "./account-write";
import { recordAudit, type Tx } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, managesUsers } from "./permissions";
import { endUserSessions } from "./sessions";

function assertAdmin(actor: Actor) {
  if (!managesUsers(actor)) throw new ForbiddenError("Only administrators manage users.");
}

export async function listUsers(actor: Actor) {
  assertAdmin(actor);
  const users = await db().user.findMany({
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      lastLoginAt: true,
      deactivatedAt: true,
      account: { select: { name: true } },
      _count: { select: { managedAccounts: { where: { archivedAt: null } } } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, managedAccounts: _count.managedAccounts }));
}

/** One user, for the administrator's edit page. */
export async function getUser(actor: Actor, userId: string) {
  assertAdmin(actor);
  const id = idSchema.safeParse(userId);
  const user = id.success
    ? await db().user.findUnique({
        where: { id: id.data },
        select: { id: true, name: true, email: true, role: true, accountId: true, deactivatedAt: true, lastLoginAt: true, passwordChangedAt: true },
      })
    : null;
  if (!user) throw new NotFoundError("user");
  return user;
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

async function assertAccountExists(accountId: string | undefined) {
  if (!accountId) return;
  const account = await db().account.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) throw new InputConflictError("Choose an existing account.", { accountId: ["Choose an existing account"] });
}

async function insertUser(input: NewUserInput, actorId: string | null) {
  await assertAccountExists(input.accountId);
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

/** An administrator signs a user out everywhere (a lost laptop, a shared screen); they can sign in again. */
export async function endAllSessions(actor: Actor, userId: string, now = new Date()) {
  assertAdmin(actor);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
    if (!user) throw new NotFoundError("user");
    const ended = await endUserSessions(tx, userId, "admin", now);
    await recordAudit(tx, { actorId: actor.id, action: "user.signedOut", entityType: "User", entityId: userId, details: { sessions: ended } });
    return { ...user, ended };
  });
}

/** A relationship manager who still owns units cannot stop being one: each unit keeps one accountable owner. */
async function assertOwnsNoUnits(tx: Tx, userId: string, field: string, doing: string) {
  const owned = await tx.account.count({ where: { relationshipManagerId: userId, archivedAt: null } });
  if (owned > 0) {
    const units = `${owned} business unit${owned === 1 ? "" : "s"}`;
    throw new InputConflictError(`Reassign their ${units} to another relationship manager before ${doing}.`, { [field]: [`Still manages ${units}`] });
  }
}

const userChangeSelect = { id: true, name: true, role: true, accountId: true } as const;

/** An administrator corrects a user's name, role or account; audited with before and after. */
export async function updateUser(actor: Actor, input: EditUserInput, now = new Date()) {
  assertAdmin(actor);
  await assertAccountExists(input.accountId);
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: userChangeSelect });
    if (!before) throw new NotFoundError("user");
    if (before.id === actor.id && input.role !== "ADMIN") {
      throw new InputConflictError("You cannot remove your own administrator role.", { role: ["Ask another administrator to change your role"] });
    }
    if (before.role === "RELATIONSHIP_MANAGER" && input.role !== "RELATIONSHIP_MANAGER") await assertOwnsNoUnits(tx, before.id, "role", "changing their role");
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { name: input.name, role: input.role, accountId: input.accountId ?? null },
      select: userChangeSelect,
    });
    // What they may see changed: sessions opened under the old role or account end (decision 012).
    if (before.role !== after.role || before.accountId !== after.accountId) await endUserSessions(tx, after.id, "role", now);
    const details = changedFields(before, after) as { before: object };
    if (Object.keys(details.before).length > 0) {
      await recordAudit(tx, { actorId: actor.id, action: "user.updated", entityType: "User", entityId: after.id, details });
    }
    return after;
  });
}

/**
 * Deactivates or reactivates a user. A deactivated user cannot sign in, and every session they
 * hold ends with the change; their history stays.
 */
export async function setUserActive(actor: Actor, userId: string, active: boolean, now = new Date()) {
  assertAdmin(actor);
  if (userId === actor.id && !active) throw new InputConflictError("You cannot deactivate yourself.");
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, deactivatedAt: true } });
    if (!user) throw new NotFoundError("user");
    if ((user.deactivatedAt === null) === active) return user; // already so: nothing to record
    if (!active) await assertOwnsNoUnits(tx, user.id, "userId", "deactivating them");
    const updated = await tx.user.update({ where: { id: userId }, data: { deactivatedAt: active ? null : now }, select: { id: true, name: true, deactivatedAt: true } });
    if (!active) await endUserSessions(tx, userId, "deactivated", now);
    await recordAudit(tx, { actorId: actor.id, action: active ? "user.reactivated" : "user.deactivated", entityType: "User", entityId: userId });
    return updated;
  });
}

async function storePassword(tx: Tx, userId: string, password: string, now: Date) {
  await tx.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(password), passwordChangedAt: now } });
  // Whoever knew the old password (or holds a session opened with it) is out.
  await endUserSessions(tx, userId, "password", now);
}

/** An administrator sets a new password for a user (who forgot theirs); their sessions end. */
export async function resetPassword(actor: Actor, userId: string, password: string, now = new Date()) {
  assertAdmin(actor);
  await db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFoundError("user");
    await storePassword(tx, userId, password, now);
    await recordAudit(tx, { actorId: actor.id, action: "user.passwordReset", entityType: "User", entityId: userId });
  });
}

/** Anyone signed in changes their own password, proving the current one; every session ends, this one too. */
export async function changeOwnPassword(
  actor: Actor,
  currentPassword: string,
  password: string,
  { now = new Date(), address = null, throttle = appSignInThrottle() }: { now?: Date; address?: string | null; throttle?: SignInThrottle } = {},
) {
  // The current password is a guess like a sign-in's (a session left open, a stolen cookie): it
  // takes from the same budgets as signing in from this address to this account, before hashing.
  const keys = attemptKeys(address, actor.email);
  const wait = await takeAttempt(throttle, keys);
  if (wait !== null) {
    const message = `Too many wrong passwords. Try again in ${waitText(wait)}.`;
    throw new InputConflictError(message, { currentPassword: [message] });
  }
  const { passwordHash } = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(currentPassword, passwordHash))) {
    throw new InputConflictError("Your current password is not right.", { currentPassword: ["This is not your current password"] });
  }
  await forgiveAttempt(throttle, keys);
  await db().$transaction(async (tx) => {
    await storePassword(tx, actor.id, password, now);
    await recordAudit(tx, { actorId: actor.id, action: "user.passwordChanged", entityType: "User", entityId: actor.id });
  });
}
