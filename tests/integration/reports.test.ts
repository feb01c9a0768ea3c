import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ForbiddenError } from "../../lib/data/errors";
import { getPortfolioFailureReport, getPortfolioMonthlyReport, getUnitFailureReport, getUnitMonthlyReport } from "../../lib/data/reports";
import { db } from "../../lib/db/client";
import { prepareReportEmail } from "../../lib/reports/email";
import { monthOf } from "../../lib/reports/month";
import { renderFailurePdf, renderMonthlyPdf } from "../../lib/reports/pdf/render";
import { pdfPages, pdfText } from "../support/pdf-text";
import { createRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// The monthly value report and the failure report (issue 10 §5): what each holds for a month
// whose records are known, and who may read which.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date("2026-12-02T10:00:00Z");
const november = monthOf(new Date("2026-11-15T00:00:00Z"));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** November's records for `accountId`, and some outside November that the report must leave out. */
async function seedNovember(accountId: string, tag: string) {
  const prisma = db();
  const ownerId = world.users.cio.id;
  await prisma.action.createMany({
    data: [
      // "You said, we did": done in November, for the client.
      { accountId, ownerId, title: `${tag}: weekly status notes`, dueDate: day("2026-11-20"), status: "DONE", outcome: "Sent every Friday since 6 November", visibleToClient: true, closedAt: new Date("2026-11-06T10:00:00Z"), createdAt: day("2026-10-01") },
      // IT's own action: never in a report.
      { accountId, ownerId, title: `${tag}: internal retro`, dueDate: day("2026-11-20"), status: "DONE", outcome: "Held", visibleToClient: false, closedAt: new Date("2026-11-07T10:00:00Z"), createdAt: day("2026-10-01") },
      // Dropped: not something IT did.
      { accountId, ownerId, title: `${tag}: dropped idea`, dueDate: day("2026-11-20"), status: "DROPPED", outcome: "Not needed", visibleToClient: true, closedAt: new Date("2026-11-08T10:00:00Z"), createdAt: day("2026-10-01") },
      // Open, due in December, for the client: a commitment.
      { accountId, ownerId, title: `${tag}: a named contact for outages`, dueDate: day("2026-12-05"), status: "OPEN", visibleToClient: true, createdAt: day("2026-11-10") },
    ],
  });
  const system = await prisma.coreSystem.create({ data: { accountId, name: `${tag} ledger` } });
  await prisma.project.createMany({
    data: [
      // Delivered in November, 5 days late and over budget: in the value report and the failure report.
      { accountId, name: `${tag} close automation`, description: "Month-end close in two days instead of five", status: "DELIVERED", plannedEnd: day("2026-11-10"), actualEnd: day("2026-11-15"), budget: 100_000, actualCost: 130_000, scopeDeliveredPercent: 100 },
      // Delivered on time in November: the value report only.
      { accountId, name: `${tag} expense app`, description: "Receipts by photo", status: "DELIVERED", plannedEnd: day("2026-11-20"), actualEnd: day("2026-11-20"), budget: 50_000, actualCost: 45_000, scopeDeliveredPercent: 100 },
      // Delivered in October: neither.
      { accountId, name: `${tag} old thing`, status: "DELIVERED", plannedEnd: day("2026-10-01"), actualEnd: day("2026-10-02") },
      // Due in November, still under way: missed; and a commitment for next month.
      { accountId, name: `${tag} data warehouse`, status: "IN_PROGRESS", plannedEnd: day("2026-11-25"), createdAt: day("2026-06-01") },
      // Due in December: next month's commitment.
      { accountId, name: `${tag} payroll bridge`, status: "IN_PROGRESS", plannedEnd: day("2026-12-18"), createdAt: day("2026-06-01") },
    ],
  });
  await prisma.slaPeriod.createMany({
    data: [
      { accountId, coreSystemId: system.id, periodStart: day("2026-11-01"), periodEnd: day("2026-11-30"), targetPercent: 99.5, attainedPercent: 99.9 },
      { accountId, coreSystemId: null, periodStart: day("2026-11-01"), periodEnd: day("2026-11-30"), targetPercent: 99.9, attainedPercent: 98.2 },
      { accountId, coreSystemId: system.id, periodStart: day("2026-10-01"), periodEnd: day("2026-10-31"), targetPercent: 99.5, attainedPercent: 90 },
    ],
  });
  await prisma.incident.createMany({
    data: [
      { accountId, coreSystemId: system.id, title: `${tag} ledger outage`, occurredAt: new Date("2026-11-03T08:00:00Z"), resolvedAt: new Date("2026-11-03T14:00:00Z"), major: true, heardFromItFirst: false },
      { accountId, title: `${tag} slow printing`, occurredAt: new Date("2026-11-04T08:00:00Z"), major: false },
      { accountId, title: `${tag} September outage`, occurredAt: new Date("2026-09-04T08:00:00Z"), major: true },
    ],
  });
  await prisma.followUp.createMany({
    data: [
      { accountId, description: `${tag}: send the revised roadmap`, owedBy: "IT", dueDate: day("2026-11-05"), doneAt: new Date("2026-11-04T12:00:00Z"), createdAt: day("2026-10-20") },
      { accountId, description: `${tag}: the business signs off the test plan`, owedBy: "BUSINESS", dueDate: day("2026-11-05"), doneAt: new Date("2026-11-04T12:00:00Z"), createdAt: day("2026-10-20") },
      { accountId, description: `${tag}: fix the report export`, owedBy: "IT", dueDate: day("2026-12-10"), createdAt: day("2026-11-20") },
      // Done in December: it was still open when November ended.
      { accountId, description: `${tag}: train the new analysts`, owedBy: "IT", dueDate: day("2026-11-28"), doneAt: new Date("2026-12-01T09:00:00Z"), createdAt: day("2026-11-01") },
      // Due in January: beyond next month.
      { accountId, description: `${tag}: plan next year`, owedBy: "IT", dueDate: day("2027-01-15"), createdAt: day("2026-11-20") },
    ],
  });
  const goal = await prisma.goal.create({ data: { accountId, title: `${tag}: invoices paid in 30 days`, measure: "days", target: "30", ownerName: "Dana", agreedAt: day("2026-01-10") } });
  await prisma.goalReview.create({ data: { goalId: goal.id, reviewedAt: day("2026-11-12"), result: "MET" } });
  await prisma.badNews.createMany({
    data: [
      // Known 1 October, told 10 November: late, told in November.
      { accountId, what: `${tag}: the warehouse slips to Q1`, knownAt: day("2026-10-01"), toldAt: day("2026-11-10") },
      // Told the next day: not late.
      { accountId, what: `${tag}: a day's delay`, knownAt: day("2026-11-01"), toldAt: day("2026-11-02") },
      // Not told yet: never in a report.
      { accountId, what: `${tag}: secret overrun`, knownAt: day("2026-09-01") },
    ],
  });
}

describe("the monthly value report", () => {
  it("holds the unit's month: delivered projects, service levels, improvements, ratings and next month's commitments", async () => {
    const { mine } = world.accounts;
    await seedNovember(mine.id, "Fin");
    await seedNovember(world.accounts.theirs.id, "Sales");
    for (const [iso, overall] of [["2026-11-05", 4], ["2026-11-20", 5], ["2026-10-10", 2], ["2026-06-10", 3]] as const) {
      await createRating(db(), { accountId: mine.id, userId: world.users.client.id, overall, createdAt: new Date(`${iso}T10:00:00Z`) });
    }
    const report = await getUnitMonthlyReport(world.actors.client, mine.id, november, now);

    expect(report.scope).toMatchObject({ kind: "unit", accountName: "Finance" });
    expect(report.delivered.map((p) => [p.name, p.daysLate, p.benefit])).toEqual([
      ["Fin close automation", 5, "Month-end close in two days instead of five"],
      ["Fin expense app", 0, "Receipts by photo"],
    ]);
    expect(report.serviceLevels).toMatchObject({ met: 1, missed: 1, incidents: 2, majorIncidents: 1 });
    expect(report.serviceLevels.lines.map((l) => [l.system, l.met])).toEqual([["Fin ledger", true], [null, false]]);
    expect(report.improvements.map((i) => [i.kind, i.what, i.detail])).toEqual([
      ["follow-up", "Fin: send the revised roadmap", null],
      ["goal-review", "Fin: invoices paid in 30 days", "Met"],
    ]);
    expect(report.ratings.map((r) => [r.key, r.average, r.count])).toEqual([
      ["2026-06", 3, 1],
      ["2026-07", null, 0],
      ["2026-08", null, 0],
      ["2026-09", null, 0],
      ["2026-10", 2, 1],
      ["2026-11", 4.5, 2],
    ]);
    expect(report.nextMonth.month.key).toBe("2026-12");
    expect(report.youSaidWeDid.map((i) => [i.what, i.detail])).toEqual([["Fin: weekly status notes", "Sent every Friday since 6 November"]]);
    expect(report.nextMonth.commitments.map((c) => [c.what, c.overdue])).toEqual([
      ["Deliver Fin data warehouse", true],
      ["Fin: train the new analysts", true],
      ["Fin: a named contact for outages", false],
      ["Fin: fix the report export", false],
      ["Deliver Fin payroll bridge", false],
    ]);
    expect(JSON.stringify(report)).not.toContain("internal retro");
    expect(JSON.stringify(report)).not.toContain("dropped idea");
    // Nothing of another unit.
    expect(JSON.stringify(report)).not.toContain("Sales");
  });

  it("for the portfolio: every unit for the CIO, a manager's own units, and only the misses listed", async () => {
    await seedNovember(world.accounts.mine.id, "Fin");
    await seedNovember(world.accounts.theirs.id, "Sales");
    const cio = await getPortfolioMonthlyReport(world.actors.cio, november, now);
    expect(cio.scope).toEqual({ kind: "portfolio", units: 2, readerRole: "leadership" });
    expect(cio.delivered).toHaveLength(4);
    expect(cio.serviceLevels).toMatchObject({ met: 2, missed: 2, incidents: 4, majorIncidents: 2 });
    expect(cio.serviceLevels.lines.every((l) => !l.met)).toBe(true);

    const rm = await getPortfolioMonthlyReport(world.actors.rm, november, now);
    expect(rm.scope).toEqual({ kind: "portfolio", units: 1, readerRole: "manager" });
    expect(rm.delivered.map((p) => p.accountName)).toEqual(["Finance", "Finance"]);
    expect(JSON.stringify(rm)).not.toContain("Sales");
  });
});

describe("the failure report", () => {
  it("lists the span's missed projects, major incidents and bad news told late, never news not told yet", async () => {
    await seedNovember(world.accounts.mine.id, "Fin");
    const report = await getUnitFailureReport(world.actors.rm, world.accounts.mine.id, november, 1, now);
    expect(report.months.map((m) => m.key)).toEqual(["2026-11"]);
    expect(report.missedProjects.map((p) => [p.name, p.problems])).toEqual([
      ["Fin close automation", ["5 days late", "cost 1.30× its budget"]],
      ["Fin data warehouse", ["not delivered by its planned end"]],
    ]);
    expect(report.majorIncidents).toMatchObject([{ title: "Fin ledger outage", system: "Fin ledger", hoursToResolve: 6, heardFromItFirst: false }]);
    expect(report.lateBadNews).toMatchObject([{ what: "Fin: the warehouse slips to Q1", daysWaited: 40 }]);
    expect(JSON.stringify(report)).not.toContain("secret overrun");
    expect(report.lessons.map((l) => [l.what, l.detail])).toEqual([["Fin: weekly status notes", "Sent every Friday since 6 November"]]);

    const quarter = await getUnitFailureReport(world.actors.rm, world.accounts.mine.id, november, 3, now);
    expect(quarter.months.map((m) => m.key)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(quarter.majorIncidents.map((i) => i.title)).toEqual(["Fin September outage", "Fin ledger outage"]);
  });
});

describe("lists longer than a report lists", () => {
  it("say how many lines they left out, on the page's data, in the PDF, and in the email's counts", async () => {
    const accountId = world.accounts.mine.id;
    const at = (n: number) => new Date(Date.UTC(2026, 10, 1 + (n % 28), 8, n % 60));
    // 103 delivered projects; 60 commitments kept and 50 goal reviews (110 improvements from two queries).
    await db().project.createMany({
      data: Array.from({ length: 103 }, (_, n) => ({ accountId, name: `Project ${n}`, status: "DELIVERED" as const, plannedEnd: at(n), actualEnd: at(n) })),
    });
    await db().followUp.createMany({ data: Array.from({ length: 60 }, (_, n) => ({ accountId, owedBy: "IT" as const, description: `Kept ${n}`, dueDate: at(n), doneAt: at(n) })) });
    const goal = await db().goal.create({ data: { accountId, title: "Invoices paid in 30 days", measure: "days", target: "30", ownerName: "Dana", agreedAt: day("2026-01-01") } });
    await db().goalReview.createMany({ data: Array.from({ length: 50 }, (_, n) => ({ goalId: goal.id, reviewedAt: at(n), result: "MET" as const })) });
    await db().incident.createMany({ data: Array.from({ length: 102 }, (_, n) => ({ accountId, title: `Outage ${n}`, major: true, occurredAt: at(n) })) });

    const report = await getUnitMonthlyReport(world.actors.rm, accountId, november, now);
    expect(report.delivered).toHaveLength(100);
    expect(report.improvements).toHaveLength(100);
    expect(report.omitted).toEqual({ delivered: 3, serviceLevels: 0, improvements: 10, youSaidWeDid: 0, commitments: 0 });
    // The first hundred in time order, whichever query they came from.
    const times = report.improvements.map((i) => i.on.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(report.improvements.map((i) => i.kind))).toEqual(new Set(["follow-up", "goal-review"]));
    const pdf = (await pdfText(await renderMonthlyPdf(report))).replace(/\s+/g, " ");
    expect(pdf).toContain("…and 3 more not listed here: a report lists at most 100 lines per section.");
    expect(pdf).toContain("…and 10 more not listed here");

    await db().contact.create({ data: { accountId, name: "Dana Sponsor", email: "dana@finance.test", role: "SPONSOR" } });
    const mail = await prepareReportEmail(db(), { accountId, reportMonth: november.key, subject: "Finance: November" }, now);
    expect("email" in mail && mail.email.text).toContain("- Projects delivered: 103\n");
    expect("email" in mail && mail.email.text).toContain("- Improvements made: 110\n");

    const failures = await getUnitFailureReport(world.actors.rm, accountId, november, 1, now);
    expect(failures.majorIncidents).toHaveLength(100);
    expect(failures.omitted).toEqual({ missedProjects: 0, majorIncidents: 2, lateBadNews: 0, lessons: 0 });

    // A list under the limit leaves nothing out and costs no count.
    const other = await getUnitMonthlyReport(world.actors.cio, world.accounts.theirs.id, november, now);
    expect(Object.values(other.omitted).every((n) => n === 0)).toBe(true);
  });
});

describe("who may read which report", () => {
  it("a client reads their own unit's reports only; another manager finds no such unit", async () => {
    const { mine, theirs } = world.accounts;
    await expect(getUnitMonthlyReport(world.actors.otherClient, mine.id, november, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitFailureReport(world.actors.otherClient, mine.id, november, 3, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitMonthlyReport(world.actors.otherRm, mine.id, november, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitMonthlyReport(world.actors.client, theirs.id, november, now)).rejects.toBeInstanceOf(NotFoundError);
    for (const actor of [world.actors.client, world.actors.rm, world.actors.cio, world.actors.admin]) {
      await expect(getUnitMonthlyReport(actor, mine.id, november, now)).resolves.toMatchObject({ scope: { accountId: mine.id } });
    }
  });

  it("the portfolio's reports are refused to clients", async () => {
    await expect(getPortfolioMonthlyReport(world.actors.client, november, now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPortfolioFailureReport(world.actors.client, november, 3, now)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPortfolioFailureReport(world.actors.admin, november, 3, now)).resolves.toMatchObject({ scope: { units: 2 } });
  });
});

describe("the reports as PDF", () => {
  it("says what the page says: the monthly report's sections and lines, page-numbered", async () => {
    await seedNovember(world.accounts.mine.id, "Fin");
    const report = await getUnitMonthlyReport(world.actors.client, world.accounts.mine.id, november, now);
    const bytes = await renderMonthlyPdf(report);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const expected of [
      "Finance: IT's value report, November 2026",
      "Projects delivered",
      "Fin close automation",
      "Benefit: Month-end close in two days instead of five",
      "5 days late",
      "1 of 2 service levels met; 2 incidents, 1 major.",
      "Improvements made",
      "Fin: invoices paid in 30 days: Met",
      "Ratings trend",
      "You said, we did",
      "We did: Sent every Friday since 6 November",
      "Commitments for December 2026",
      "Deliver Fin data warehouse",
      "Page 1 of",
    ]) expect(text).toContain(expected);
    expect(text).not.toContain("Sales");
  });

  it("renders the failure report, and an empty month with its empty states", async () => {
    await seedNovember(world.accounts.mine.id, "Fin");
    const failures = await pdfText(await renderFailurePdf(await getUnitFailureReport(world.actors.cio, world.accounts.mine.id, november, 3, now)));
    expect(failures).toContain("Finance: failure report, September 2026 to November 2026");
    expect(failures).toContain("Fin data warehouse");
    expect(failures).toContain("IT knew on 1 Oct 2026 and told the business on 10 Nov 2026: 40 days later.");
    expect(failures).not.toContain("secret overrun");
    expect(failures).toContain("What we learned and changed");
    expect(failures).toContain("What we did: Sent every Friday since 6 November");

    const empty = await pdfPages(await renderMonthlyPdf(await getUnitMonthlyReport(world.actors.cio, world.accounts.theirs.id, november, now)));
    expect(empty).toHaveLength(1);
    expect((empty[0] ?? "").replace(/\s+/g, " ")).toContain("No project was delivered in November 2026.");
  });
});
