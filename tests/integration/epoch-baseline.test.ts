import { beforeEach, describe, expect, it } from "vitest";
import { recordEpoch } from "../../lib/data/epochs";
import { db } from "../../lib/db/client";
import { epochInputSchema } from "../../lib/validation/epoch";
import { loadDiagnosisInputs } from "../../lib/health/inputs";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { createHealthSnapshot, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld, daysFromNow, type World } from "./world";

// Death and reincarnation (issue 10 §4): once a new epoch starts, the diagnosis reads the
// account from that start only, signals and history alike (lib/health/inputs.ts): a new
// baseline, not the end stage of the epoch before, held by slow recovery.

const DAY = 86_400_000;
const epochToday = () => epochInputSchema.parse({ startsAt: daysFromNow(0), reasonKind: "NEW_IT_LEADERSHIP", reason: "A new CIO, a new start" });
let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

/** Months of a relationship at its end: low ratings, hostile meetings, diagnosed as the end stage. */
async function dyingHistory(accountId: string, userId: string, rmId: string, today: Date) {
  await db().account.update({ where: { id: accountId }, data: { createdAt: new Date(today.getTime() - 200 * DAY) } });
  const ids: string[] = [];
  for (let n = 0; n < 12; n++) {
    ids.push((await createRating(db(), { accountId, userId, overall: 1, recommend: 0, createdAt: new Date(today.getTime() - (n * 7 + 1) * DAY) })).id);
  }
  for (let n = 0; n < 6; n++) {
    const at = new Date(today.getTime() - (n * 10 + 2) * DAY);
    ids.push((await createInteraction(db(), { accountId, loggedById: rmId, occurredAt: at, sentiment: "VERY_NEGATIVE", itOnTime: false, type: "MEETING" })).id);
  }
  await createHealthSnapshot(db(), { accountId, stage: "DEATH_AND_REINCARNATION", score: 5, computedAt: new Date(today.getTime() - 3 * DAY) });
  return ids;
}

describe("the diagnosis after a new epoch", () => {
  it("a death-stage account whose new epoch starts today is diagnosed from the signals since then only", async () => {
    const mine = world.accounts.mine.id;
    const theirs = world.accounts.theirs.id;
    const now = new Date();
    const midnight = new Date(`${daysFromNow(0)}T00:00:00Z`);
    const before = await dyingHistory(mine, world.users.client.id, world.users.rm.id, midnight);
    await dyingHistory(theirs, world.users.otherClient.id, world.users.otherRm.id, midnight);

    await recordEpoch(world.actors.cio, mine, epochToday(), now);
    // The first signals of the new epoch: two good ratings today.
    const after = [];
    for (const k of [1, 2]) {
      after.push((await createRating(db(), { accountId: mine, userId: world.users.client.id, overall: 5, recommend: 10, createdAt: new Date(midnight.getTime() + (now.getTime() - midnight.getTime()) * (k / 3)) })).id);
    }
    const diagnosis = await recomputeAccountHealth(db(), mine, now);
    const control = await recomputeAccountHealth(db(), theirs, now);

    // The account without an epoch is still read whole: the end of the relationship, held.
    expect(control.stage).not.toBe("HEALTHY");
    expect(control.stage).not.toBe("INSUFFICIENT_DATA");

    const inputs = (await loadDiagnosisInputs(db(), [mine], now, [365])).get(mine)!;
    expect(inputs.signals.ratings.map((r) => r.id).sort()).toEqual([...after].sort());
    expect(inputs.signals.interactions).toEqual([]);
    expect(inputs.signals.trackedSince?.getTime()).toBe(midnight.getTime());
    // Only the new epoch's own diagnoses are history: nothing holds the old end stage.
    expect(inputs.histories.get(365)!.every((h) => new Date(h.at).getTime() >= midnight.getTime())).toBe(true);

    expect(diagnosis.stage).not.toBe("DEATH_AND_REINCARNATION");
    expect(diagnosis.hold).toBeNull();
    const named = new Set([...diagnosis.evidence.flatMap((e) => e.sourceIds), ...diagnosis.phrases.map((p) => p.source.id)]);
    for (const id of before) expect(named.has(id)).toBe(false);
  });

  it("an epoch starting later than the diagnosis' time changes nothing (a replay as of earlier)", async () => {
    const mine = world.accounts.mine.id;
    const now = new Date();
    const midnight = new Date(`${daysFromNow(0)}T00:00:00Z`);
    await dyingHistory(mine, world.users.client.id, world.users.rm.id, midnight);
    await recordEpoch(world.actors.cio, mine, epochToday(), now);
    const asOfYesterday = new Date(midnight.getTime() - 60_000);
    const inputs = (await loadDiagnosisInputs(db(), [mine], asOfYesterday, [365])).get(mine)!;
    expect(inputs.signals.ratings.length).toBe(12);
    expect(inputs.signals.interactions.length).toBe(6);
  });
});
