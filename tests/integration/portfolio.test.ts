import { beforeEach, describe, expect, it } from "vitest";
import { getPortfolioCounts, getPortfolioPage, getPortfolioScoreTrend, listPortfolioManagers } from "../../lib/data/portfolio";
import { parsePortfolioQuery, type PortfolioQuery } from "../../lib/data/portfolio-query";
import { db } from "../../lib/db/client";
import type { Criticality, HealthTrend, Stage } from "../../lib/generated/prisma/enums";
import { createAccount } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// The portfolio at scale (decision 016): pages, sorts and filters done in SQL, charts from small
// aggregates, the trend from the monthly rollups.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  // buildWorld's Finance (rm's) and Sales (otherRm's) have no score; give the portfolio some shape.
  const units: [string, number | null, Stage, Criticality, HealthTrend, string | null, string][] = [
    ["Finance", 55, "SNIFFLES", "HIGH", "STABLE", world.users.rm.id, "2026-03-01"],
    ["Sales", 20, "PNEUMONIA", "CRITICAL", "WORSENING", world.users.otherRm.id, "2026-01-01"],
    ["Legal", 80, "HEALTHY", "LOW", "IMPROVING", null, "2026-05-01"],
    ["Logistics", 35, "FLU", "MEDIUM", "RECOVERING", world.users.rm.id, "2026-02-01"],
    ["Research 100%_done", null, "INSUFFICIENT_DATA", "MEDIUM", "UNKNOWN", world.users.otherRm.id, "2026-04-01"],
  ];
  for (const [name, healthScore, healthStage, criticality, healthTrend, relationshipManagerId, since] of units) {
    const data = { healthScore, healthStage, criticality, healthTrend, relationshipManagerId, healthSince: new Date(since) };
    const existing = name === "Finance" ? world.accounts.mine : name === "Sales" ? world.accounts.theirs : null;
    if (existing) await db().account.update({ where: { id: existing.id }, data });
    else await createAccount(db(), { name, ...data });
  }
  await createAccount(db(), { name: "Archived Unit", healthScore: 1, archivedAt: new Date("2026-06-01") });
});

const q = (params: Record<string, string> = {}): PortfolioQuery => parsePortfolioQuery(params);
const names = async (params: Record<string, string> = {}) => (await getPortfolioPage(world.actors.cio, q(params))).rows.map((row) => row.name);

describe("sorting", () => {
  it("defaults to weakest first, unscored last, and every column sorts both ways with the name breaking ties", async () => {
    expect(await names()).toEqual(["Sales", "Logistics", "Finance", "Legal", "Research 100%_done"]);
    expect(await names({ dir: "desc" })).toEqual(["Legal", "Finance", "Logistics", "Sales", "Research 100%_done"]);
    expect(await names({ sort: "name" })).toEqual(["Finance", "Legal", "Logistics", "Research 100%_done", "Sales"]);
    expect(await names({ sort: "name", dir: "desc" })).toEqual(["Sales", "Research 100%_done", "Logistics", "Legal", "Finance"]);
    // Sickest first; not enough data is no stage and comes last.
    expect(await names({ sort: "stage" })).toEqual(["Sales", "Logistics", "Finance", "Legal", "Research 100%_done"]);
    expect(await names({ sort: "stage", dir: "asc" })).toEqual(["Legal", "Finance", "Logistics", "Sales", "Research 100%_done"]);
    expect(await names({ sort: "criticality" })).toEqual(["Sales", "Finance", "Logistics", "Research 100%_done", "Legal"]);
    // Unassigned last; the name orders each manager's units.
    const manager = [world.users.rm.name, world.users.otherRm.name].sort()[0] === world.users.rm.name ? ["Finance", "Logistics", "Research 100%_done", "Sales"] : ["Research 100%_done", "Sales", "Finance", "Logistics"];
    expect(await names({ sort: "manager" })).toEqual([...manager, "Legal"]);
    expect(await names({ sort: "since" })).toEqual(["Sales", "Logistics", "Finance", "Research 100%_done", "Legal"]);
    expect(await names({ sort: "trend" })).toEqual(["Sales", "Finance", "Logistics", "Legal", "Research 100%_done"]);
  });
});

describe("filtering", () => {
  it("searches names (case-insensitive, % and _ as letters) and filters by stage, criticality and owner, counting the matches", async () => {
    expect(await names({ q: "LOG" })).toEqual(["Logistics"]);
    expect(await names({ q: "100%_" })).toEqual(["Research 100%_done"]);
    expect(await names({ q: "%" })).toEqual(["Research 100%_done"]);
    expect(await names({ stage: "PNEUMONIA" })).toEqual(["Sales"]);
    expect(await names({ criticality: "MEDIUM" })).toEqual(["Logistics", "Research 100%_done"]);
    expect(await names({ owner: "none" })).toEqual(["Legal"]);
    expect(await names({ owner: world.users.otherRm.id })).toEqual(["Sales", "Research 100%_done"]);
    const mine = await getPortfolioPage(world.actors.rm, q({ owner: "me" }));
    expect(mine.rows.map((row) => row.name)).toEqual(["Logistics", "Finance"]);
    expect(mine.total).toBe(2);
    expect((await getPortfolioPage(world.actors.cio, q({ owner: "me" }))).total).toBe(0);
    expect((await getPortfolioPage(world.actors.cio, q({ q: "nothing like this" }))).rows).toEqual([]);
  });
});

describe("the owner filter's managers", () => {
  it("lists each manager of an unarchived unit once, by name; not one whose units are all archived", async () => {
    const archivedOnly = await db().user.create({ data: { email: "archivist@it.test", name: "Aaron Archivist", role: "RELATIONSHIP_MANAGER", passwordHash: "x" } });
    await createAccount(db(), { name: "Old Unit", relationshipManagerId: archivedOnly.id, archivedAt: new Date("2026-01-01") });
    const expected = [world.users.rm, world.users.otherRm].map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name));
    expect(await listPortfolioManagers(world.actors.cio)).toEqual(expected);
    // Unarchived, their unit brings them in.
    await db().account.updateMany({ where: { name: "Old Unit" }, data: { archivedAt: null } });
    expect((await listPortfolioManagers(world.actors.cio)).map((m) => m.name)).toEqual(["Aaron Archivist", ...expected.map((m) => m.name)]);
  });
});

describe("paging", () => {
  it("cuts pages in the sort's order with the filtered total on each, and past the end keeps the total", async () => {
    const pages = await Promise.all([1, 2, 3].map((page) => getPortfolioPage(world.actors.cio, q({ size: "2", page: String(page) }))));
    expect(pages.map((p) => p.rows.map((row) => row.name))).toEqual([["Sales", "Logistics"], ["Finance", "Legal"], ["Research 100%_done"]]);
    expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
    const beyond = await getPortfolioPage(world.actors.cio, q({ size: "2", page: "9" }));
    expect(beyond).toMatchObject({ rows: [], total: 5 });
    expect((await getPortfolioPage(world.actors.cio, q({ size: "2", page: "2", criticality: "MEDIUM" }))).total).toBe(2);
  });

  it("reads bad parameters as their defaults, one by one", () => {
    const defaults = q();
    expect(defaults).toMatchObject({ page: 1, size: 25, sort: "score", dir: "asc", q: "" });
    expect(q({ page: "-3", size: "100000", sort: "password", dir: "sideways", stage: "DEAD", owner: "'; DROP TABLE accounts", criticality: "x" })).toEqual(defaults);
    expect(q({ page: "2.5", size: "abc", q: "x".repeat(500) })).toEqual(defaults);
    expect(q({ page: "3", size: "10", sort: "name", stage: "FLU", q: "  fin  " })).toMatchObject({ page: 3, size: 10, sort: "name", dir: "asc", stage: "FLU", q: "fin" });
    expect(parsePortfolioQuery(new URLSearchParams("sort=stage&page=2&page=7"))).toMatchObject({ sort: "stage", dir: "desc", page: 2 });
  });
});

describe("the charts' aggregates", () => {
  it("counts units per stage and unassigned units, archived ones left out", async () => {
    const counts = await getPortfolioCounts(world.actors.cio);
    expect(counts).toEqual({
      byStage: { HEALTHY: 1, SNIFFLES: 1, FLU: 1, PNEUMONIA: 1, DEATH_AND_REINCARNATION: 0, INSUFFICIENT_DATA: 1 },
      unassigned: 1,
      total: 5,
    });
  });

  it("averages each month from the rollups, carrying an account's last row over months without one", async () => {
    await db().accountHealthMonth.deleteMany();
    const [finance, sales] = [world.accounts.mine.id, world.accounts.theirs.id];
    const archived = (await db().account.findFirstOrThrow({ where: { name: "Archived Unit" } })).id;
    const legal = (await db().account.findFirstOrThrow({ where: { name: "Legal" } })).id;
    const month = (accountId: string, iso: string, score: number | null, computedAt = `${iso}-20T09:00:00Z`) =>
      db().accountHealthMonth.create({ data: { accountId, month: new Date(`${iso}-01T00:00:00Z`), stage: "FLU", score, computedAt: new Date(computedAt) } });
    // Finance: before the window (seeds it), then quiet until October.
    await month(finance, "2026-05", 90);
    await month(finance, "2026-10", 60);
    // Sales: in September only; then a diagnosis after `now`, which does not count yet.
    await month(sales, "2026-09", 20);
    await month(sales, "2026-11", 100, "2026-11-20T09:00:00Z");
    // Legal: scored in September, then not enough data in October: it drops out from then.
    await month(legal, "2026-09", 70);
    await month(legal, "2026-10", null);
    await month(archived, "2026-09", 0);

    const now = new Date("2026-11-15T12:00:00Z");
    const trend = await getPortfolioScoreTrend(world.actors.cio, 4, now);
    expect(trend).toEqual([
      { month: new Date("2026-08-01T00:00:00Z"), average: 90, accounts: 1 },
      { month: new Date("2026-09-01T00:00:00Z"), average: 60, accounts: 3 },
      { month: new Date("2026-10-01T00:00:00Z"), average: 40, accounts: 2 },
      { month: new Date("2026-11-01T00:00:00Z"), average: 40, accounts: 2 },
    ]);
  });
});
