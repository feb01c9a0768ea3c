import { beforeEach, describe, expect, it } from "vitest";
import { getAccountDiagnosis, getLatestDiagnosis } from "../../lib/data/diagnoses";
import { logInteraction } from "../../lib/data/interactions";
import { withdrawRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { diagnoseAccounts, recomputeAccountHealth } from "../../lib/health/recompute";
import { GONE } from "../../lib/health/source-spans";
import { configInForce } from "../../lib/data/scoring-config";
import { createRating } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, type World } from "./world";

// A stored diagnosis keeps its runs of records as spans (lib/health/source-spans.ts): read back
// for the account page, it lists the records the library named, as a fresh diagnosis does, and
// a rating withdrawn since still counts as a record behind it (shown as withdrawn).

const DAY = 86_400_000;
let world: World;
let accountId: string;
beforeEach(async () => {
  world = await buildWorld();
  accountId = world.accounts.mine.id;
});

async function history(now: Date) {
  for (let n = 0; n < 40; n++) {
    await createRating(db(), {
      accountId,
      userId: world.users.client.id,
      overall: 1 + (n % 3),
      recommend: n % 7,
      ...(n % 2 === 0 ? { trust: 2, delivery: 3 } : {}),
      createdAt: new Date(now.getTime() - (n * 4 + 1) * DAY),
    });
  }
  for (let n = 0; n < 6; n++) await logInteraction(world.actors.rm, interactionInput(accountId, { occurredAt: new Date(now.getTime() - (n * 9 + 1) * DAY), sentiment: "NEGATIVE" }));
}

const fresh = async (now: Date) => (await diagnoseAccounts(db(), [accountId], now, [(await configInForce(db())).config])).get(accountId)![0]!;

describe("record spans in stored diagnoses", () => {
  it("stores a window of ratings as spans and reads back every record, as a fresh diagnosis names them", async () => {
    const now = new Date();
    await history(now);
    await recomputeAccountHealth(db(), accountId, now);
    const [row] = await db().$queryRaw<{ evidence: string }[]>`SELECT evidence::text AS evidence FROM health_snapshots WHERE account_id = ${accountId} ORDER BY computed_at DESC LIMIT 1`;
    expect(row!.evidence).toMatch(/"~rating:/);
    expect(row!.evidence).toMatch(/"~rating\.(trust|delivery):/);

    const read = await getLatestDiagnosis(world.actors.rm, accountId);
    expect(read?.readable).toBe(true);
    if (!read?.readable) throw new Error("unreadable");
    const expected = await fresh(new Date(read.diagnosis.computedAt));
    expect(read.diagnosis.evidence.map((e) => [e.signal, e.sourceIds])).toEqual(expected.evidence.map((e) => [e.signal, e.sourceIds]));
    expect(read.diagnosis.evidence.find((e) => e.signal === "ratings.overall.level")?.sourceIds.length).toBeGreaterThan(30);
  });

  it("a rating withdrawn since stays one of the records behind the earlier diagnosis, shown as no longer there", async () => {
    const now = new Date(Date.now() - 60_000);
    await history(now);
    await recomputeAccountHealth(db(), accountId, now);
    const before = await getLatestDiagnosis(world.actors.rm, accountId);
    if (!before?.readable) throw new Error("unreadable");
    const level = before.diagnosis.evidence.find((e) => e.signal === "ratings.overall.level")!;
    const withdrawn = level.sourceIds[5]!;
    const rating = await db().rating.findUniqueOrThrow({ where: { id: withdrawn }, select: { userId: true } });
    expect(rating.userId).toBe(world.users.client.id);
    await withdrawRating(world.actors.client, { ratingId: withdrawn, reason: "Rated the wrong unit" });

    const { current, comparison, sources } = await getAccountDiagnosis(world.actors.rm, accountId);
    if (!current?.readable || comparison?.kind !== "diff") throw new Error(`expected a comparison, got ${comparison?.kind}`);
    const previousLevel = comparison.previous.evidence.find((e) => e.signal === "ratings.overall.level")!;
    // The earlier diagnosis lists it as it did; the evidence links find it gone (withdrawn).
    expect(previousLevel.sourceIds).toEqual(level.sourceIds);
    expect(sources[withdrawn]).toBeUndefined();
    const currentLevel = current.diagnosis.evidence.find((e) => e.signal === "ratings.overall.level")!;
    expect(currentLevel.sourceIds).not.toContain(withdrawn);
    expect(currentLevel.sourceIds.some((id) => id.startsWith(GONE))).toBe(false);
    expect(currentLevel.sourceIds).toHaveLength(level.sourceIds.length - 1);
  });
});
