import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { recomputeAccountHealth } from "../health/recompute";
import { ratingCommentPhrases } from "../scoring/phrases/sources";
import { idSchema } from "../validation/fields";
import type { RatingInput, WithdrawRating } from "../validation/rating";
import { type AccountWriteResult, changedFields, writeForAccount } from "./account-write";
import { openAccount } from "./accounts";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, canRate } from "./permissions";

export interface RatingReceipt {
  id: string;
  /** True when this was a retry of a submission already stored. */
  duplicate: boolean;
}

/**
 * Stores a business client's rating once per idempotency key (a retried submission returns the
 * first one) and re-diagnoses the account in the same transaction.
 */
export async function submitRating(actor: Actor, input: RatingInput, now = new Date()): Promise<RatingReceipt> {
  const access = await openAccount(actor, input.accountId);
  if (!canRate(actor, access)) throw new ForbiddenError("Only the account's business clients rate IT's service.");

  const existing = await findByKey(actor, input);
  if (existing) return existing;

  const { accountId, idempotencyKey, ...scores } = input;
  try {
    return await db().$transaction(async (tx) => {
      const rating = await tx.rating.create({
        data: { ...scores, phraseHits: ratingCommentPhrases(scores.comment), accountId, idempotencyKey, userId: actor.id, createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "rating.created", entityType: "Rating", entityId: rating.id, accountId });
      await recomputeAccountHealth(tx, accountId, now);
      return { id: rating.id, duplicate: false };
    });
  } catch (error) {
    // A concurrent retry won the race: answer with the stored one.
    if (isUniqueViolation(error)) {
      const stored = await findByKey(actor, input);
      if (stored) return stored;
    }
    throw error;
  }
}

async function findByKey(actor: Actor, input: RatingInput): Promise<RatingReceipt | null> {
  const stored = await db().rating.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, userId: true, accountId: true },
  });
  if (!stored) return null;
  if (stored.userId !== actor.id || stored.accountId !== input.accountId) {
    throw new InputConflictError("This form was already used. Reload the page to rate again.");
  }
  return { id: stored.id, duplicate: true };
}

/**
 * A business client withdraws a rating they gave: it leaves the diagnosis and the rating lists,
 * and the account is re-diagnosed. IT never edits or withdraws a client's rating (403: IT sees
 * the rating, so refusing says nothing new); a rating the caller cannot see is not found.
 */
export async function withdrawRating(actor: Actor, { ratingId, reason }: WithdrawRating, now = new Date()): Promise<AccountWriteResult<{ id: string }>> {
  const id = idSchema.safeParse(ratingId);
  const rating = id.success
    ? await db().rating.findFirst({ where: { id: id.data, withdrawnAt: null }, select: { id: true, accountId: true, userId: true } })
    : null;
  if (!rating) throw new NotFoundError("rating");
  await openAccount(actor, rating.accountId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("rating") : error;
  });
  if (actor.role !== "CLIENT") throw new ForbiddenError("IT never changes a client's rating: only the client who gave it may withdraw it.");
  if (rating.userId !== actor.id) throw new ForbiddenError("Only the person who gave a rating may withdraw it.");

  return writeForAccount(
    actor,
    rating.accountId,
    async (tx) => {
      // Only the first of two withdrawals counts; the second finds nothing to withdraw.
      const withdrawn = await tx.rating.updateMany({ where: { id: rating.id, withdrawnAt: null }, data: { withdrawnAt: now, withdrawReason: reason || null } });
      if (withdrawn.count === 0) throw new NotFoundError("rating");
      const details = changedFields({ withdrawnAt: null, withdrawReason: null }, { withdrawnAt: now, withdrawReason: reason || null });
      return { result: { id: rating.id }, audit: { action: "rating.withdrawn", entityType: "Rating", entityId: rating.id, details } };
    },
    { now, allowed: (access) => canRate(actor, access) },
  );
}
