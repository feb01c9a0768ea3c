import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Criticality, HealthTrend, Stage } from "../generated/prisma/enums";
import { overdueActionCounts } from "./actions";
import { ForbiddenError } from "./errors";
import { type Actor, accountAccess, canOpenAccount, seesPortfolio } from "./permissions";
import { defaultPortfolioQuery, type PortfolioQuery, type PortfolioSort } from "./portfolio-query";
import { getPortfolioMonths } from "./portfolio-months";
import { type PortfolioRow, portfolioRowSchema } from "./portfolio-shapes";
import { itOverdueSql, lastMetAtSql, lastRatingSql, responseCountsSql } from "./portfolio-unit-facts";

export type { PortfolioRow } from "./portfolio-shapes";

export function assertSeesPortfolio(actor: Actor) {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The portfolio is for IT staff.");
}

interface PortfolioSqlRow {
  id: string;
  name: string;
  description: string;
  meetingCadenceDays: number | null;
  sponsorId: string | null;
  sponsorName: string | null;
  sponsorTitle: string | null;
  criticality: Criticality;
  healthStage: Stage;
  healthScore: number | null;
  healthSince: Date | string | null;
  healthComputedAt: Date | string | null;
  healthTrend: HealthTrend;
  healthRisk: number | null;
  relationshipManagerId: string | null;
  managerName: string | null;
  overrideId: string | null;
  overrideStage: Stage | null;
  overrideReason: string | null;
  overrideExpiresAt: Date | string | null;
  overrideByName: string | null;
  lastMetAt: Date | string | null;
  lastRatingOverall: number | null;
  lastRatingAt: Date | string | null;
  itOverdue: number;
  answered: number;
  invited: number;
  total: number;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));
const asNumber = (value: number | null) => (value === null ? null : Number(value));

// Sort keys, whitelisted: the direction is the only part that varies. Units without a value sort
// last either way, and the name breaks ties so pages never overlap.
const TREND_RANK = Prisma.sql`CASE a.health_trend WHEN 'IMPROVING' THEN 1 WHEN 'RECOVERING' THEN 2 WHEN 'STABLE' THEN 3 WHEN 'WORSENING' THEN 4 END`;
const SUMMARY_SORT_KEYS: Record<Exclude<PortfolioSort, FactSort>, Prisma.Sql> = {
  score: Prisma.sql`a.health_score`,
  name: Prisma.sql`a.name`,
  // Not enough data is no stage: last, whatever the direction.
  stage: Prisma.sql`NULLIF(a.health_stage, 'INSUFFICIENT_DATA')`,
  criticality: Prisma.sql`a.criticality`,
  manager: Prisma.sql`m.name`,
  since: Prisma.sql`a.health_since`,
  trend: TREND_RANK,
};

// The facts only full access shows: worked out for every filtered account only when one is the
// sort (otherwise for the page's rows alone), and null, so last, for units the viewer sees as a
// summary, or the order would tell what the row does not.
type FactSort = "met" | "rated" | "overdue" | "response";
const FACT_SORT_KEYS: Record<FactSort, (now: Date) => Prisma.Sql> = {
  // Never met is the longest since a meeting.
  met: (now) => Prisma.sql`coalesce(${lastMetAtSql(Prisma.sql`a.id`, now)}, '-infinity'::timestamp)`,
  rated: (now) => Prisma.sql`(SELECT lr.overall FROM ${lastRatingSql(Prisma.sql`a.id`, now)} lr)`,
  overdue: (now) => itOverdueSql(Prisma.sql`a.id`, now),
  response: () => Prisma.sql`(SELECT rc.answered::float8 / NULLIF(rc.invited, 0) FROM ${responseCountsSql(Prisma.sql`a.id`)} rc)`,
};
const isFactSort = (sort: PortfolioSort): sort is FactSort => sort in FACT_SORT_KEYS;

/** accountAccess(actor, a) = "full", in SQL (decision 002): leadership sees every unit in full, a manager their own. */
export function fullAccessSql(actor: Actor): Prisma.Sql {
  return actor.role === "RELATIONSHIP_MANAGER" ? Prisma.sql`a.relationship_manager_id = ${actor.id}` : Prisma.sql`true`;
}

/** The sort's key, as an expression over `a` (the account) and, for the manager sort, `m` (its manager). */
function sortKey(actor: Actor, query: PortfolioQuery, now: Date): Prisma.Sql {
  return isFactSort(query.sort) ? Prisma.sql`CASE WHEN ${fullAccessSql(actor)} THEN ${FACT_SORT_KEYS[query.sort](now)} END` : SUMMARY_SORT_KEYS[query.sort];
}

/** The order over a row set with the key as its `sort_key` column and the unit's `name`. */
function orderBy(query: PortfolioQuery, alias: Prisma.Sql): Prisma.Sql {
  const direction = Prisma.raw(query.dir === "desc" ? "DESC" : "ASC");
  return Prisma.sql`${alias}sort_key ${direction} NULLS LAST, ${alias}name ASC`;
}

/** `%` and `_` in a search are letters, not wildcards. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereClause(actor: Actor, query: PortfolioQuery): Prisma.Sql {
  const conditions = [Prisma.sql`a.archived_at IS NULL`];
  if (query.q) conditions.push(Prisma.sql`a.name ILIKE ${containing(query.q)}`);
  if (query.stage) conditions.push(Prisma.sql`a.health_stage = ${query.stage}::"Stage"`);
  if (query.criticality) conditions.push(Prisma.sql`a.criticality = ${query.criticality}::"Criticality"`);
  if (query.heading) conditions.push(Prisma.sql`a.health_trend = ${query.heading}::"HealthTrend"`);
  if (query.owner === "none") conditions.push(Prisma.sql`a.relationship_manager_id IS NULL`);
  else if (query.owner) conditions.push(Prisma.sql`a.relationship_manager_id = ${query.owner === "me" ? actor.id : query.owner}`);
  return Prisma.join(conditions, " AND ");
}

/** Shapes a row for the actor's access to that unit; the schema drops what the level does not name. */
function toRow(actor: Actor, row: PortfolioSqlRow, actionsOverdue: ReadonlyMap<string, number>): PortfolioRow {
  const access = accountAccess(actor, { id: row.id, relationshipManagerId: row.relationshipManagerId });
  const full = access === "full";
  return portfolioRowSchema.parse({
    id: row.id,
    access: full ? "full" : "summary",
    name: row.name,
    description: row.description,
    meetingCadenceDays: asNumber(row.meetingCadenceDays),
    sponsor: row.sponsorId ? { id: row.sponsorId, name: row.sponsorName, title: row.sponsorTitle } : null,
    criticality: row.criticality,
    healthStage: row.healthStage,
    healthScore: asNumber(row.healthScore),
    healthSince: asDate(row.healthSince),
    healthComputedAt: asDate(row.healthComputedAt),
    healthTrend: row.healthTrend,
    healthRisk: asNumber(row.healthRisk),
    relationshipManager: row.managerName === null ? null : { name: row.managerName },
    mine: row.relationshipManagerId === actor.id,
    canOpen: canOpenAccount(access),
    override:
      row.overrideId === null
        ? null
        : { stage: row.overrideStage, expiresAt: asDate(row.overrideExpiresAt), byName: row.overrideByName, reason: full ? row.overrideReason : null },
    lastMetAt: asDate(row.lastMetAt),
    lastRating: row.lastRatingAt === null ? null : { overall: Number(row.lastRatingOverall), at: asDate(row.lastRatingAt) },
    itOverdue: Number(row.itOverdue),
    responseRate: Number(row.invited) > 0 ? { answered: Number(row.answered), invited: Number(row.invited) } : null,
    actionsOverdue: actionsOverdue.get(row.id) ?? 0,
  });
}

export interface PortfolioPage {
  rows: PortfolioRow[];
  /** Units matching the filters, on every page. */
  total: number;
  query: PortfolioQuery;
}

/**
 * One page of unarchived business units, sorted and filtered in SQL, with the human override in
 * force beside the computed stage (active = not ended, expiry still ahead at `now`). One statement:
 * the page's accounts are sorted and cut first (a top-N sort of the accounts alone: their managers
 * are joined before the cut only when they are the sort), the filtered count beside them, and only
 * those rows get their manager, sponsor, override and working facts (last meeting, last rating,
 * overdue commitments, response rate) joined: a few index probes per row shown.
 */
export async function getPortfolioPage(actor: Actor, query: PortfolioQuery = defaultPortfolioQuery, now: Date = new Date()): Promise<PortfolioPage> {
  assertSeesPortfolio(actor);
  const offset = (query.page - 1) * query.size;
  const rows = await db().$queryRaw<PortfolioSqlRow[]>`
    WITH cut AS (
      SELECT a.*, ${sortKey(actor, query, now)} AS sort_key
      FROM accounts a
      ${query.sort === "manager" ? Prisma.sql`LEFT JOIN users m ON m.id = a.relationship_manager_id` : Prisma.empty}
      WHERE ${whereClause(actor, query)}
      ORDER BY ${orderBy(query, Prisma.empty)}
      LIMIT ${query.size} OFFSET ${offset}
    ), page AS (
      SELECT c.*, m.name AS manager_name, row_number() OVER (ORDER BY ${orderBy(query, Prisma.raw("c."))}) AS position,
        (SELECT count(*) FROM accounts a WHERE ${whereClause(actor, query)}) AS total
      FROM cut c LEFT JOIN users m ON m.id = c.relationship_manager_id
    )
    SELECT p.id, p.name, p.description, p.meeting_cadence_days AS "meetingCadenceDays",
      s.id AS "sponsorId", s.name AS "sponsorName", s.title AS "sponsorTitle",
      p.criticality::text AS criticality, p.health_stage::text AS "healthStage", p.health_score AS "healthScore",
      p.health_since AS "healthSince", p.health_computed_at AS "healthComputedAt", p.health_trend::text AS "healthTrend", p.health_risk AS "healthRisk",
      p.relationship_manager_id AS "relationshipManagerId", p.manager_name AS "managerName",
      o.id AS "overrideId", o.stage::text AS "overrideStage", o.reason AS "overrideReason", o.expires_at AS "overrideExpiresAt", ob.name AS "overrideByName",
      ${lastMetAtSql(Prisma.sql`p.id`, now)} AS "lastMetAt", lr.overall AS "lastRatingOverall", lr.created_at AS "lastRatingAt",
      ${itOverdueSql(Prisma.sql`p.id`, now)} AS "itOverdue", rc.answered, rc.invited,
      p.total::int AS total
    FROM page p
    LEFT JOIN contacts s ON s.id = p.sponsor_contact_id
    LEFT JOIN LATERAL (
      SELECT id, stage, reason, expires_at, created_by_id FROM stage_overrides
      WHERE account_id = p.id AND ended_at IS NULL AND expires_at > ${now}
      ORDER BY created_at DESC LIMIT 1
    ) o ON true
    LEFT JOIN users ob ON ob.id = o.created_by_id
    LEFT JOIN LATERAL ${lastRatingSql(Prisma.sql`p.id`, now)} lr ON true
    CROSS JOIN LATERAL ${responseCountsSql(Prisma.sql`p.id`)} rc
    ORDER BY p.position`;
  // Past the last page there is no row to carry the count.
  const total = rows.length > 0 ? Number(rows[0]!.total) : query.page > 1 ? await countPortfolio(actor, query) : 0;
  // The action plans' overdue items (lib/data/actions.ts), for the page's rows: one grouped statement.
  const actionsOverdue = await overdueActionCounts(actor, rows.map((row) => row.id), now);
  return { rows: rows.map((row) => toRow(actor, row, actionsOverdue)), total, query };
}

async function countPortfolio(actor: Actor, query: PortfolioQuery): Promise<number> {
  const [row] = await db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM accounts a WHERE ${whereClause(actor, query)}`;
  return Number(row?.total ?? 0);
}

/** The rows of one page (the first, weakest first, by default), for callers that need no count. */
export async function listPortfolio(actor: Actor, now: Date = new Date(), query: PortfolioQuery = defaultPortfolioQuery) {
  return (await getPortfolioPage(actor, query, now)).rows;
}

export interface PortfolioCounts {
  byStage: Record<Stage, number>;
  /** Units nobody is accountable for (article 004: one person accountable): the portfolio flags them. */
  unassigned: number;
  total: number;
}

/** Units per stage and unassigned units, from one GROUP BY; cached per request (two widgets read it). */
export const getPortfolioCounts = cache(async (actor: Actor): Promise<PortfolioCounts> => {
  assertSeesPortfolio(actor);
  const rows = await db().$queryRaw<{ stage: Stage; units: number; unassigned: number }[]>`
    SELECT health_stage::text AS stage, count(*)::int AS units, count(*) FILTER (WHERE relationship_manager_id IS NULL)::int AS unassigned
    FROM accounts WHERE archived_at IS NULL GROUP BY health_stage`;
  const byStage: Record<Stage, number> = { HEALTHY: 0, SNIFFLES: 0, FLU: 0, PNEUMONIA: 0, DEATH_AND_REINCARNATION: 0, INSUFFICIENT_DATA: 0 };
  let unassigned = 0;
  for (const row of rows) {
    byStage[row.stage] = Number(row.units);
    unassigned += Number(row.unassigned);
  }
  return { byStage, unassigned, total: Object.values(byStage).reduce((sum, n) => sum + n, 0) };
});

/** The people who manage at least one unit, for the owner filter. */
export async function listPortfolioManagers(actor: Actor): Promise<{ id: string; name: string }[]> {
  assertSeesPortfolio(actor);
  // A skip scan of accounts' manager index, one probe per manager, not a DISTINCT over every unit.
  return db().$queryRaw`
    WITH RECURSIVE managers AS (
      SELECT min(relationship_manager_id) AS id FROM accounts WHERE archived_at IS NULL
      UNION ALL
      SELECT (SELECT min(a.relationship_manager_id) FROM accounts a WHERE a.archived_at IS NULL AND a.relationship_manager_id > managers.id)
      FROM managers WHERE managers.id IS NOT NULL
    )
    SELECT u.id, u.name FROM managers JOIN users u ON u.id = managers.id ORDER BY u.name`;
}

/**
 * The portfolio's score month by month: in each month, every unarchived account's latest
 * diagnosis so far, averaged, so accounts that were quiet that month still count; a month whose
 * latest row has no score (not enough data) leaves the account out.
 */
export async function getPortfolioScoreTrend(actor: Actor, months = 12, now = new Date()) {
  assertSeesPortfolio(actor);
  return (await getPortfolioMonths(months, now))
    .filter((month) => month.scored > 0)
    .map(({ month, scoreSum, scored }) => ({ month, average: Math.round(scoreSum / scored), accounts: scored }));
}
