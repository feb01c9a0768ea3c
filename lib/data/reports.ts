import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { firstOf, lastOf, type MonthSpan, monthOf, monthsEndingWith, type ReportMonth } from "../reports/month";
import {
  type Commitment,
  type DeliveredProject,
  type FailureReport,
  type Improvement,
  type LateBadNews,
  type MajorIncident,
  type MissedProject,
  type MonthlyReport,
  type RatingMonth,
  REPORT_LIST_LIMIT as LIST_LIMIT,
  type ReportScope,
  type ServiceLevelLine,
} from "../reports/shapes";
import { openAccount } from "./accounts";
import { toldDelay } from "./bad-news";
import { ForbiddenError } from "./errors";
import { type Actor, seesPortfolio } from "./permissions";

// The monthly value report and the failure report (issue 10 §5, article 003), for one unit or for
// every unit the reader may see in full. A unit's report is open to whoever may open the unit (its
// clients too: it is written for them); the portfolio's to IT, each manager seeing their own units.

const DAY_MS = 86_400_000;
/** Months of the ratings trend, ending with the report's month. */
export const RATING_TREND_MONTHS = 6;
/** A report's list, cut at LIST_LIMIT, and how many lines the cut left out. */
interface Listed<T> {
  list: T[];
  omitted: number;
}

/** How many lines a query cut at LIST_LIMIT had in all: counted only when the cut was reached. */
const totalOf = async (shown: number, count: () => Promise<number>) => (shown < LIST_LIMIT ? shown : count());

/** One query's list (cut at LIST_LIMIT), with what it left out. */
const listed = async <T>(list: T[], count: () => Promise<number>): Promise<Listed<T>> => ({ list, omitted: (await totalOf(list.length, count)) - list.length });

/** Lists merged from several queries (each cut at LIST_LIMIT), in `order`, cut again; `totals`: each query's full count. */
function merged<T>(lists: T[][], totals: number[], order: (a: T, b: T) => number): Listed<T> {
  const all = lists.flat().sort(order);
  const list = all.slice(0, LIST_LIMIT);
  return { list, omitted: totals.reduce((sum, n) => sum + n, 0) - list.length };
}

/** A list made in memory: its first LIST_LIMIT lines. */
const cut = <T>(all: T[]): Listed<T> => ({ list: all.slice(0, LIST_LIMIT), omitted: Math.max(0, all.length - LIST_LIMIT) });

interface Units {
  scope: ReportScope;
  ids: string[];
  names: Map<string, string>;
}

async function unitOf(accountId: string): Promise<Units> {
  const account = await db().account.findUniqueOrThrow({
    where: { id: accountId },
    select: { id: true, name: true, sponsor: { select: { name: true } }, relationshipManager: { select: { name: true } } },
  });
  return {
    scope: { kind: "unit", accountId: account.id, accountName: account.name, sponsorName: account.sponsor?.name ?? null, managerName: account.relationshipManager?.name ?? null },
    ids: [account.id],
    names: new Map([[account.id, account.name]]),
  };
}

/** Whoever may open the unit: IT with full access, and the unit's own clients. */
async function readableUnit(actor: Actor, accountId: string): Promise<Units> {
  await openAccount(actor, accountId);
  return unitOf(accountId);
}

/** The live units the reader has full access to: all for the CIO and admins, their own for a manager. */
async function readablePortfolio(actor: Actor): Promise<Units> {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The portfolio's reports are IT's: open your unit's report instead.");
  const manager = actor.role === "RELATIONSHIP_MANAGER";
  const accounts = await db().account.findMany({
    where: { archivedAt: null, ...(manager ? { relationshipManagerId: actor.id } : {}) },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return {
    scope: { kind: "portfolio", units: accounts.length, readerRole: manager ? "manager" : "leadership" },
    ids: accounts.map((a) => a.id),
    names: new Map(accounts.map((a) => [a.id, a.name])),
  };
}

export const getUnitMonthlyReport = async (actor: Actor, accountId: string, month: ReportMonth, now = new Date()) => buildMonthlyReport(await readableUnit(actor, accountId), month, now);
export const getPortfolioMonthlyReport = async (actor: Actor, month: ReportMonth, now = new Date()) => buildMonthlyReport(await readablePortfolio(actor), month, now);
export const getUnitFailureReport = async (actor: Actor, accountId: string, last: ReportMonth, span: number, now = new Date()) =>
  buildFailureReport(await readableUnit(actor, accountId), monthsEndingWith(last, span), now);
export const getPortfolioFailureReport = async (actor: Actor, last: ReportMonth, span: number, now = new Date()) =>
  buildFailureReport(await readablePortfolio(actor), monthsEndingWith(last, span), now);

/**
 * For the monthly email job only (no reader: the job sends each unit its own report). The
 * recipient is the unit's sponsor, who may read it as the unit's clients may.
 */
export const monthlyReportForMailing = async (accountId: string, month: ReportMonth, now: Date) => buildMonthlyReport(await unitOf(accountId), month, now);

async function buildMonthlyReport(units: Units, month: ReportMonth, now: Date): Promise<MonthlyReport> {
  const next = monthOf(month.start, 1);
  const [delivered, serviceLevels, improvements, ratings, commitments, youSaidWeDid] = await Promise.all([
    deliveredProjects(units, month),
    serviceLevelsOf(units, month),
    improvementsOf(units, month),
    ratingTrend(units, month),
    commitmentsAfter(units, month, next),
    actionsClosed(units, month.start, month.end),
  ]);
  return {
    scope: units.scope,
    month,
    generatedAt: now,
    delivered: delivered.list,
    serviceLevels: serviceLevels.levels,
    improvements: improvements.list,
    ratings,
    youSaidWeDid: youSaidWeDid.list,
    nextMonth: { month: next, commitments: commitments.list },
    omitted: {
      delivered: delivered.omitted,
      serviceLevels: serviceLevels.omitted,
      improvements: improvements.omitted,
      youSaidWeDid: youSaidWeDid.omitted,
      commitments: commitments.omitted,
    },
  };
}

const inUnits = (units: Units) => ({ accountId: { in: units.ids } });
const nameOf = (units: Units, accountId: string) => units.names.get(accountId) ?? "";

async function deliveredProjects(units: Units, month: ReportMonth): Promise<Listed<DeliveredProject>> {
  const where = { ...inUnits(units), deletedAt: null, status: "DELIVERED", actualEnd: { gte: month.start, lt: month.end } } satisfies Prisma.ProjectWhereInput;
  const rows = await db().project.findMany({
    where,
    orderBy: [{ actualEnd: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: { id: true, accountId: true, name: true, description: true, highProfile: true, plannedEnd: true, actualEnd: true, budget: true, actualCost: true, scopeDeliveredPercent: true },
  });
  const list = rows.map((p) => ({
    id: p.id,
    accountName: nameOf(units, p.accountId),
    name: p.name,
    benefit: p.description,
    highProfile: p.highProfile,
    plannedEnd: p.plannedEnd,
    actualEnd: p.actualEnd as Date,
    daysLate: Math.round(((p.actualEnd as Date).getTime() - p.plannedEnd.getTime()) / DAY_MS),
    budget: p.budget === null ? null : Number(p.budget),
    actualCost: p.actualCost === null ? null : Number(p.actualCost),
    scopeDeliveredPercent: p.scopeDeliveredPercent,
  }));
  return listed(list, () => db().project.count({ where }));
}

async function serviceLevelsOf(units: Units, month: ReportMonth): Promise<{ levels: MonthlyReport["serviceLevels"]; omitted: number }> {
  const [periods, incidents, majorIncidents] = await Promise.all([
    // Periods that overlap the month (a quarterly target shows in each of its months).
    db().slaPeriod.findMany({
      where: { ...inUnits(units), deletedAt: null, periodStart: { lt: month.end }, periodEnd: { gte: month.start } },
      orderBy: [{ accountId: "asc" }, { periodStart: "asc" }, { id: "asc" }],
      select: { accountId: true, periodStart: true, periodEnd: true, targetPercent: true, attainedPercent: true, coreSystem: { select: { name: true } } },
    }),
    db().incident.count({ where: { ...inUnits(units), deletedAt: null, occurredAt: { gte: month.start, lt: month.end } } }),
    db().incident.count({ where: { ...inUnits(units), deletedAt: null, major: true, occurredAt: { gte: month.start, lt: month.end } } }),
  ]);
  const lines: ServiceLevelLine[] = periods.map((p) => ({
    accountName: nameOf(units, p.accountId),
    system: p.coreSystem?.name ?? null,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    targetPercent: p.targetPercent,
    attainedPercent: p.attainedPercent,
    met: p.attainedPercent >= p.targetPercent,
  }));
  const met = lines.filter((l) => l.met).length;
  // A portfolio lists the misses (the met ones are counted): what a reader acts on.
  const shown = units.scope.kind === "portfolio" ? lines.filter((l) => !l.met) : lines;
  const { list, omitted } = cut(shown);
  return { levels: { lines: list, met, missed: lines.length - met, incidents, majorIncidents }, omitted };
}

const REVIEW_RESULT = { MET: "Met", PARTLY: "Partly met", MISSED: "Missed" } as const;

/** What IT did in the month: commitments it kept (its follow-ups done) and goals reviewed with the business. */
async function improvementsOf(units: Units, month: ReportMonth): Promise<Listed<Improvement>> {
  const kept = { ...inUnits(units), deletedAt: null, owedBy: "IT", doneAt: { gte: month.start, lt: month.end } } satisfies Prisma.FollowUpWhereInput;
  const reviewed = { deletedAt: null, reviewedAt: { gte: month.start, lt: month.end }, goal: { ...inUnits(units), deletedAt: null } } satisfies Prisma.GoalReviewWhereInput;
  const [followUps, reviews] = await Promise.all([
    db().followUp.findMany({ where: kept, orderBy: [{ doneAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { accountId: true, description: true, doneAt: true } }),
    db().goalReview.findMany({
      where: reviewed,
      orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: { reviewedAt: true, result: true, goal: { select: { accountId: true, title: true } } },
    }),
  ]);
  const totals = await Promise.all([totalOf(followUps.length, () => db().followUp.count({ where: kept })), totalOf(reviews.length, () => db().goalReview.count({ where: reviewed }))]);
  return merged(
    [
      followUps.map((f): Improvement => ({ kind: "follow-up", accountName: nameOf(units, f.accountId), what: f.description, detail: null, on: f.doneAt as Date })),
      reviews.map((r): Improvement => ({ kind: "goal-review", accountName: nameOf(units, r.goal.accountId), what: r.goal.title, detail: REVIEW_RESULT[r.result], on: r.reviewedAt })),
    ],
    totals,
    (a, b) => a.on.getTime() - b.on.getTime(),
  );
}

/**
 * The average overall rating per month, the report's month last. Ratings given in anonymous
 * campaigns are left out: a unit's month of one or two answers would show what those people said.
 */
async function ratingTrend(units: Units, month: ReportMonth): Promise<RatingMonth[]> {
  const months = monthsEndingWith(month, RATING_TREND_MONTHS);
  const rows =
    units.ids.length === 0
      ? []
      : await db().$queryRaw<{ month: string; average: number; count: number }[]>`
          SELECT to_char(date_trunc('month', r.created_at), 'YYYY-MM') AS month, avg(r.overall)::float8 AS average, count(*)::int AS count
          FROM ratings r LEFT JOIN campaigns c ON c.id = r.campaign_id
          WHERE r.account_id IN (${Prisma.join(units.ids)}) AND r.withdrawn_at IS NULL AND c.anonymous IS NOT TRUE
            AND r.created_at >= ${firstOf(months).start} AND r.created_at < ${month.end}
          GROUP BY 1`;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return months.map((m) => {
    const row = byMonth.get(m.key);
    return { key: m.key, label: m.label, average: row ? Math.round(Number(row.average) * 100) / 100 : null, count: row ? Number(row.count) : 0 };
  });
}

/**
 * What IT owes as the month closes: its follow-ups still open at the month's end and due by the
 * end of the next month, and projects planned to end by then and not finished at the month's end.
 * As of the month's end, so an old report reads as it would have then.
 */
async function commitmentsAfter(units: Units, month: ReportMonth, next: ReportMonth): Promise<Listed<Commitment>> {
  const owed = { ...inUnits(units), deletedAt: null, owedBy: "IT", createdAt: { lt: month.end }, dueDate: { lt: next.end }, OR: [{ doneAt: null }, { doneAt: { gte: month.end } }] } satisfies Prisma.FollowUpWhereInput;
  const planned = { ...inUnits(units), deletedAt: null, createdAt: { lt: month.end }, plannedEnd: { lt: next.end }, OR: [{ actualEnd: null }, { actualEnd: { gte: month.end } }] } satisfies Prisma.ProjectWhereInput;
  const promised = { ...inUnits(units), ...FOR_THE_CLIENT, createdAt: { lt: month.end }, dueDate: { lt: next.end }, OR: [{ closedAt: null }, { closedAt: { gte: month.end } }] } satisfies Prisma.ActionWhereInput;
  const [followUps, projects, actions] = await Promise.all([
    db().followUp.findMany({ where: owed, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { accountId: true, description: true, dueDate: true } }),
    db().project.findMany({ where: planned, orderBy: [{ plannedEnd: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { accountId: true, name: true, plannedEnd: true } }),
    db().action.findMany({ where: promised, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { accountId: true, title: true, dueDate: true } }),
  ]);
  const totals = await Promise.all([
    totalOf(actions.length, () => db().action.count({ where: promised })),
    totalOf(followUps.length, () => db().followUp.count({ where: owed })),
    totalOf(projects.length, () => db().project.count({ where: planned })),
  ]);
  return merged(
    [
      actions.map((a): Commitment => ({ kind: "action", accountName: nameOf(units, a.accountId), what: a.title, due: a.dueDate, overdue: a.dueDate < month.end })),
      followUps.map((f): Commitment => ({ kind: "follow-up", accountName: nameOf(units, f.accountId), what: f.description, due: f.dueDate, overdue: f.dueDate < month.end })),
      projects.map((p): Commitment => ({ kind: "project", accountName: nameOf(units, p.accountId), what: `Deliver ${p.name}`, due: p.plannedEnd, overdue: p.plannedEnd < month.end })),
    ],
    totals,
    (a, b) => a.due.getTime() - b.due.getTime(),
  );
}

/**
 * A report is written for the business, whoever prints it: of the actions (lib/data/actions.ts) it
 * shows only those marked for the client, as "you said, we did" does there (done and visible to
 * the client; the open ones among next month's commitments). IT's internal actions stay off it.
 */
const FOR_THE_CLIENT = { visibleToClient: true } as const;

/** Actions done in [from, to), with what was done: "you said, we did", and what IT learned and changed. */
async function actionsClosed(units: Units, from: Date, to: Date): Promise<Listed<Improvement>> {
  const where = { ...inUnits(units), ...FOR_THE_CLIENT, status: "DONE", closedAt: { gte: from, lt: to } } satisfies Prisma.ActionWhereInput;
  const rows = await db().action.findMany({ where, orderBy: [{ closedAt: "asc" }, { id: "asc" }], take: LIST_LIMIT, select: { accountId: true, title: true, outcome: true, closedAt: true } });
  const list = rows.map((a): Improvement => ({ kind: "action", accountName: nameOf(units, a.accountId), what: a.title, detail: a.outcome, on: a.closedAt as Date }));
  return listed(list, () => db().action.count({ where }));
}

async function buildFailureReport(units: Units, months: MonthSpan, now: Date): Promise<FailureReport> {
  const from = firstOf(months).start;
  const to = lastOf(months).end;
  const [missedProjects, majorIncidents, lateBadNews, lessons] = await Promise.all([
    missedProjectsOf(units, from, to),
    majorIncidentsOf(units, from, to),
    lateBadNewsOf(units, from, to),
    actionsClosed(units, from, to),
  ]);
  return {
    scope: units.scope,
    months,
    generatedAt: now,
    missedProjects: missedProjects.list,
    majorIncidents: majorIncidents.list,
    lateBadNews: lateBadNews.list,
    lessons: lessons.list,
    omitted: { missedProjects: missedProjects.omitted, majorIncidents: majorIncidents.omitted, lateBadNews: lateBadNews.omitted, lessons: lessons.omitted },
  };
}

/**
 * Projects that finished in the span late, over budget, short of their scope or cancelled, and
 * projects whose planned end fell in the span but were not finished by its end.
 */
async function missedProjectsOf(units: Units, from: Date, to: Date): Promise<Listed<MissedProject>> {
  const rows = await db().project.findMany({
    where: {
      ...inUnits(units),
      deletedAt: null,
      OR: [{ actualEnd: { gte: from, lt: to } }, { plannedEnd: { gte: from, lt: to }, OR: [{ actualEnd: null }, { actualEnd: { gte: to } }] }],
    },
    orderBy: [{ plannedEnd: "asc" }, { id: "asc" }],
    select: { id: true, accountId: true, name: true, highProfile: true, status: true, plannedEnd: true, actualEnd: true, budget: true, actualCost: true, scopeDeliveredPercent: true },
  });
  const missed: MissedProject[] = [];
  for (const p of rows) {
    const finished = p.actualEnd !== null && p.actualEnd < to;
    const problems: string[] = [];
    if (p.status === "CANCELLED" && finished) problems.push("cancelled");
    if (!finished) problems.push("not delivered by its planned end");
    const late = finished ? Math.round(((p.actualEnd as Date).getTime() - p.plannedEnd.getTime()) / DAY_MS) : 0;
    if (p.status === "DELIVERED" && late > 0) problems.push(`${late} ${late === 1 ? "day" : "days"} late`);
    const budget = p.budget === null ? null : Number(p.budget);
    const cost = p.actualCost === null ? null : Number(p.actualCost);
    if (budget && cost !== null && cost > budget) problems.push(`cost ${(cost / budget).toFixed(2)}× its budget`);
    if (p.status === "DELIVERED" && p.scopeDeliveredPercent !== null && p.scopeDeliveredPercent < 100) problems.push(`${p.scopeDeliveredPercent}% of the scope delivered`);
    if (problems.length > 0) missed.push({ id: p.id, accountName: nameOf(units, p.accountId), name: p.name, highProfile: p.highProfile, status: p.status, plannedEnd: p.plannedEnd, actualEnd: p.actualEnd, problems });
  }
  return cut(missed);
}

async function majorIncidentsOf(units: Units, from: Date, to: Date): Promise<Listed<MajorIncident>> {
  const where = { ...inUnits(units), deletedAt: null, major: true, occurredAt: { gte: from, lt: to } } satisfies Prisma.IncidentWhereInput;
  const rows = await db().incident.findMany({
    where,
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: { id: true, accountId: true, title: true, occurredAt: true, resolvedAt: true, heardFromItFirst: true, coreSystem: { select: { name: true } } },
  });
  const list = rows.map((i) => ({
    id: i.id,
    accountName: nameOf(units, i.accountId),
    title: i.title,
    system: i.coreSystem?.name ?? null,
    occurredAt: i.occurredAt,
    resolvedAt: i.resolvedAt,
    hoursToResolve: i.resolvedAt ? Math.round((i.resolvedAt.getTime() - i.occurredAt.getTime()) / 3_600_000) : null,
    heardFromItFirst: i.heardFromItFirst,
  }));
  return listed(list, () => db().incident.count({ where }));
}

/**
 * Bad news the client was told in the span, later than the diagnosis allows. News not told yet is
 * never in a report: a report must not be how the client first hears it.
 */
async function lateBadNewsOf(units: Units, from: Date, to: Date): Promise<Listed<LateBadNews>> {
  const rows = await db().badNews.findMany({
    where: { ...inUnits(units), deletedAt: null, toldAt: { gte: from, lt: to } },
    orderBy: [{ toldAt: "asc" }, { id: "asc" }],
    select: { id: true, accountId: true, what: true, knownAt: true, toldAt: true, project: { select: { name: true, deletedAt: true } } },
  });
  return cut(
    rows
      .map((n) => ({ n, delay: toldDelay(n.knownAt, n.toldAt, to) }))
      .filter(({ delay }) => delay.late)
      .map(({ n, delay }) => ({
      id: n.id,
      accountName: nameOf(units, n.accountId),
      what: n.what,
      project: n.project && !n.project.deletedAt ? n.project.name : null,
      knownAt: n.knownAt,
      toldAt: n.toldAt as Date,
      daysWaited: delay.days,
      })),
  );
}
