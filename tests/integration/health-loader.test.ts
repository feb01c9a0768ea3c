import { describe, expect, it } from "vitest";
import type { Tx } from "../../lib/data/audit";
import { currentEpochStarts } from "../../lib/data/epoch-starts";
import { ratingScoresSelect } from "../../lib/data/selects";
import { db } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";
import { loadDiagnosisInputs } from "../../lib/health/inputs";
import { loadSignals } from "../../lib/health/signals";
import type { ParsedSignals, StoredPhraseHit } from "../../lib/scoring";
import { seed } from "../../prisma/seed";

// The loader reads an account's signals, history and latest snapshot in one statement
// (docs/decisions/017-cheap-rediagnosis-and-compact-snapshots.md). It replaced five Prisma queries
// (plus one per nested relation); `prismaLoader` below is that loader as it was, kept as the
// reference: on the demo story, every kind of signal and a replay of history, both must give the
// library the same input.

const DAY = 86_400_000;
const storedHits = (json: unknown) => (Array.isArray(json) ? (json as StoredPhraseHit[]) : undefined);
/** The new loader sends a text only where its hits were not stored: the library reads it for nothing else. */
const unlessHits = (text: string, json: unknown) => (Array.isArray(json) ? "" : text);

async function prismaLoader(tx: Tx, accountIds: string[], now: Date): Promise<Map<string, Partial<ParsedSignals>>> {
  const since = new Date(now.getTime() - 400 * DAY);
  const accountId = { in: accountIds };
  const settled: Prisma.RatingInvitationWhereInput = {
    AND: [
      { OR: [{ expiresAt: { lte: now } }, { campaign: { closesAt: { lte: now } } }, { revokedAt: { lte: now } }] },
      { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }, { answeredAt: { lte: now } }] },
    ],
  };
  const [ratings, interactions, followUps, requests] = await Promise.all([
    tx.rating.findMany({ where: { accountId, createdAt: { gte: since, lte: now }, withdrawnAt: null }, orderBy: { createdAt: "asc" }, select: { ...ratingScoresSelect, accountId: true, phraseHits: true } }),
    tx.interaction.findMany({
      where: { accountId, occurredAt: { gte: since, lte: now }, deletedAt: null },
      orderBy: { occurredAt: "asc" },
      select: {
        id: true, accountId: true, occurredAt: true, type: true, sentiment: true, itOnTime: true, itPrepared: true, outcome: true, cancelledBy: true, summary: true, notes: true, phraseHits: true,
        quotes: { where: { deletedAt: null }, orderBy: { id: "asc" }, select: { id: true, side: true, text: true, phraseHits: true } },
      },
    }),
    tx.followUp.findMany({
      where: { accountId, createdAt: { lte: now }, deletedAt: null, OR: [{ doneAt: null }, { dueDate: { gte: since } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, accountId: true, owedBy: true, dueDate: true, doneAt: true, createdAt: true, interactionId: true },
    }),
    tx.ratingInvitation.findMany({ where: { accountId, sentAt: { gte: since, lte: now }, ...settled }, orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { id: true, accountId: true, sentAt: true, answeredAt: true } }),
  ]);
  const signals = new Map<string, Partial<ParsedSignals> & Pick<ParsedSignals, "ratings" | "interactions" | "followUps">>(accountIds.map((id) => [id, { ratings: [], interactions: [], followUps: [] }]));
  const of = (id: string) => signals.get(id)!;
  // Since the current epoch began (a new baseline), nothing from before it.
  const epochs = await currentEpochStarts(tx, accountIds, now);
  const beforeEpoch = (id: string, at: Date) => at < (epochs.get(id) ?? at);
  for (const { accountId: id, createdAt, responsiveness, delivery, communication, businessUnderstanding, trust, phraseHits, ...rating } of ratings) {
    if (beforeEpoch(id, createdAt)) continue;
    of(id).ratings.push({ ...rating, comment: unlessHits(rating.comment, phraseHits), at: createdAt, dimensions: { responsiveness, delivery, communication, businessUnderstanding, trust }, phraseHits: storedHits(phraseHits) });
  }
  for (const { accountId: id, occurredAt, phraseHits, quotes, ...interaction } of interactions) {
    if (beforeEpoch(id, occurredAt)) continue;
    of(id).interactions.push({
      ...interaction,
      summary: unlessHits(interaction.summary, phraseHits),
      notes: unlessHits(interaction.notes, phraseHits),
      at: occurredAt,
      phraseHits: storedHits(phraseHits),
      quotes: quotes.map((quote) => ({ ...quote, text: unlessHits(quote.text, quote.phraseHits), phraseHits: storedHits(quote.phraseHits) })),
    });
  }
  for (const { accountId: id, ...followUp } of followUps) {
    if (beforeEpoch(id, followUp.createdAt) || (followUp.doneAt && beforeEpoch(id, followUp.dueDate))) continue;
    of(id).followUps.push({ ...followUp, doneAt: followUp.doneAt && followUp.doneAt <= now ? followUp.doneAt : null });
  }
  for (const { accountId: id, sentAt, answeredAt, ...request } of requests) {
    if (beforeEpoch(id, sentAt as Date)) continue;
    (of(id).ratingRequests ??= []).push({ id: request.id, sentAt: sentAt as Date, answeredAt: answeredAt && answeredAt <= now ? answeredAt : null });
  }
  return signals;
}

/** Ratings, interactions and follow-ups at the same moment come in either order from the old loader. */
const byTimeAndId = <T extends { id: string }>(list: T[], at: (t: T) => Date) => [...list].sort((a, b) => at(a).getTime() - at(b).getTime() || a.id.localeCompare(b.id));
const timed = (r: { at: Date }) => r.at;
const created = (f: { createdAt: Date }) => f.createdAt;

describe("the one-statement loader", () => {
  it("gives the library what the Prisma queries gave, for every account of the demo story, now and in a replay", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    await seed(db(), { now });
    const ids = (await db().account.findMany({ select: { id: true } })).map((a) => a.id);
    let kinds = new Set<string>();
    for (const at of [now, new Date(now.getTime() - 120 * DAY)]) {
      const [before, after] = await Promise.all([prismaLoader(db(), ids, at), loadSignals(db(), ids, at)]);
      expect([...after.keys()].sort()).toEqual([...ids].sort());
      for (const id of ids) {
        const old = before.get(id)!;
        const fresh = after.get(id)!;
        kinds = new Set([...kinds, ...Object.entries(fresh).flatMap(([kind, value]) => (Array.isArray(value) && value.length > 0 ? [kind] : []))]);
        expect({ ...fresh, ratings: byTimeAndId(fresh.ratings, timed), interactions: byTimeAndId(fresh.interactions, timed), followUps: byTimeAndId(fresh.followUps, created) }).toMatchObject({
          ...old,
          ratings: byTimeAndId(old.ratings!, timed),
          interactions: byTimeAndId(old.interactions!, timed),
          followUps: byTimeAndId(old.followUps!, created),
        });
        // toMatchObject ignores extra keys: the ratings, interactions, follow-ups and requests must match exactly.
        for (const kind of ["ratings", "interactions", "followUps", "ratingRequests"] as const) expect(fresh[kind]?.length, kind).toBe(old[kind]?.length);
      }
    }
    // The story exercises every kind the loader reads.
    expect([...kinds].sort()).toEqual(
      ["analystLayers", "badNews", "declinedRequests", "followUps", "goals", "incidents", "interactions", "itAssessments", "projects", "ratingRequests", "ratings", "slaPeriods", "structuralEvents"].sort(),
    );
  }, 300_000);

  it("reads each window's history and the latest snapshot in the same statement", async () => {
    const now = new Date("2026-12-01T12:00:00Z");
    await seed(db(), { now });
    const ids = (await db().account.findMany({ select: { id: true } })).map((a) => a.id);
    const inputs = await loadDiagnosisInputs(db(), ids, now, [365, 90]);
    for (const id of ids) {
      const read = inputs.get(id)!;
      expect(read.latest?.computedAt.getTime()).toBeLessThanOrEqual(now.getTime());
      expect(read.histories.get(365)!.length).toBeGreaterThanOrEqual(read.histories.get(90)!.length);
      expect(read.version).toMatch(/^\d+$/);
    }
  }, 300_000);
});
