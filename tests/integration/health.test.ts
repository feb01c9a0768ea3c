import { beforeEach, describe, expect, it } from "vitest";
import { logInteraction } from "../../lib/data/interactions";
import { submitRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { Prisma } from "../../lib/generated/prisma/client";
import { recomputeAccountHealth, recomputeHealth } from "../../lib/health/recompute";
import { loadSignals } from "../../lib/health/signals";
import { accountSignalsSchema, type Diagnosis, type ParsedSignals } from "../../lib/scoring";
import { createAccount, createHealthSnapshot, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const NOW = new Date("2026-11-20T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe("phrase detection when text is saved", () => {
  it("stores the phrases found in quotes, notes and rating comments", async () => {
    const { id } = await logInteraction(
      world.actors.rm,
      interactionInput(world.accounts.mine.id, {
        notes: "Margaret said IT is so wound up in red tape these days.",
        quotes: [
          { side: "IT", text: "The business needs to get its own house in order" },
          { side: "BUSINESS", text: "Thanks for the quick turnaround on the report" },
        ],
      }),
    );
    const interaction = await db().interaction.findUniqueOrThrow({ where: { id }, include: { quotes: { orderBy: { text: "asc" } } } });
    expect(interaction.phraseHits).toEqual([expect.objectContaining({ side: "BUSINESS", stage: "FLU" })]);
    expect(interaction.quotes.map((quote) => quote.phraseHits)).toEqual([
      [],
      [expect.objectContaining({ side: "IT", stage: "FLU" })],
    ]);

    const receipt = await submitRating(world.actors.client, ratingInput(world.accounts.mine.id, { comment: "IT just doesn't get it." }));
    const rating = await db().rating.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(rating.phraseHits).toEqual([expect.objectContaining({ side: "BUSINESS", stage: "SNIFFLES" })]);
  });

  it("diagnoses from the stored hits, rescanning only text stored without them", async () => {
    const accountId = world.accounts.mine.id;
    const phrase = "We've given up waiting for IT; we'll do it ourselves";
    const interaction = await createInteraction(db(), { accountId, loggedById: world.users.rm.id, occurredAt: daysAgo(3), quotes: [{ side: "BUSINESS", text: phrase }] });
    const quoteId = interaction.quotes[0]?.id as string;
    const heard = async () => (await recomputeAccountHealth(db(), accountId, NOW)).phrases.filter((hit) => hit.source.id === quoteId);

    expect(await heard()).toHaveLength(1); // detected by the factory, as on save
    await db().quote.update({ where: { id: quoteId }, data: { phraseHits: [] } });
    expect(await heard()).toHaveLength(0); // the stored result is trusted: no rescan
    await db().quote.update({ where: { id: quoteId }, data: { phraseHits: Prisma.DbNull } });
    expect((await db().quote.findUniqueOrThrow({ where: { id: quoteId } })).phraseHits).toBeNull();
    expect(await heard()).toHaveLength(1); // never scanned: the library scans it
  });
});

describe("recomputing health", () => {
  it("diagnoses many accounts at once exactly as one at a time, and stores each", async () => {
    const accounts = [world.accounts.mine, world.accounts.theirs, await createAccount(db(), { name: "Legal" })];
    for (const [index, account] of accounts.entries()) {
      for (let day = 5; day < 150; day += 10) {
        await createRating(db(), { accountId: account.id, userId: world.users.client.id, overall: 1 + ((index + day) % 5), recommend: 5, createdAt: daysAgo(day) });
      }
      await createInteraction(db(), { accountId: account.id, loggedById: world.users.rm.id, occurredAt: daysAgo(index + 1), sentiment: "NEGATIVE" });
    }
    const ids = accounts.map((account) => account.id);
    const together = await recomputeHealth(db(), ids, NOW);
    const alone = new Map<string, Diagnosis>();
    await db().healthSnapshot.deleteMany();
    for (const id of ids) alone.set(id, await recomputeAccountHealth(db(), id, NOW));
    expect(together).toEqual(alone);

    const stored = await db().account.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
    for (const account of stored) {
      const diagnosis = alone.get(account.id) as Diagnosis;
      expect(account).toMatchObject({
        healthStage: diagnosis.stage,
        healthScore: diagnosis.score,
        healthComputedAt: NOW,
        healthTrend: diagnosis.trend.direction.toUpperCase(),
        healthRisk: diagnosis.trend.nextStage ? diagnosis.trend.riskOfNextStage : null,
      });
      expect(account.healthSince).toEqual(new Date(diagnosis.stageSince));
    }
    expect(await db().healthSnapshot.count()).toBe(3);

    // The loader's rows are trusted (not re-validated): validating them changes nothing.
    const signals = await loadSignals(db(), ids, NOW);
    for (const id of ids) {
      const loaded = signals.get(id) as ParsedSignals;
      expect(accountSignalsSchema.parse(loaded)).toEqual(loaded);
    }
  });

  it("weighs the account's history over months, however many diagnoses a busy day produced", async () => {
    const accountId = world.accounts.mine.id;
    for (let day = 5; day < 120; day += 7) {
      await createRating(db(), { accountId, userId: world.users.client.id, overall: 4, recommend: 8, createdAt: daysAgo(day) });
    }
    // Months ago the account scored badly; today forty writes each left a snapshot.
    for (const day of [85, 60, 45, 30]) {
      await createHealthSnapshot(db(), { accountId, stage: "FLU", score: 20 + (85 - day) / 5, computedAt: daysAgo(day) });
    }
    for (let minute = 1; minute <= 40; minute++) {
      await createHealthSnapshot(db(), { accountId, stage: "HEALTHY", score: 100, computedAt: new Date(NOW.getTime() - minute * 60_000) });
    }
    const diagnosis = await recomputeAccountHealth(db(), accountId, NOW);
    expect(diagnosis.trend.direction).toBe("improving");
    expect(diagnosis.trend.previousStage).toBe("HEALTHY");
  });

  it("keeps a stage's start date however long ago it was, and moves it when the stage changes", async () => {
    const accountId = world.accounts.theirs.id;
    const longAgo = daysAgo(400);
    await db().account.update({ where: { id: accountId }, data: { healthStage: "INSUFFICIENT_DATA", healthSince: longAgo } });
    await recomputeAccountHealth(db(), accountId, NOW);
    expect((await db().account.findUniqueOrThrow({ where: { id: accountId } })).healthSince).toEqual(longAgo);

    await db().account.update({ where: { id: accountId }, data: { healthStage: "FLU" } });
    await recomputeAccountHealth(db(), accountId, NOW);
    const changed = await db().account.findUniqueOrThrow({ where: { id: accountId } });
    expect(changed.healthStage).toBe("INSUFFICIENT_DATA");
    expect(changed.healthSince?.getTime()).toBeGreaterThan(longAgo.getTime());
  });

  it("remembers the previous stage of an account diagnosed long ago and quiet since", async () => {
    const accountId = world.accounts.mine.id;
    await createHealthSnapshot(db(), { accountId, stage: "FLU", score: 30, computedAt: daysAgo(200) });
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 4, recommend: 8, createdAt: daysAgo(2) });
    expect((await recomputeAccountHealth(db(), accountId, NOW)).trend.previousStage).toBe("FLU");
  });

  it("leaves an account with nothing to go on as insufficient data, never a fake healthy", async () => {
    const diagnosis = await recomputeAccountHealth(db(), world.accounts.theirs.id, NOW);
    expect(diagnosis.stage).toBe("INSUFFICIENT_DATA");
    expect((await db().account.findUniqueOrThrow({ where: { id: world.accounts.theirs.id } })).healthStage).toBe("INSUFFICIENT_DATA");
  });
});
