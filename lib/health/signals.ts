import type { Tx } from "../data/audit";
import type { AccountSignals } from "../scoring";

/**
 * Everything the scoring library needs to know about one account, read from the database.
 * The library's windows reach back a year at most (defaultConfig.windows), so older rows are left
 * out; follow-ups still open are included whatever their age, since they stay owed.
 */
export const SIGNAL_LOOKBACK_DAYS = 400;

export async function loadAccountSignals(tx: Tx, accountId: string, now: Date): Promise<AccountSignals> {
  const since = new Date(now.getTime() - SIGNAL_LOOKBACK_DAYS * 86_400_000);
  const [ratings, interactions, followUps] = await Promise.all([
    tx.rating.findMany({
      where: { accountId, createdAt: { gte: since, lte: now } },
      select: {
        id: true,
        createdAt: true,
        overall: true,
        recommend: true,
        responsiveness: true,
        delivery: true,
        communication: true,
        businessUnderstanding: true,
        trust: true,
        comment: true,
      },
    }),
    tx.interaction.findMany({
      where: { accountId, occurredAt: { gte: since, lte: now } },
      select: {
        id: true,
        occurredAt: true,
        type: true,
        sentiment: true,
        itOnTime: true,
        itPrepared: true,
        cancelledBy: true,
        summary: true,
        notes: true,
        quotes: { select: { id: true, side: true, text: true } },
      },
    }),
    tx.followUp.findMany({
      where: { accountId, createdAt: { lte: now }, OR: [{ doneAt: null }, { dueDate: { gte: since } }] },
      select: { id: true, owedBy: true, dueDate: true, doneAt: true, createdAt: true, interactionId: true },
    }),
  ]);

  return {
    ratings: ratings.map(({ createdAt, responsiveness, delivery, communication, businessUnderstanding, trust, ...rating }) => ({
      ...rating,
      at: createdAt,
      dimensions: { responsiveness, delivery, communication, businessUnderstanding, trust },
    })),
    interactions: interactions.map(({ occurredAt, ...interaction }) => ({ ...interaction, at: occurredAt })),
    // A follow-up completed after `now` was still open at `now` (matters when replaying history).
    followUps: followUps.map((followUp) => ({ ...followUp, doneAt: followUp.doneAt && followUp.doneAt <= now ? followUp.doneAt : null })),
  };
}
