import "server-only";
import { createHash } from "node:crypto";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import { KEY_LIFETIME_MS } from "../../retention/expired";
import { ApiError } from "./errors";

// Idempotency-Key on every create (decision 029). The key is reserved (a row without an answer)
// before the create runs, in its own statement, so two requests racing with one key cannot both
// create: the second sees the reservation and is told to retry. The answer is stored when the
// create succeeds; an error releases the key, so a corrected retry may use it again. Keys are per
// token and kept for a day (swept daily by the "prune-expired" job).

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export function requestHash(operationId: string, path: string, body: unknown): string {
  return createHash("sha256").update(JSON.stringify([operationId, path, body ?? null])).digest("hex");
}

export function parseKey(header: string | null): string | null {
  if (header === null) return null;
  if (!KEY_PATTERN.test(header)) {
    throw new ApiError(400, "invalid_request", "The Idempotency-Key must be 1 to 255 visible ASCII characters.", { "Idempotency-Key": ["Use a UUID, for example"] });
  }
  return header;
}

/**
 * Reserves the key for this request, or returns the answer stored for it. The same key with
 * another request (another operation, path or body) is refused with 422.
 */
export async function reserveKey(tokenId: string, key: string, operationId: string, hash: string, now = new Date()): Promise<StoredAnswer | null> {
  // A key older than its lifetime is forgotten: the same key may then start afresh.
  await db().apiIdempotencyKey.deleteMany({ where: { tokenId, key, createdAt: { lt: new Date(now.getTime() - KEY_LIFETIME_MS) } } });
  // ON CONFLICT DO NOTHING: one of two racing requests reserves it, the other reads it below.
  const reserved = await db().apiIdempotencyKey.createMany({ data: [{ tokenId, key, operationId, requestHash: hash, createdAt: now }], skipDuplicates: true });
  if (reserved.count === 1) return null;
  const stored = await db().apiIdempotencyKey.findUnique({ where: { tokenId_key: { tokenId, key } }, select: { requestHash: true, status: true, response: true } });
  if (!stored) throw new ApiError(409, "conflict", "A request with this Idempotency-Key was just finished or released: send it again.");
  if (stored.requestHash !== hash) {
    throw new ApiError(422, "idempotency_key_reused", "This Idempotency-Key was used for a different request: use a new key for a new request.", { "Idempotency-Key": ["Already used for another request"] });
  }
  if (stored.status === null) throw new ApiError(409, "conflict", "A request with this Idempotency-Key is still running: try again in a moment.", undefined, { "retry-after": "1" });
  return { status: stored.status, body: stored.response };
}

export async function storeAnswer(tokenId: string, key: string, answer: StoredAnswer): Promise<void> {
  await db().apiIdempotencyKey.update({ where: { tokenId_key: { tokenId, key } }, data: { status: answer.status, response: answer.body as Prisma.InputJsonValue }, select: { key: true } });
}

export async function releaseKey(tokenId: string, key: string): Promise<void> {
  await db().apiIdempotencyKey.deleteMany({ where: { tokenId, key, status: null } });
}
