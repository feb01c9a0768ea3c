import { beforeEach, describe, expect, it } from "vitest";
import { getAccountDiagnosis, getScoreHistory } from "../../lib/data/diagnoses";
import { logInteraction } from "../../lib/data/interactions";
import { submitRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { pruneSnapshots } from "../../lib/health/retention";
import { jobs } from "../../lib/jobs/catalogue";
import { loadSignals } from "../../lib/health/signals";
import { diagnoseParsed } from "../../lib/scoring";
import { createHealthSnapshot, createRating } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

// Snapshots are compact (docs/decisions/017-cheap-rediagnosis-and-compact-snapshots.md): an
// account keeps its latest diagnosis and the one it is compared with whole; every other snapshot
// keeps its stage, score, confidence, observations and what changed at it.

const DAY = 86_400_000;
const MINUTE = 60_000;
let world: World;
let accountId: string;
beforeEach(async () => {
  world = await buildWorld();
  accountId = world.accounts.mine.id;
});

const whole = async () =>
  (await db().$queryRaw<{ id: string }[]>`SELECT id FROM health_snapshots WHERE account_id = ${accountId} AND NOT (evidence ? 'compact') ORDER BY computed_at`).map((r) => r.id);
const latestTwo = async () => {
  const rows = await db().healthSnapshot.findMany({ where: { accountId }, orderBy: { computedAt: "desc" }, take: 1, select: { id: true, comparedWithId: true } });
  return [rows[0]?.comparedWithId, rows[0]?.id].filter(Boolean);
};
/** Ratings a minute apart, each re-diagnosed: every one moves the diagnosis. */
async function rateEveryMinute(count: number, start: Date) {
  for (let n = 0; n < count; n++) {
    const at = new Date(start.getTime() + n * MINUTE);
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 1 + (n % 5), recommend: n % 11, createdAt: at });
    await recomputeAccountHealth(db(), accountId, at);
  }
}
const storage = async () => {
  await db().$executeRawUnsafe("VACUUM health_snapshots");
  const [row] = await db().$queryRaw<{ bytes: bigint }[]>`SELECT pg_total_relation_size('health_snapshots') AS bytes`;
  return Number(row!.bytes);
};

describe("compact snapshots", () => {
  it("keeps two whole diagnoses, the latest and the one it is compared with, and what changed at every point", async () => {
    const start = new Date(Date.now() - 2 * DAY);
    await rateEveryMinute(6, start);
    expect(await db().healthSnapshot.count({ where: { accountId } })).toBe(6);
    expect(await whole()).toEqual(await latestTwo());
    expect(await whole()).toHaveLength(2);

    const { comparison } = await getAccountDiagnosis(world.actors.cio, accountId);
    expect(comparison).toMatchObject({ kind: "diff", since: new Date(start.getTime() + 4 * MINUTE) });
    const history = await getScoreHistory(world.actors.cio, accountId);
    expect(history).toHaveLength(6);
    expect(history[0]?.change).toBeNull();
    expect(history.slice(1).every((point) => point.change?.readable)).toBe(true);

    // A rescore the next day stores an unchanged copy: the copy is now the latest, still compared
    // with the same one; the old latest is compacted.
    const [comparedWith] = await latestTwo();
    await recomputeAccountHealth(db(), accountId, new Date(start.getTime() + DAY));
    expect(await whole()).toHaveLength(2);
    expect((await latestTwo())[0]).toBe(comparedWith);
    expect((await getScoreHistory(world.actors.cio, accountId)).at(-1)?.change).toBeNull();
  });

  it("stores a small fraction of the whole diagnosis per write, indexes and TOAST included", async () => {
    const start = new Date(Date.now() - 3 * DAY);
    for (let n = 0; n < 40; n++) await createRating(db(), { accountId, userId: world.users.client.id, overall: 1 + (n % 5), recommend: 7, comment: "IT just doesn't get it", createdAt: new Date(start.getTime() - n * DAY) });
    await rateEveryMinute(10, start);
    const before = await storage();
    const writes = 100;
    // VACUUM every ten writes, as autovacuum would: the whole diagnosis each write replaces is
    // space to reuse only once the old version is vacuumed.
    for (let n = 0; n < writes; n += 10) {
      await rateEveryMinute(10, new Date(start.getTime() + DAY + n * MINUTE));
      await db().$executeRawUnsafe("VACUUM health_snapshots");
    }
    const perWrite = ((await storage()) - before) / writes;
    const [whole] = await db().$queryRaw<{ bytes: number }[]>`SELECT avg(pg_column_size(evidence))::float8 AS bytes FROM health_snapshots WHERE NOT (evidence ? 'compact')`;
    expect(await db().healthSnapshot.count({ where: { accountId } })).toBe(110);
    console.log(`health_snapshots growth per write: ${Math.round(perWrite)} bytes (a whole diagnosis: ${Math.round(whole!.bytes)} bytes stored)`);
    expect(perWrite).toBeLessThan(whole!.bytes / 2);
  }, 300_000);

  it("writes the month's row of account_health_months with each stored diagnosis, never back over a later one", async () => {
    const november = new Date("2026-11-10T09:00:00Z");
    const lateNovember = new Date("2026-11-28T09:00:00Z");
    const december = new Date("2026-12-01T09:00:00Z");
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 5, recommend: 10, createdAt: new Date(november.getTime() - DAY) });
    await recomputeAccountHealth(db(), accountId, november);
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 1, recommend: 0, createdAt: new Date(lateNovember.getTime() - DAY) });
    const late = await recomputeAccountHealth(db(), accountId, lateNovember);
    const first = await recomputeAccountHealth(db(), accountId, december);
    // A replay of mid-November after the fact leaves November's row at its last diagnosis.
    await recomputeAccountHealth(db(), accountId, new Date("2026-11-20T09:00:00Z"));

    const months = await db().accountHealthMonth.findMany({ where: { accountId }, orderBy: { month: "asc" } });
    expect(months.map(({ month, stage, score, computedAt }) => ({ month, stage, score, computedAt }))).toEqual([
      { month: new Date("2026-11-01T00:00:00Z"), stage: late.stage, score: late.score, computedAt: lateNovember },
      { month: new Date("2026-12-01T00:00:00Z"), stage: first.stage, score: first.score, computedAt: december },
    ]);
  });

  it("keeps each month's last snapshot beyond 400 days, every one since, and every whole one", async () => {
    const now = new Date("2026-12-02T12:00:00Z");
    const compact = { stage: "HEALTHY" as const, score: 80, confidence: 1, evidence: { compact: true, observations: 1, evidence: [] } };
    const old = ["2024-06-03", "2024-06-17", "2024-06-29", "2024-07-02", "2025-10-01", "2025-10-20"].map((day) => new Date(`${day}T10:00:00Z`));
    const rows = [];
    for (const computedAt of old) rows.push(await createHealthSnapshot(db(), { accountId, ...compact, computedAt }));
    // Whole: the one an account's latest is compared with can be years old.
    const wholeOld = await createHealthSnapshot(db(), { accountId, stage: "FLU", score: 40, confidence: 1, evidence: { formatVersion: 1 }, computedAt: new Date("2024-06-10T10:00:00Z") });
    const recent = await createHealthSnapshot(db(), { accountId, ...compact, computedAt: new Date("2026-11-30T10:00:00Z") });
    const otherAccount = await createHealthSnapshot(db(), { accountId: world.accounts.theirs.id, ...compact, computedAt: new Date("2024-06-05T10:00:00Z") });

    // Through the daily job, as the schedule runs it.
    expect(await jobs["prune-snapshots"].run({}, { now })).toMatchObject({ deleted: 3 });
    const kept = (await db().healthSnapshot.findMany({ orderBy: { computedAt: "asc" }, select: { id: true } })).map((r) => r.id);
    // Before the cutoff (2025-10-28): June 2024's 29th, July 2024, October 2025's 20th.
    expect(kept).toEqual([otherAccount.id, wholeOld.id, rows[2]!.id, rows[3]!.id, rows[5]!.id, recent.id]);
    expect(await pruneSnapshots(db(), now)).toBe(0);
  });
});

describe("re-diagnosis under concurrent writes", () => {
  it("ends with the diagnosis of everything written, however the writes interleave", async () => {
    const now = new Date();
    // Three at once: the test database's pool has room for them all to read before any locks.
    await Promise.all([
      submitRating(world.actors.client, ratingInput(accountId, { overall: 1, recommend: 0 }), now),
      ...Array.from({ length: 2 }, (_, n) => logInteraction(world.actors.rm, interactionInput(accountId, { occurredAt: new Date(now.getTime() - (n + 1) * MINUTE) }), now)),
    ]);
    const fresh = diagnoseParsed((await loadSignals(db(), [accountId], now)).get(accountId)!, { now });
    const account = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect({ stage: account.healthStage, score: account.healthScore }).toEqual({ stage: fresh.stage, score: fresh.score });
    const latest = await db().healthSnapshot.findFirstOrThrow({ where: { accountId }, orderBy: [{ computedAt: "desc" }, { id: "desc" }] });
    expect((latest.evidence as { observations: number }).observations).toBe(fresh.observations);
  });
});
