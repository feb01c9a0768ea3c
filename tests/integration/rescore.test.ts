import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { RESCORE_BATCH_SIZE, rescoreAll } from "../../lib/health/rescore";
import { buildAccount, buildRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe("rescoring every account", () => {
  it("re-diagnoses accounts across several batches, reporting progress", async () => {
    const now = new Date("2026-11-20T12:00:00Z");
    const extra = Array.from({ length: RESCORE_BATCH_SIZE + 3 }, () => buildAccount());
    await db().account.createMany({ data: extra });
    await db().rating.createMany({
      data: extra.flatMap((account, index) =>
        Array.from({ length: 4 }, (_, n) =>
          buildRating({ accountId: account.id, userId: world.users.client.id, overall: 1 + (index % 5), createdAt: new Date(now.getTime() - (n + 1) * 7 * 86_400_000) }),
        ),
      ),
    });
    const progress: number[] = [];
    const { accounts } = await rescoreAll(db(), now, { concurrency: 2, onProgress: (done) => progress.push(done) });

    const total = extra.length + 2;
    expect(accounts).toBe(total);
    // Nothing done yet (the total is known), then two batches in flight: whichever finishes first
    // is reported first, the total last.
    expect(progress).toHaveLength(3);
    expect(progress[0]).toBe(0);
    expect([RESCORE_BATCH_SIZE, total - RESCORE_BATCH_SIZE]).toContain(progress[1]);
    expect(progress[2]).toBe(total);
    expect(await db().healthSnapshot.count()).toBe(total);
    expect(await db().account.count({ where: { healthComputedAt: now } })).toBe(total);
    // Units rated 1/5 every week are unwell; units rated 5/5 are not: the ratings reached the diagnosis.
    const worst = await db().account.findMany({ where: { id: { in: extra.filter((_, i) => i % 5 === 0).map((a) => a.id) } } });
    const best = await db().account.findMany({ where: { id: { in: extra.filter((_, i) => i % 5 === 4).map((a) => a.id) } } });
    expect(Math.max(...worst.map((a) => a.healthScore ?? 100))).toBeLessThan(Math.min(...best.map((a) => a.healthScore ?? 0)));
  });
});
