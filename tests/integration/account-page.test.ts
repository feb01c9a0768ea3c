import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { getEvidenceSources } from "../../lib/data/evidence-sources";
import { LINKS_PER_ITEM, PHRASES_PER_SIDE, shownPhrases } from "../../lib/data/evidence-shown";
import { getRatingsOverview, RATINGS_LISTED } from "../../lib/data/ratings";
import { getTimeline } from "../../lib/data/timeline";
import { db } from "../../lib/db/client";
import type { Diagnosis } from "../../lib/scoring";
import { timelineQuerySchema } from "../../lib/validation/timeline";
import { buildRating, createInteraction } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Decision 018: the account page reads bounded data however long the account's history — the
// ratings card from monthly aggregates and the newest ratings, the diagnosis naming a bounded
// number of records per piece of evidence, the timeline a keyset page at a time.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const DAY = 86_400_000;
const now = new Date();
const monthStart = (monthsAgo: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));

/** `n` ratings on an account, one every `everyDays` days back from now. */
async function ratings(accountId: string, n: number, everyDays: number, overall = (i: number) => 1 + (i % 5)) {
  const rows = Array.from({ length: n }, (_, i) => buildRating({ accountId, userId: world.users.client.id, overall: overall(i), createdAt: new Date(now.getTime() - 60_000 - i * everyDays * DAY) }));
  await db().rating.createMany({ data: rows });
  return rows;
}

describe("the ratings card", () => {
  it("counts and averages the whole history, charts the last 12 months by month, and lists only the newest", async () => {
    const accountId = world.accounts.mine.id;
    // Two years of a rating every three days: 244 ratings.
    const rows = await ratings(accountId, 244, 3);
    const withdrawn = rows[0]!;
    await db().rating.update({ where: { id: withdrawn.id }, data: { withdrawnAt: now } });
    const live = rows.slice(1);

    const overview = await getRatingsOverview(world.actors.rm, accountId, now);
    expect(overview.total).toBe(live.length);
    expect(overview.average).toBeCloseTo(live.reduce((sum, r) => sum + (r.overall as number), 0) / live.length, 5);
    expect(overview.latest).toHaveLength(RATINGS_LISTED);
    expect(overview.latest.map((r) => r.id)).toEqual(live.slice(0, RATINGS_LISTED).map((r) => r.id));

    // One point per month of the last 12 (this one included), each the month's own count and average.
    expect(overview.months.length).toBeLessThanOrEqual(12);
    expect(overview.months[0]!.month.getTime()).toBeGreaterThanOrEqual(monthStart(11).getTime());
    for (const month of overview.months) {
      const next = new Date(Date.UTC(month.month.getUTCFullYear(), month.month.getUTCMonth() + 1, 1));
      const inMonth = live.filter((r) => (r.createdAt as Date) >= month.month && (r.createdAt as Date) < next);
      expect(month.count).toBe(inMonth.length);
      expect(month.average).toBeCloseTo(inMonth.reduce((sum, r) => sum + (r.overall as number), 0) / inMonth.length, 5);
    }
    expect(overview.months.reduce((sum, m) => sum + m.count, 0)).toBe(live.filter((r) => (r.createdAt as Date) >= monthStart(11)).length);
  });

  it("is the account's own: a client of another unit and another manager get not found; an empty account says so", async () => {
    await ratings(world.accounts.theirs.id, 5, 1);
    const mine = await getRatingsOverview(world.actors.client, world.accounts.mine.id, now);
    expect(mine).toMatchObject({ total: 0, average: null, months: [], latest: [] });
    for (const actor of [world.actors.otherClient, world.actors.otherRm]) {
      await expect(getRatingsOverview(actor, world.accounts.mine.id, now)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await getRatingsOverview(world.actors.otherClient, world.accounts.theirs.id, now)).total).toBe(5);
  });
});

describe("the diagnosis's records", () => {
  it("names at most LINKS_PER_ITEM records per piece of evidence and the newest phrases per side, however many are behind them", async () => {
    const accountId = world.accounts.mine.id;
    const rows = await ratings(accountId, 300, 1);
    const ids = rows.map((r) => r.id);
    const interaction = await createInteraction(db(), { accountId, loggedById: world.users.rm.id });
    const hits = Array.from({ length: 40 }, (_, i) => ({
      phraseId: `p${i}`,
      side: "BUSINESS" as const,
      stage: "SNIFFLES" as const,
      matchedText: `phrase ${i}`,
      phrase: `phrase ${i}`,
      source: { kind: "rating" as const, id: ids[i]! },
      at: new Date(now.getTime() - i * DAY).toISOString(),
    }));
    const diagnosis = {
      evidence: [{ signal: "ratings", stage: "SNIFFLES", weight: 1, message: "Low ratings", sourceIds: [interaction.id, ...ids] }],
      phrases: hits,
    } as unknown as Diagnosis;

    const sources = await getEvidenceSources(world.actors.rm, accountId, diagnosis);
    const named = Object.keys(sources);
    // The item's first LINKS_PER_ITEM records, and the records of the newest phrases shown.
    const expected = new Set([interaction.id, ...ids.slice(0, LINKS_PER_ITEM - 1), ...shownPhrases(hits).hits.map((hit) => hit.source.id)]);
    expect(new Set(named)).toEqual(expected);
    expect(named.length).toBeLessThan(LINKS_PER_ITEM + PHRASES_PER_SIDE);
    expect(shownPhrases(hits)).toMatchObject({ more: 40 - PHRASES_PER_SIDE });
    expect(shownPhrases(hits).hits.map((hit) => hit.phraseId)).toEqual(hits.slice(0, PHRASES_PER_SIDE).map((hit) => hit.phraseId));
  });
});

describe("the timeline's pages", () => {
  it("keep their place while interactions are logged meanwhile: the older page neither repeats nor skips one", async () => {
    const accountId = world.accounts.mine.id;
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const old = [];
    for (let i = 0; i < 10; i++) old.push((await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: at(10 + i) })).id);
    const first = await getTimeline(world.actors.rm, accountId, {}, 4);
    expect(first.interactions.map((i) => i.id)).toEqual(old.slice(0, 4));
    // Two newer ones logged, and one as old as the next page's first (same time, another id).
    await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: at(1) });
    await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: at(2) });
    const rest: string[] = [];
    let from = first.older;
    while (from) {
      const page = await getTimeline(world.actors.rm, accountId, timelineQuerySchema.parse({ from }), 4);
      rest.push(...page.interactions.map((i) => i.id));
      from = page.older;
    }
    expect(rest).toEqual(old.slice(4));
  });

  it("a cursor from another account's timeline shows only this account's entries, and a client of B never gets A's", async () => {
    const mine = await createInteraction(db(), { accountId: world.accounts.mine.id, loggedById: world.users.rm.id, occurredAt: new Date(now.getTime() - 5 * DAY) });
    const theirs = await createInteraction(db(), { accountId: world.accounts.theirs.id, loggedById: world.users.otherRm.id, occurredAt: new Date(now.getTime() - 1 * DAY) });
    const cursor = `${theirs.occurredAt.getTime()}.${theirs.id}`;
    const page = await getTimeline(world.actors.client, world.accounts.mine.id, timelineQuerySchema.parse({ from: cursor }));
    expect(page.interactions.map((i) => i.id)).toEqual([mine.id]);
    await expect(getTimeline(world.actors.otherClient, world.accounts.mine.id, timelineQuerySchema.parse({ from: cursor }))).rejects.toBeInstanceOf(NotFoundError);
    const theirPage = await getTimeline(world.actors.otherClient, world.accounts.theirs.id);
    expect(theirPage.interactions.map((i) => i.id)).toEqual([theirs.id]);
  });
});
