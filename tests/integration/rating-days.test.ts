import { beforeEach, describe, expect, it } from "vitest";
import { getRatingsOverview, submitRating, withdrawRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { buildRating, createAccount, createUser } from "../../prisma/seed/factories";
import { actorOf, buildWorld, ratingInput, type World } from "./world";

// Decision 028: account_rating_days is kept by the ratings table's triggers in the statement that
// changes a rating, whatever the path (the app's submit and its replacement of a recent rating,
// a withdrawal, bulk inserts, deletes, an account's delete, two clients at once), and always
// equals the same sums counted from the ratings; the ratings card read from it says what the
// count over every rating said.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const DAY = 86_400_000;
const now = new Date();

const SUMS = `count(*)::int AS count, sum(overall)::int AS overall_sum, sum(recommend)::int AS recommend_sum,
  (count(*) FILTER (WHERE recommend >= 9))::int AS promoters, (count(*) FILTER (WHERE recommend <= 6))::int AS detractors,
  count(responsiveness)::int AS responsiveness_count, coalesce(sum(responsiveness), 0)::int AS responsiveness_sum,
  count(delivery)::int AS delivery_count, coalesce(sum(delivery), 0)::int AS delivery_sum,
  count(communication)::int AS communication_count, coalesce(sum(communication), 0)::int AS communication_sum,
  count(business_understanding)::int AS business_understanding_count, coalesce(sum(business_understanding), 0)::int AS business_understanding_sum,
  count(trust)::int AS trust_count, coalesce(sum(trust), 0)::int AS trust_sum`;

/** The day rows as kept, and as counted from the ratings now; equal when the triggers are right. */
async function keptAndCounted() {
  const kept = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT account_id, day::text AS day, count, overall_sum, recommend_sum, promoters, detractors, responsiveness_count, responsiveness_sum,
       delivery_count, delivery_sum, communication_count, communication_sum, business_understanding_count, business_understanding_sum,
       trust_count, trust_sum
     FROM account_rating_days ORDER BY account_id, day`,
  );
  const counted = await db().$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT account_id, created_at::date::text AS day, ${SUMS} FROM ratings WHERE withdrawn_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return { kept, counted };
}

/** A deterministic mix: every fifth rating without dimensions, some dimensions left out, every score. */
function varied(accountId: string, userId: string | null, n: number, spreadDays: number) {
  return Array.from({ length: n }, (_, i) => {
    const dim = (k: number) => (i % 5 === 0 || (i + k) % 7 === 0 ? null : 1 + ((i * (k + 3)) % 5));
    return buildRating({
      accountId,
      userId,
      overall: 1 + ((i * 7) % 5),
      recommend: (i * 3) % 11,
      responsiveness: dim(0),
      delivery: dim(1),
      communication: dim(2),
      businessUnderstanding: dim(3),
      trust: dim(4),
      createdAt: new Date(now.getTime() - 120_000 - Math.floor((i * spreadDays) / n) * DAY - (i % 13) * 3_600_000),
    });
  });
}

/** The ratings card as it was counted before the day rows (decision 018's queries). */
async function overviewFromEveryRating(accountId: string) {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const [totals] = await db().$queryRaw<{ count: number; average: number | null }[]>`
    SELECT count(*)::int AS count, avg(overall)::float8 AS average FROM ratings WHERE account_id = ${accountId} AND withdrawn_at IS NULL`;
  const months = await db().$queryRaw<{ month: Date; count: number; average: number }[]>`
    SELECT date_trunc('month', created_at) AS month, count(*)::int AS count, avg(overall)::float8 AS average
    FROM ratings WHERE account_id = ${accountId} AND withdrawn_at IS NULL AND created_at >= ${since} AND created_at <= ${now}
    GROUP BY 1 ORDER BY 1`;
  return { total: totals!.count, average: totals!.average, months: months.map((m) => ({ month: new Date(m.month).toISOString(), count: m.count, average: m.average })) };
}

async function expectCardAsCounted(accountId: string) {
  const card = await getRatingsOverview(world.actors.cio, accountId, now);
  const counted = await overviewFromEveryRating(accountId);
  expect(card.total).toBe(counted.total);
  if (counted.average === null) expect(card.average).toBeNull();
  else expect(card.average).toBeCloseTo(counted.average, 12);
  expect(card.months.map((m) => ({ month: m.month.toISOString(), count: m.count }))).toEqual(counted.months.map(({ month, count }) => ({ month, count })));
  card.months.forEach((m, i) => expect(m.average).toBeCloseTo(counted.months[i]!.average, 12));
}

describe("account_rating_days", () => {
  it("follows bulk inserts, the app's submissions, replacements, withdrawals, edits, deletes and an account's delete", async () => {
    const { mine, theirs } = world.accounts;
    await db().rating.createMany({ data: [...varied(mine.id, world.users.client.id, 200, 500), ...varied(theirs.id, world.users.otherClient.id, 60, 40)] });
    let { kept, counted } = await keptAndCounted();
    expect(kept.length).toBeGreaterThan(80);
    expect(kept).toEqual(counted);

    // The app's path: a submission, then the same client again within the recontact window
    // (replaces the first: withdrawn in the same transaction), then a withdrawal.
    const first = await submitRating(world.actors.client, ratingInput(mine.id, { overall: 5, recommend: 10, trust: 2 }));
    const second = await submitRating(world.actors.client, ratingInput(mine.id, { overall: 1, recommend: 0, delivery: 1 }));
    expect(second.replaced.map((r) => r.id)).toContain(first.id);
    const third = await submitRating(world.actors.otherClient, ratingInput(theirs.id, { overall: 3, recommend: 7 }));
    await withdrawRating(world.actors.otherClient, { ratingId: third.id, reason: "" });
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);

    // Updates that do not change what counts (phrase hits) and ones that do (moved, un-withdrawn), and deletes.
    await db().rating.updateMany({ where: { accountId: mine.id }, data: { phraseHits: [] } });
    const some = await db().rating.findMany({ where: { accountId: mine.id }, orderBy: { id: "asc" }, take: 30, select: { id: true } });
    await db().rating.updateMany({ where: { id: { in: some.slice(0, 10).map((r) => r.id) } }, data: { withdrawnAt: now } });
    await db().rating.updateMany({ where: { id: { in: some.slice(5, 10).map((r) => r.id) } }, data: { withdrawnAt: null } });
    await db().rating.updateMany({ where: { id: { in: some.slice(10, 15).map((r) => r.id) } }, data: { createdAt: new Date(now.getTime() - 3 * DAY) } });
    await db().rating.deleteMany({ where: { id: { in: some.slice(15, 30).map((r) => r.id) } } });
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
    await expectCardAsCounted(mine.id);
    await expectCardAsCounted(theirs.id);

    // Every rating of a day withdrawn: the day goes. An account deleted: its days go with it.
    await db().rating.updateMany({ where: { accountId: theirs.id }, data: { withdrawnAt: now } });
    expect(await db().accountRatingDay.count({ where: { accountId: theirs.id } })).toBe(0);
    await expectCardAsCounted(theirs.id);
    const gone = await createAccount(db(), { name: "Closed unit" });
    await db().rating.createMany({ data: varied(gone.id, null, 40, 20) });
    expect(await db().accountRatingDay.count({ where: { accountId: gone.id } })).toBeGreaterThan(0);
    await db().account.delete({ where: { id: gone.id } });
    expect(await db().accountRatingDay.count({ where: { accountId: gone.id } })).toBe(0);
    ({ kept, counted } = await keptAndCounted());
    expect(kept).toEqual(counted);
  }, 120_000);

  it("adds both of two clients' ratings stored at once on the same day", async () => {
    const { mine } = world.accounts;
    const clients = await Promise.all(Array.from({ length: 4 }, () => createUser(db(), { role: "CLIENT", accountId: mine.id })));
    await Promise.all(clients.map((client, i) => submitRating(actorOf(client), ratingInput(mine.id, { overall: 1 + i, recommend: 2 * i }))));
    const { kept, counted } = await keptAndCounted();
    expect(kept).toEqual(counted);
    expect(kept.find((row) => row.account_id === mine.id)).toMatchObject({ count: 4, overall_sum: 10 });
  });

  it("gives the ratings card the count, average and months that every rating gives, today's up to now", async () => {
    const { mine } = world.accounts;
    // Two years back, and one rating later today than `now` (a replay of history must not see it in the chart).
    await db().rating.createMany({ data: varied(mine.id, world.users.client.id, 300, 730) });
    await db().rating.create({ data: buildRating({ accountId: mine.id, userId: world.users.client.id, overall: 1, createdAt: new Date(now.getTime() + 1_000) }) });
    await expectCardAsCounted(mine.id);
    // An account never rated.
    await expectCardAsCounted(world.accounts.theirs.id);
  });
});
