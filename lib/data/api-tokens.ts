import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";
import type { ApiTokenScope, Role } from "../generated/prisma/enums";
import type { NewApiTokenInput } from "../validation/api-token";
import { recordAudit } from "./audit";
import { NotFoundError } from "./errors";
import type { Actor } from "./permissions";

// Personal API tokens (decision 029). The secret is `rpt_` and 32 random bytes (base64url): the
// prefix lets a secret scanner or a person recognise a leaked one, the 256 bits make guessing
// pointless, so a fast SHA-256 (not a password hash) is the right way to store it. Only the hash
// is stored; the secret is returned once, by createApiToken. A token acts as its user: the same
// Actor, read again on every request, so a deactivated user's or a changed role's token follows.

export const TOKEN_PREFIX = "rpt_";
/** lastUsedAt is written at most this often, so most requests only read. */
export const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export const hashTokenSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export interface TokenView {
  id: string;
  name: string;
  scope: ApiTokenScope;
  hint: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const viewSelect = { id: true, name: true, scope: true, hint: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Makes a token for the actor themself; the secret is in the answer and nowhere else. */
export async function createApiToken(actor: Actor, input: NewApiTokenInput, now = new Date()): Promise<{ token: TokenView; secret: string }> {
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: { userId: actor.id, name: input.name, scope: input.scope, hint: secret.slice(TOKEN_PREFIX.length, TOKEN_PREFIX.length + 6), tokenHash: hashTokenSecret(secret), expiresAt, createdAt: now },
      select: viewSelect,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "apiToken.created",
      entityType: "ApiToken",
      entityId: token.id,
      details: { after: { name: token.name, scope: token.scope, expiresAt: token.expiresAt.toISOString() } },
    });
    return { token, secret };
  });
}

/** The actor's own tokens, newest first: live ones and those ended in the last 30 days. */
export async function listOwnApiTokens(actor: Actor, now = new Date()): Promise<TokenView[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  return db().apiToken.findMany({
    where: { userId: actor.id, OR: [{ revokedAt: null, expiresAt: { gt: since } }, { revokedAt: { gt: since } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: viewSelect,
  });
}

/** Revokes one of the actor's own tokens (another user's is not found); revoking twice keeps the first time. */
export async function revokeApiToken(actor: Actor, tokenId: string, now = new Date()): Promise<{ name: string }> {
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: tokenId, userId: actor.id }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new NotFoundError("token");
    if (token.revokedAt) return { name: token.name };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "apiToken.revoked", entityType: "ApiToken", entityId: token.id, details: { before: { name: token.name } } });
    return { name: token.name };
  });
}

export interface TokenHolder {
  actor: Actor;
  token: { id: string; scope: ApiTokenScope };
}

/**
 * The live token with this secret and its user as stored now, or null (unknown, revoked, expired,
 * or its user deactivated). One statement, like findActor: it also moves lastUsedAt to `now`
 * when that is more than a minute old.
 */
export async function authenticateApiToken(secret: string, now = new Date()): Promise<TokenHolder | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const touchBefore = new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS);
  const rows = await db().$queryRaw<{ tokenId: string; scope: ApiTokenScope; lastUsedAt: Date | null; id: string; role: Role; accountId: string | null; name: string; email: string }[]>`
    WITH live AS (
      SELECT t.id AS token_id, t.scope::text AS scope, t.last_used_at, u.id, u.role::text AS role, u.account_id, u.name, u.email
      FROM api_tokens t JOIN users u ON u.id = t.user_id
      WHERE t.token_hash = ${hashTokenSecret(secret)} AND t.revoked_at IS NULL AND t.expires_at > ${now} AND u.deactivated_at IS NULL
    ), touched AS (
      UPDATE api_tokens SET last_used_at = ${now}
      FROM live WHERE api_tokens.id = live.token_id AND (live.last_used_at IS NULL OR live.last_used_at < ${touchBefore})
      RETURNING api_tokens.id
    )
    SELECT token_id AS "tokenId", scope, id, role, account_id AS "accountId", name, email FROM live`;
  const row = rows[0];
  if (!row) return null;
  const { tokenId, scope, ...actor } = row;
  return { actor: { id: actor.id, role: actor.role, accountId: actor.accountId, name: actor.name, email: actor.email }, token: { id: tokenId, scope } };
}
