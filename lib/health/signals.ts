import type { Tx } from "../data/audit";
import { ratingScoresSelect } from "../data/selects";
import type { ParsedSignals, StoredPhraseHit } from "../scoring";

/**
 * The scoring library's windows reach back a year at most (defaultConfig.windows), so older rows
 * are left out; follow-ups still open are included whatever their age, since they stay owed.
 */
export const SIGNAL_LOOKBACK_DAYS = 400;

/** Stored hits, or undefined for text saved before detection was stored (the library scans it). */
const storedHits = (json: unknown) => (Array.isArray(json) ? (json as StoredPhraseHit[]) : undefined);

/**
 * Everything the scoring library needs about each account, as of `now`, in three queries.
 * Built directly in the library's validated shape (TypeScript checks it against ParsedSignals):
 * the rows come from typed columns that only zod-validated writes fill, so validating them again
 * would only cost time (docs/decisions/005-trusted-signals.md).
 */
export async function loadSignals(tx: Tx, accountIds: string[], now: Date): Promise<Map<string, ParsedSignals>> {
  const since = new Date(now.getTime() - SIGNAL_LOOKBACK_DAYS * 86_400_000);
  const accountId = { in: accountIds };
  const [ratings, interactions, followUps] = await Promise.all([
    tx.rating.findMany({
      where: { accountId, createdAt: { gte: since, lte: now } },
      // In time order, as the library wants them (it sorts otherwise).
      orderBy: { createdAt: "asc" },
      select: { ...ratingScoresSelect, accountId: true, phraseHits: true },
    }),
    tx.interaction.findMany({
      where: { accountId, occurredAt: { gte: since, lte: now } },
      orderBy: { occurredAt: "asc" },
      select: {
        id: true,
        accountId: true,
        occurredAt: true,
        type: true,
        sentiment: true,
        itOnTime: true,
        itPrepared: true,
        cancelledBy: true,
        summary: true,
        notes: true,
        phraseHits: true,
        quotes: { select: { id: true, side: true, text: true, phraseHits: true } },
      },
    }),
    tx.followUp.findMany({
      where: { accountId, createdAt: { lte: now }, OR: [{ doneAt: null }, { dueDate: { gte: since } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, accountId: true, owedBy: true, dueDate: true, doneAt: true, createdAt: true, interactionId: true },
    }),
  ]);

  const signals = new Map<string, ParsedSignals>(accountIds.map((id) => [id, { ratings: [], interactions: [], followUps: [] }]));
  const of = (id: string) => signals.get(id) as ParsedSignals;

  for (const { accountId: id, createdAt, responsiveness, delivery, communication, businessUnderstanding, trust, phraseHits, ...rating } of ratings) {
    of(id).ratings.push({
      ...rating,
      at: createdAt,
      dimensions: { responsiveness, delivery, communication, businessUnderstanding, trust },
      phraseHits: storedHits(phraseHits),
    });
  }
  for (const { accountId: id, occurredAt, phraseHits, quotes, ...interaction } of interactions) {
    of(id).interactions.push({
      ...interaction,
      at: occurredAt,
      phraseHits: storedHits(phraseHits),
      quotes: quotes.map((quote) => ({ ...quote, phraseHits: storedHits(quote.phraseHits) })),
    });
  }
  for (const { accountId: id, ...followUp } of followUps) {
    // A follow-up completed after `now` was still open at `now` (matters when replaying history).
    of(id).followUps.push({ ...followUp, doneAt: followUp.doneAt && followUp.doneAt <= now ? followUp.doneAt : null });
  }
  return signals;
}
