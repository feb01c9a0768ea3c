import { beforeEach, describe, expect, it } from "vitest";
import { getPortfolioScoreTrend } from "../../lib/data/portfolio";
import { getPortfolioMonths } from "../../lib/data/portfolio-months";
import { getStageHeatmap } from "../../lib/data/portfolio-trends";
import { db } from "../../lib/db/client";
import type { Stage } from "../../lib/generated/prisma/enums";
import { createAccount } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// The portfolio's ended months are kept (decision 035): read from portfolio_health_months once
// worked out, and worked out again after any change that moves them. Every case compares the kept
// answer with the one worked out from the accounts' rollups alone.

let world: World;
let legal: string;
beforeEach(async () => {
  world = await buildWorld();
  legal = (await createAccount(db(), { name: "Legal" })).id;
});

// Months relative to the real clock: the triggers decide "ended" by the database's clock.
const clock = new Date();
const monthStart = (back: number) => new Date(Date.UTC(clock.getUTCFullYear(), clock.getUTCMonth() - back, 1));
const month = (accountId: string, back: number, stage: Stage, score: number | null) =>
  db().accountHealthMonth.upsert({
    where: { accountId_month: { accountId, month: monthStart(back) } },
    create: { accountId, month: monthStart(back), stage, score, computedAt: new Date(monthStart(back).getTime() + 86_400_000) },
    update: { stage, score },
  });
const kept = async () => (await db().portfolioHealthMonth.findMany({ orderBy: { month: "asc" } })).map((row) => row.month.getTime());
/** The answer with nothing kept: every month worked out from the rollups. */
async function fresh(months = 6) {
  const saved = await db().portfolioHealthMonth.findMany();
  await db().portfolioHealthMonth.deleteMany();
  const trend = await getPortfolioScoreTrend(world.actors.cio, months, clock);
  await db().portfolioHealthMonth.deleteMany();
  if (saved.length > 0) await db().portfolioHealthMonth.createMany({ data: saved.map((row) => ({ ...row, byStage: row.byStage ?? {} })) });
  return trend;
}

describe("the portfolio's kept months", () => {
  beforeEach(async () => {
    await month(world.accounts.mine.id, 7, "FLU", 40); // before the window: seeds it
    await month(world.accounts.mine.id, 3, "SNIFFLES", 60);
    await month(world.accounts.theirs.id, 4, "PNEUMONIA", 20);
    await month(legal, 2, "HEALTHY", 90);
    await month(legal, 0, "HEALTHY", 95); // the running month
  });

  it("keeps every ended month of the window, empty ones too, and never the running month", async () => {
    const trend = await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    expect(trend).toEqual([
      { month: monthStart(5), average: 40, accounts: 1 },
      { month: monthStart(4), average: 30, accounts: 2 },
      { month: monthStart(3), average: 40, accounts: 2 },
      { month: monthStart(2), average: 57, accounts: 3 },
      { month: monthStart(1), average: 57, accounts: 3 },
      { month: monthStart(0), average: 58, accounts: 3 },
    ]);
    expect(await kept()).toEqual([5, 4, 3, 2, 1].map((back) => monthStart(back).getTime()));
    // Read again from the kept rows: the same answer, and the heatmap from the same rows.
    expect(await getPortfolioScoreTrend(world.actors.cio, 6, clock)).toEqual(trend);
    const heatmap = await getStageHeatmap(world.actors.cio, 6, clock);
    expect(heatmap.map((m) => [m.month, m.byStage.FLU, m.byStage.PNEUMONIA, m.byStage.SNIFFLES, m.byStage.HEALTHY])).toEqual([
      [monthStart(5), 1, 0, 0, 0],
      [monthStart(4), 1, 1, 0, 0],
      [monthStart(3), 0, 1, 1, 0],
      [monthStart(2), 0, 1, 1, 1],
      [monthStart(1), 0, 1, 1, 1],
      [monthStart(0), 0, 1, 1, 1],
    ]);
    // A month with no unit at all is kept as empty, and left out of both.
    expect(await getPortfolioMonths(9, clock)).toHaveLength(9);
    expect((await getPortfolioScoreTrend(world.actors.cio, 9, clock))[0]!.month).toEqual(monthStart(7));
    expect(await kept()).toContain(monthStart(8).getTime());
  });

  it("works out the running month on each read", async () => {
    await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    await month(legal, 0, "FLU", 35);
    expect((await getPortfolioScoreTrend(world.actors.cio, 6, clock)).at(-1)).toEqual({ month: monthStart(0), average: 38, accounts: 3 });
  });

  it("forgets the months from an ended month that changes, as a replayed diagnosis writes it", async () => {
    await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    await month(world.accounts.theirs.id, 3, "FLU", 50);
    expect(await kept()).toEqual([5, 4].map((back) => monthStart(back).getTime()));
    const trend = await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    expect(trend[2]).toEqual({ month: monthStart(3), average: 55, accounts: 2 });
    expect(trend).toEqual(await fresh());
  });

  it("forgets every month when a unit is archived or restored, and when a unit and its months are deleted", async () => {
    await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    await db().account.update({ where: { id: world.accounts.theirs.id }, data: { archivedAt: new Date() } });
    expect(await kept()).toEqual([]);
    const archived = await getPortfolioScoreTrend(world.actors.cio, 6, clock);
    expect(archived[1]).toEqual({ month: monthStart(4), average: 40, accounts: 1 });
    expect(archived).toEqual(await fresh());

    // Another edit of the unit keeps them.
    await db().account.update({ where: { id: world.accounts.theirs.id }, data: { description: "Renamed" } });
    expect(await kept()).toHaveLength(5);
    await db().account.update({ where: { id: world.accounts.theirs.id }, data: { archivedAt: null } });
    expect(await kept()).toEqual([]);
    expect((await getPortfolioScoreTrend(world.actors.cio, 6, clock))[1]).toEqual({ month: monthStart(4), average: 30, accounts: 2 });

    await db().account.delete({ where: { id: legal } });
    expect(await kept()).toEqual([5, 4, 3].map((back) => monthStart(back).getTime()));
    expect(await getPortfolioScoreTrend(world.actors.cio, 6, clock)).toEqual(await fresh());
  });

  it("answers as of an earlier day from the same kept months", async () => {
    const earlier = new Date(monthStart(2).getTime() + 10 * 86_400_000);
    const trend = await getPortfolioScoreTrend(world.actors.cio, 3, earlier);
    expect(trend).toEqual([
      { month: monthStart(4), average: 30, accounts: 2 },
      { month: monthStart(3), average: 40, accounts: 2 },
      { month: monthStart(2), average: 57, accounts: 3 },
    ]);
    expect(await kept()).toEqual([4, 3].map((back) => monthStart(back).getTime()));
  });
});
