import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../db/client";
import { env } from "../env";
import type { Role } from "../generated/prisma/enums";
import type { Tx } from "./audit";
import type { Actor } from "./permissions";

// Server-side sessions (decision 012). The signed cookie carries only a session's random id; the
// row in user_sessions decides, on every request, whether it still counts. So signing out,
// deactivation, a password change or reset and a role change end sessions at once, and no
// cookie outlives the row's absolute lifetime or its idle limit.

/** Why a session ended; stored in user_sessions.end_reason. */
export type EndReason = "sign-out" | "signed-out-elsewhere" | "deactivated" | "password" | "role" | "admin";

/** lastSeenAt is written at most this often, so most requests only read. */
export const TOUCH_INTERVAL_MS = 60_000;

/** The lifetimes in force: SESSION_MAX_HOURS (default 12) and SESSION_IDLE_MINUTES (default 30). */
export function sessionLimits(): { maxAgeMs: number; idleMs: number } {
  const { SESSION_MAX_HOURS, SESSION_IDLE_MINUTES } = env();
  return { maxAgeMs: SESSION_MAX_HOURS * 3_600_000, idleMs: SESSION_IDLE_MINUTES * 60_000 };
}

type Client = ReturnType<typeof db> | Tx;

/** Opens a session for a user who just proved their password; returns its id (the cookie's secret). */
export async function startSession(userId: string, now = new Date(), client: Client = db()): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + sessionLimits().maxAgeMs);
  await client.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt }, select: { id: true } });
  return id;
}

/**
 * The user of a live session, as stored now, or null. One statement: it reads the session joined
 * with its user and, when lastSeenAt is more than a minute old, moves it to `now` (a CTE's UPDATE
 * runs even though the SELECT does not read it).
 */
export async function findActor(sessionId: string, now = new Date()): Promise<Actor | null> {
  const { idleMs } = sessionLimits();
  const idleSince = new Date(now.getTime() - idleMs);
  const touchBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
  const rows = await db().$queryRaw<{ id: string; role: Role; accountId: string | null; name: string; email: string }[]>`
    WITH live AS (
      SELECT s.id AS session_id, s.last_seen_at, u.id, u.role::text AS role, u.account_id, u.name, u.email
      FROM user_sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = ${sessionId} AND s.ended_at IS NULL AND s.expires_at > ${now} AND s.last_seen_at > ${idleSince}
        AND u.deactivated_at IS NULL
    ), touched AS (
      UPDATE user_sessions SET last_seen_at = ${now}
      FROM live WHERE user_sessions.id = live.session_id AND live.last_seen_at < ${touchBefore}
      RETURNING user_sessions.id
    )
    SELECT id, role, account_id AS "accountId", name, email FROM live`;
  return rows[0] ?? null;
}

/** Ends one session (signing out); a session already ended keeps its first reason. */
export async function endSession(sessionId: string, reason: EndReason, now = new Date()): Promise<void> {
  await db().userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/** Ends every open session of a user (but `keep`), in the caller's transaction. */
export async function endUserSessions(tx: Tx, userId: string, reason: EndReason, now: Date, keep?: string): Promise<number> {
  const ended = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) },
    data: { endedAt: now, endReason: reason },
  });
  return ended.count;
}

/** The caller's own live sessions, newest first, `current` marking the one asking. */
export async function listOwnSessions(actor: Actor, currentId: string, now = new Date()) {
  const rows = await db().userSession.findMany({
    where: { userId: actor.id, endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - sessionLimits().idleMs) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  // The ids are credentials' halves: the page gets only which one is current.
  return rows.map(({ id, ...row }) => ({ ...row, current: id === currentId }));
}

/** Signs the caller out everywhere but here (a forgotten shared computer); returns how many ended. */
export async function endOtherSessions(actor: Actor, currentId: string, now = new Date()): Promise<number> {
  return db().$transaction((tx) => endUserSessions(tx, actor.id, "signed-out-elsewhere", now, currentId));
}
