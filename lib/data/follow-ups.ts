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
    ? await db().followUp.findUnique({ where: { id: id.data }, select: { id: true, accountId: true, doneAt: true } })
    : null;
  if (!followUp) throw new NotFoundError("follow-up");
  await openAccount(actor, followUp.accountId, canLogInteraction).catch(() => {
    throw new NotFoundError("follow-up");
  });
  if (followUp.doneAt) return { id: followUp.id, accountId: followUp.accountId, doneAt: followUp.doneAt };

  return db().$transaction(async (tx) => {
    await tx.followUp.update({ where: { id: followUp.id }, data: { doneAt: now } });
    await recordAudit(tx, { actorId: actor.id, action: "followUp.completed", entityType: "FollowUp", entityId: followUp.id, accountId: followUp.accountId });
    await recomputeAccountHealth(tx, followUp.accountId, now);
    return { id: followUp.id, accountId: followUp.accountId, doneAt: now };
  });
}
