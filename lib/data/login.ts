import "server-only";
import { UNKNOWN_USER_HASH, verifyPassword } from "../auth/password";
import { appSignInThrottle, attemptKeys, forgiveAttempt, type SignInThrottle, takeAttempt } from "../auth/sign-in-throttle";
import { db } from "../db/client";
import type { Actor } from "./permissions";
import { startSession } from "./sessions";

const actorSelect = { id: true, role: true, accountId: true, name: true, email: true } as const;

export type SignInResult =
  | { status: "ok"; actor: Actor; sessionId: string }
  /** Wrong e-mail, wrong password or a deactivated user: the answer never says which. */
  | { status: "refused" }
  /** Too many attempts from this address (for this account, or at all): nothing was checked. */
  | { status: "throttled"; retryAfterSeconds: number };

export interface SignInAttempt {
  email: string;
  password: string;
  /** lib/http/client-ip.ts's address; null when unknown (all unknown clients share one budget). */
  address: string | null;
  now?: Date;
  throttle?: SignInThrottle;
}

/** Checks an e-mail and password from an address and, when they are right, opens a session. */
export async function signIn({ email, password, address, now = new Date(), throttle = appSignInThrottle() }: SignInAttempt): Promise<SignInResult> {
  const keys = attemptKeys(address, email);
  // Before any hashing: an address over its budget costs the server two small statements.
  const wait = await takeAttempt(throttle, keys);
  if (wait !== null) return { status: "throttled", retryAfterSeconds: wait };
  const actor = await authenticate(email, password);
  if (!actor) return { status: "refused" };
  await forgiveAttempt(throttle, keys);
  const sessionId = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { lastLoginAt: now }, select: { id: true } });
    return startSession(actor.id, now, tx);
  });
  return { status: "ok", actor, sessionId };
}

/**
 * The user whose e-mail and password these are, or null for every kind of failure (unknown e-mail,
 * wrong password, deactivated), each at the cost of one password hash so timing tells nothing.
 */
async function authenticate(email: string, password: string): Promise<Actor | null> {
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...actorSelect, passwordHash: true, deactivatedAt: true },
  });
  if (!user || user.deactivatedAt) {
    await verifyPassword(password, UNKNOWN_USER_HASH); // same cost as a real check
    return null;
  }
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  const { passwordHash: _hash, deactivatedAt: _deactivated, ...actor } = user;
  return actor;
}
