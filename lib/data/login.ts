import "server-only";
import { UNKNOWN_USER_HASH, verifyPassword } from "../auth/password";
import { db } from "../db/client";
import { recordAudit } from "./audit";
import type { Actor } from "./permissions";

/** After this many consecutive failures an account is locked for LOCK_MINUTES. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

const actorSelect = { id: true, role: true, accountId: true, name: true, email: true } as const;

/**
 * Checks an e-mail and password. Returns the actor, or null for every kind of failure (unknown
 * e-mail, wrong password, locked account) so the answer never reveals which accounts exist.
 */
export async function authenticate(email: string, password: string, now = new Date()): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...actorSelect, passwordHash: true, lockedUntil: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) {
    await verifyPassword(password, UNKNOWN_USER_HASH); // same cost as a real check
    return null;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await verifyPassword(password, UNKNOWN_USER_HASH); // a locked account answers no faster
    return null;
  }

  if (!(await verifyPassword(password, user.passwordHash))) {
    await registerFailure(user.id, now);
    return null;
  }
  // Guesses sent in parallel all pass the lock check above; one that succeeds after the others
  // locked the account is refused here, atomically.
  const signedIn = await db().user.updateMany({
    where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
    data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
  });
  if (signedIn.count === 0) return null;
  const { passwordHash: _hash, lockedUntil: _locked, deactivatedAt: _deactivated, ...actor } = user;
  return actor;
}

async function registerFailure(userId: string, now: Date): Promise<void> {
  await db().$transaction(async (tx) => {
    // Increment in SQL so concurrent failures are all counted.
    const { failedLoginCount } = await tx.user.update({
      where: { id: userId },
      data: { failedLoginCount: { increment: 1 }, lastFailedLoginAt: now },
      select: { failedLoginCount: true },
    });
    if (failedLoginCount >= MAX_FAILED_LOGINS) {
      const lockedUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await tx.user.update({ where: { id: userId }, data: { lockedUntil, failedLoginCount: 0 } });
      await recordAudit(tx, {
        actorId: null,
        action: "user.locked",
        entityType: "User",
        entityId: userId,
        details: { reason: `${MAX_FAILED_LOGINS} failed sign-ins`, lockedUntil: lockedUntil.toISOString() },
      });
    }
  });
}

/**
 * The signed-in user as stored now, or null: role changes, deactivation and a password changed
 * after `signedInAt` take effect at the session's next request, whatever its cookie says.
 */
export async function findActor(id: string, signedInAt: Date): Promise<Actor | null> {
  const user = await db().user.findUnique({ where: { id }, select: { ...actorSelect, deactivatedAt: true, passwordChangedAt: true } });
  if (!user || user.deactivatedAt || (user.passwordChangedAt && user.passwordChangedAt > signedInAt)) return null;
  const { deactivatedAt: _deactivated, passwordChangedAt: _changed, ...actor } = user;
  return actor;
}

