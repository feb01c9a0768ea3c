import "server-only";
import { db } from "../db/client";
import { recomputeAccountHealth } from "../health/recompute";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { recordAudit } from "./audit";
import { NotFoundError } from "./errors";
import { type Actor, canLogInteraction } from "./permissions";

/**
 * Marks a follow-up done (once: a second call keeps the first date) and re-diagnoses its account,
 * since overdue follow-ups owed by IT are a symptom.
 */
export async function completeFollowUp(actor: Actor, followUpId: string, now = new Date()) {
  const id = idSchema.safeParse(followUpId);
  const followUp = id.success
    ? await db().followUp.findUnique({ where: { id: id.data }, select: { id: true, accountId: true } })
    : null;
  if (!followUp) throw new NotFoundError("follow-up");
  await openAccount(actor, followUp.accountId, canLogInteraction).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("follow-up") : error;
  });

  return db().$transaction(async (tx) => {
    // Only the first of two concurrent clicks completes it.
    const completed = await tx.followUp.updateMany({ where: { id: followUp.id, doneAt: null }, data: { doneAt: now } });
    if (completed.count === 0) {
      const { doneAt } = await tx.followUp.findUniqueOrThrow({ where: { id: followUp.id }, select: { doneAt: true } });
      return { id: followUp.id, accountId: followUp.accountId, doneAt: doneAt as Date };
    }
    await recordAudit(tx, { actorId: actor.id, action: "followUp.completed", entityType: "FollowUp", entityId: followUp.id, accountId: followUp.accountId });
    await recomputeAccountHealth(tx, followUp.accountId, now);
    return { id: followUp.id, accountId: followUp.accountId, doneAt: now };
  });
}
