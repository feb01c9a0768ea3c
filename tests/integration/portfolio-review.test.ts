import { beforeEach, describe, expect, it } from "vitest";
import { hashToken, invitationToken, newTokenSalt } from "../../lib/campaigns/tokens";
import { ForbiddenError } from "../../lib/data/errors";
import { getPortfolioPage } from "../../lib/data/portfolio";
import { getPortfolioChanges } from "../../lib/data/portfolio-changes";
import { parseChangesQuery } from "../../lib/data/portfolio-changes-query";
import { parsePortfolioQuery } from "../../lib/data/portfolio-query";
import { getStageHeatmap, getWatermelon } from "../../lib/data/portfolio-trends";
import { getManagerWorkload } from "../../lib/data/portfolio-workload";
import { getResponseRates } from "../../lib/data/response-rates";
import { db } from "../../lib/db/client";
import { buildFollowUp, createAccount, createContact, createHealthSnapshot, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Issue 10 §1, the CIO's Monday questions (decision 021): the portfolio's working columns, what
// changed since a day, the stage heatmap and the watermelon view, and each manager's workload,
// each with what every role may see of it (decision 002).

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const day = (days: number) => ago(days).toISOString().slice(0, 10);

let world: World;
let legal: string;
beforeEach(async () => {
  world = await buildWorld();
  legal = (await createAccount(db(), { name: "Legal", healthScore: 80, healthStage: "HEALTHY", healthTrend: "IMPROVING" })).id;
  await db().account.update({ where: { id: world.accounts.mine.id }, data: { healthScore: 50, healthStage: "SNIFFLES", healthTrend: "WORSENING" } });
  await db().account.update({ where: { id: world.accounts.theirs.id }, data: { healthScore: 30, healthStage: "FLU", healthTrend: "STABLE" } });
});

const mine = () => world.accounts.mine.id;
const theirs = () => world.accounts.theirs.id;

describe("the portfolio's working columns", () => {
  beforeEach(async () => {
    const { rm } = world.users;
    // Finance: met (held) 3 days ago; a meeting cancelled yesterday and an email today are not meetings held.
    await createInteraction(db(), { accountId: mine(), loggedById: rm.id, occurredAt: ago(3) });
    await createInteraction(db(), { accountId: mine(), loggedById: rm.id, occurredAt: ago(1), outcome: "CANCELLED", cancelledBy: "CLIENT" });
    await createInteraction(db(), { accountId: mine(), loggedById: rm.id, occurredAt: ago(0.1), type: "EMAIL" });
    // Sales: a call 10 days ago.
    await createInteraction(db(), { accountId: theirs(), loggedById: world.users.otherRm.id, occurredAt: ago(10), type: "CALL" });
    // Finance's last rating standing is a 2: yesterday's 5 was withdrawn.
    await createRating(db(), { accountId: mine(), userId: world.users.client.id, overall: 2, createdAt: ago(2) });
    await createRating(db(), { accountId: mine(), userId: world.users.client.id, overall: 5, createdAt: ago(1), withdrawnAt: ago(0.5) });
    await createRating(db(), { accountId: theirs(), userId: world.users.otherClient.id, overall: 4, createdAt: ago(5) });
    // Finance: one IT follow-up overdue; done, deleted, the business's and a future one do not count.
    await db().followUp.createMany({
      data: [
        buildFollowUp({ accountId: mine(), dueDate: ago(2) }),
        buildFollowUp({ accountId: mine(), dueDate: ago(2), doneAt: ago(1) }),
        buildFollowUp({ accountId: mine(), dueDate: ago(2), deletedAt: ago(1) }),
        buildFollowUp({ accountId: mine(), dueDate: ago(2), owedBy: "BUSINESS" }),
        buildFollowUp({ accountId: mine(), dueDate: ago(-2) }),
        buildFollowUp({ accountId: theirs(), dueDate: ago(3) }),
        buildFollowUp({ accountId: theirs(), dueDate: ago(4) }),
      ],
    });
    // Finance's action plan: one open action overdue; one due tomorrow and one closed do not count.
    await db().action.createMany({
      data: [
        { accountId: mine(), title: "Explain the delay", ownerId: rm.id, dueDate: ago(3), status: "OPEN" },
        { accountId: mine(), title: "Share the roadmap", ownerId: rm.id, dueDate: ago(-1), status: "OPEN" },
        { accountId: mine(), title: "Apologise", ownerId: rm.id, dueDate: ago(5), status: "DONE", outcome: "Done", closedAt: ago(4) },
      ],
    });
    // Finance asked three times in a closed round: answered, unanswered, skipped.
    const campaign = await db().campaign.create({
      data: { name: "Pulse", opensAt: ago(30), closesAt: ago(16), status: "CLOSED", accounts: { create: { accountId: mine() } } },
    });
    for (const [n, outcome] of (["answered", "unanswered", "skipped"] as const).entries()) {
      const id = `inv-review-${n}`;
      const salt = newTokenSalt();
      const contact = n === 0 ? world.contact : await createContact(db(), { accountId: mine(), name: `Contact ${n}`, email: `c${n}@finance.example` });
      await db().ratingInvitation.create({
        data: {
          id,
          campaignId: campaign.id,
          accountId: mine(),
          contactId: contact.id,
          tokenSalt: salt,
          tokenHash: hashToken(invitationToken(id, salt)),
          skippedReason: outcome === "skipped" ? "Asked within the recontact window" : null,
          sentAt: outcome === "skipped" ? null : ago(30),
          answeredAt: outcome === "answered" ? ago(28) : null,
        },
      });
    }
  });

  const row = async (actor: World["actors"]["cio"], id: string, params: Record<string, string> = {}) =>
    (await getPortfolioPage(actor, parsePortfolioQuery(params))).rows.find((r) => r.id === id)!;

  it("shows the last meeting held, the last rating standing, IT's overdue commitments and the response rate as the account page counts it", async () => {
    const finance = await row(world.actors.cio, mine());
    expect(finance).toMatchObject({ access: "full", lastMetAt: ago(3), lastRating: { overall: 2, at: ago(2) }, itOverdue: 1, actionsOverdue: 1, responseRate: { answered: 1, invited: 2 } });
    const rates = await getResponseRates(world.actors.cio, mine());
    expect([rates.answered, rates.invited]).toEqual([1, 2]);
    expect(await row(world.actors.cio, theirs())).toMatchObject({ lastMetAt: ago(10), lastRating: { overall: 4 }, itOverdue: 2, actionsOverdue: 0, responseRate: null });
    expect(await row(world.actors.cio, legal)).toMatchObject({ lastMetAt: null, lastRating: null, itOverdue: 0, responseRate: null });
  });

  it("keeps them from another manager's units, whose rows and order say nothing of them", async () => {
    const rm = world.actors.rm;
    expect(await row(rm, mine())).toMatchObject({ access: "full", itOverdue: 1 });
    const other = await row(rm, theirs());
    expect(other.access).toBe("summary");
    for (const key of ["lastMetAt", "lastRating", "itOverdue", "actionsOverdue", "responseRate"]) expect(other).not.toHaveProperty(key);
    const names = async (actor: typeof rm, params: Record<string, string>) => (await getPortfolioPage(actor, parsePortfolioQuery(params))).rows.map((r) => r.name);
    // The CIO: most overdue first; never met is the longest since a meeting.
    expect(await names(world.actors.cio, { sort: "overdue" })).toEqual(["Sales", "Finance", "Legal"]);
    expect(await names(world.actors.cio, { sort: "met" })).toEqual(["Legal", "Sales", "Finance"]);
    expect(await names(world.actors.cio, { sort: "rated" })).toEqual(["Finance", "Sales", "Legal"]);
    expect(await names(world.actors.cio, { sort: "response" })).toEqual(["Finance", "Legal", "Sales"]);
    // A manager: their own unit sorted, the others after it by name, in both directions.
    for (const sort of ["overdue", "met", "rated", "response"]) {
      for (const dir of ["asc", "desc"]) expect(await names(rm, { sort, dir })).toEqual(["Finance", "Legal", "Sales"]);
    }
  });

  it("filters by heading, kept with the other filters in the view", async () => {
    const query = parsePortfolioQuery({ heading: "WORSENING", criticality: "MEDIUM" });
    expect((await getPortfolioPage(world.actors.cio, query)).rows.map((r) => r.name)).toEqual(["Finance"]);
    expect(parsePortfolioQuery({ heading: "SIDEWAYS" }).heading).toBeUndefined();
  });
});

describe("what changed", () => {
  const point = (from: string, to: string) => ({ point: { readable: true, stage: { from, to }, added: [{ stage: to, message: "Overdue follow-ups owed by IT" }], removed: [], more: 0 } });
  beforeEach(async () => {
    // Finance: Healthy 80 ten days ago, Sniffles 60 three days ago (with what moved it).
    await createHealthSnapshot(db(), { accountId: mine(), computedAt: ago(10), stage: "HEALTHY", score: 80 });
    await createHealthSnapshot(db(), { accountId: mine(), computedAt: ago(3), stage: "SNIFFLES", score: 60, change: point("HEALTHY", "SNIFFLES") });
    // Sales: Flu ten days ago, Pneumonia two days ago: as much worse by stage, more by score.
    await createHealthSnapshot(db(), { accountId: theirs(), computedAt: ago(10), stage: "FLU", score: 45 });
    await createHealthSnapshot(db(), { accountId: theirs(), computedAt: ago(2), stage: "PNEUMONIA", score: 20, change: point("FLU", "PNEUMONIA") });
    // Legal: rediagnosed yesterday, unchanged: not a move.
    await createHealthSnapshot(db(), { accountId: legal, computedAt: ago(20), stage: "HEALTHY", score: 85 });
    await createHealthSnapshot(db(), { accountId: legal, computedAt: ago(1), stage: "HEALTHY", score: 85, change: { point: null } });
  });

  it("lists the units whose stage or score moved since the day, worst first, with the evidence stored with each move", async () => {
    const page = await getPortfolioChanges(world.actors.cio, parseChangesQuery({}, now), now);
    expect(page.total).toBe(2);
    expect(page.units.map((u) => [u.name, u.before, u.after.stage, u.after.score])).toEqual([
      ["Sales", { stage: "FLU", score: 45 }, "PNEUMONIA", 20],
      ["Finance", { stage: "HEALTHY", score: 80 }, "SNIFFLES", 60],
    ]);
    expect(page.units[1]!.moves).toEqual([{ at: ago(3), score: 60, change: point("HEALTHY", "SNIFFLES").point }]);
    // Since the day before yesterday, Finance's move is before the window: it had already moved.
    const recent = await getPortfolioChanges(world.actors.cio, parseChangesQuery({ since: day(2) }, now), now);
    expect(recent.units.map((u) => u.name)).toEqual(["Sales"]);
    // Since a month ago, Legal was first diagnosed in the window: new, no "before".
    const month = await getPortfolioChanges(world.actors.cio, parseChangesQuery({ since: day(30) }, now), now);
    expect(month.units.map((u) => [u.name, u.before])).toEqual([
      ["Sales", null],
      ["Finance", null],
      ["Legal", null],
    ]);
    expect((await getPortfolioChanges(world.actors.cio, parseChangesQuery({ owner: world.users.rm.id }, now), now)).units.map((u) => u.name)).toEqual(["Finance"]);
  });

  it("shows a manager the moves of every unit, but the evidence only of their own; a client nothing", async () => {
    const page = await getPortfolioChanges(world.actors.rm, parseChangesQuery({}, now), now);
    expect(page.units.map((u) => [u.name, u.canOpen, u.moves?.length ?? null])).toEqual([
      ["Sales", false, null],
      ["Finance", true, 1],
    ]);
    await expect(getPortfolioChanges(world.actors.client, parseChangesQuery({}, now), now)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("reads a bad or out-of-range since-day as a week ago", () => {
    for (const since of ["yesterday", "2026-02-30", day(-1), day(400)]) expect(parseChangesQuery({ since }, now).since).toBe(day(7));
    expect(parseChangesQuery({ since: day(30), page: "x" }, now)).toEqual({ since: day(30), owner: undefined, page: 1 });
  });
});

describe("the stage heatmap and the watermelon view", () => {
  it("counts units per stage and month from the rollups, carrying each unit's last month forward", async () => {
    await db().accountHealthMonth.deleteMany();
    const monthStart = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const rollup = (accountId: string, back: number, stage: "HEALTHY" | "FLU" | "PNEUMONIA") =>
      db().accountHealthMonth.create({ data: { accountId, month: monthStart(back), stage, score: 50, computedAt: new Date(monthStart(back).getTime() + DAY) } });
    await rollup(mine(), 14, "HEALTHY"); // before the window: seeds it
    await rollup(mine(), 1, "FLU");
    await rollup(theirs(), 2, "PNEUMONIA");
    const months = await getStageHeatmap(world.actors.rm, 3, now);
    expect(months.map((m) => [m.month, m.byStage.HEALTHY, m.byStage.FLU, m.byStage.PNEUMONIA])).toEqual([
      [monthStart(2), 1, 0, 1],
      [monthStart(1), 0, 1, 1],
      [monthStart(0), 0, 1, 1],
    ]);
    await expect(getStageHeatmap(world.actors.client)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("places each unit by service levels met against its ratings, naming green-outside-red-inside units, within what the viewer may see", async () => {
    const sla = (accountId: string, monthsBack: number, attained: number) =>
      db().slaPeriod.create({ data: { accountId, periodStart: ago(30 * monthsBack + 30), periodEnd: ago(30 * monthsBack), targetPercent: 99.5, attainedPercent: attained } });
    // Finance: every period met, rated 1 and 2: a watermelon. Sales: periods missed, rated 4. Legal: no ratings, left out.
    for (const m of [0, 1, 2]) await sla(mine(), m, 99.9);
    await sla(mine(), 8, 90); // before the window
    await sla(theirs(), 0, 97);
    await sla(theirs(), 1, 99.6);
    await sla(legal, 0, 99.9);
    await createRating(db(), { accountId: mine(), userId: world.users.client.id, overall: 1, createdAt: ago(20) });
    await createRating(db(), { accountId: mine(), userId: world.users.client.id, overall: 2, createdAt: ago(50) });
    await createRating(db(), { accountId: mine(), userId: world.users.client.id, overall: 5, createdAt: ago(300) }); // before the window
    await createRating(db(), { accountId: theirs(), userId: world.users.otherClient.id, overall: 4, createdAt: ago(10) });
    const points = await getWatermelon(world.actors.cio, now);
    expect(points.map((p) => [p.name, p.slaMet, p.slaPeriods, p.rating, p.ratings, p.watermelon])).toEqual([
      ["Finance", 1, 3, 1.5, 2, true],
      ["Sales", 0.5, 2, 4, 1, false],
    ]);
    expect((await getWatermelon(world.actors.rm, now)).map((p) => p.name)).toEqual(["Finance"]);
    expect((await getWatermelon(world.actors.otherRm, now)).map((p) => p.name)).toEqual(["Sales"]);
    await expect(getWatermelon(world.actors.client)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the managers' workload", () => {
  it("counts each manager's units, IT's overdue commitments on them and their stage mix, with the unassigned units last", async () => {
    await db().followUp.createMany({ data: [buildFollowUp({ accountId: theirs(), dueDate: ago(3) }), buildFollowUp({ accountId: legal, dueDate: ago(3) })] });
    // Two overdue actions owned by the other manager, one of them on the first manager's unit.
    await db().action.createMany({
      data: [
        { accountId: theirs(), title: "Re-plan the CRM", ownerId: world.users.otherRm.id, dueDate: ago(2), status: "OPEN" },
        { accountId: mine(), title: "Cover the review", ownerId: world.users.otherRm.id, dueDate: ago(2), status: "OPEN" },
      ],
    });
    await createAccount(db(), { name: "Archived", relationshipManagerId: world.users.rm.id, archivedAt: ago(1) });
    const rows = await getManagerWorkload(world.actors.cio, now);
    const byName = Object.fromEntries(rows.map((r) => [r.manager?.name ?? "(unassigned)", r]));
    expect(rows.at(-1)!.manager).toBeNull();
    expect(byName[world.users.rm.name]).toMatchObject({ units: 1, itOverdue: 0, actionsOverdue: 0, mine: false, byStage: { SNIFFLES: 1, FLU: 0 } });
    expect(byName[world.users.otherRm.name]).toMatchObject({ units: 1, itOverdue: 1, actionsOverdue: 2, byStage: { FLU: 1 } });
    expect(byName["(unassigned)"]).toMatchObject({ units: 1, itOverdue: 1, actionsOverdue: null, byStage: { HEALTHY: 1 } });

    const seenByRm = Object.fromEntries((await getManagerWorkload(world.actors.rm, now)).map((r) => [r.manager?.name ?? "(unassigned)", r]));
    expect(seenByRm[world.users.rm.name]).toMatchObject({ mine: true, itOverdue: 0 });
    expect(seenByRm[world.users.otherRm.name]).toMatchObject({ units: 1, itOverdue: null, actionsOverdue: null, byStage: { FLU: 1 } });
    expect(seenByRm["(unassigned)"]!.itOverdue).toBeNull();
    await expect(getManagerWorkload(world.actors.client)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
