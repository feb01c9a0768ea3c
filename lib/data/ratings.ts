import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { recomputeAccountHealth } from "../health/recompute";
import { ratingCommentPhrases } from "../scoring/phrases/sources";
import type { RatingInput } from "../validation/rating";
import { openAccount } from "./accounts";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError } from "./errors";
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
