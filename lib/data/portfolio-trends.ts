import "server-only";
import { Stage } from "../generated/prisma/enums";
import { db } from "../db/client";
import { type Actor, accountAccess, canOpenAccount } from "./permissions";
import { assertSeesPortfolio, fullAccessSql } from "./portfolio";
import { getPortfolioMonths } from "./portfolio-months";

// The portfolio over time and against its service levels: a stage-by-month heatmap from the
// monthly rollups, and the "watermelon" view (article 004: "99.99% system availability … still
// perceived as incompetent"): service levels met against the client's rating, per unit.

const STAGES = Object.values(Stage);

export interface StageMonth {
  month: Date;
  /** Units in each stage that month (their latest diagnosis so far). */
  byStage: Record<Stage, number>;
}

/**
 * Units per stage in each of the last `months` months, carried forward like the score trend
 * (lib/data/portfolio-months.ts): ended months from their kept rollup. Stages are a portfolio
 * row's own facts, so every IT role sees every unit counted.
 */
export async function getStageHeatmap(actor: Actor, months = 12, now = new Date()): Promise<StageMonth[]> {
  assertSeesPortfolio(actor);
  return (await getPortfolioMonths(months, now))
    .filter(({ byStage }) => Object.keys(byStage).length > 0)
    .map(({ month, byStage }) => ({ month, byStage: Object.fromEntries(STAGES.map((stage) => [stage, byStage[stage] ?? 0])) as Record<Stage, number> }));
}

/** How far back service levels and ratings count: two quarterly rating rounds, six monthly SLA periods. */
export const WATERMELON_DAYS = 180;
/** Green outside: at least this share of the unit's SLA periods met their target. */
export const SLA_GREEN = 0.9;
/** Red inside: the clients' average overall rating (1–5) at most this. */
export const RATING_RED = 2.5;

export interface WatermelonPoint {
  id: string;
  name: string;
  canOpen: boolean;
  /** Share of the window's SLA periods that met their target (0–1). */
  slaMet: number;
  slaPeriods: number;
  /** Average overall rating (1–5) in the window. */
  rating: number;
  ratings: number;
  /** Green on service levels, red on the client's perception. */
  watermelon: boolean;
}

/**
 * Every unit the viewer sees in full (ratings and service levels are an account's own records,
 * decision 002: a manager sees their own units here, leadership all) with both SLA periods ending
 * and ratings given in the last WATERMELON_DAYS: two aggregates over those windows' index ranges,
 * joined per account. Watermelons first, then by rating.
 */
export async function getWatermelon(actor: Actor, now = new Date()): Promise<WatermelonPoint[]> {
  assertSeesPortfolio(actor);
  const from = new Date(now.getTime() - WATERMELON_DAYS * 86_400_000);
  const rows = await db().$queryRaw<{ id: string; name: string; relationshipManagerId: string | null; slaMet: number; slaPeriods: number; rating: number; ratings: number }[]>`
    WITH sla AS (
      SELECT account_id, avg((attained_percent >= target_percent)::int)::float8 AS met, count(*)::int AS periods
      FROM sla_periods WHERE deleted_at IS NULL AND period_end >= ${from}::date AND period_end <= ${now}::date
      GROUP BY account_id
    ), rated AS (
      SELECT account_id, avg(overall)::float8 AS rating, count(*)::int AS ratings
      FROM ratings WHERE withdrawn_at IS NULL AND created_at >= ${from} AND created_at <= ${now}
      GROUP BY account_id
    )
    SELECT a.id, a.name, a.relationship_manager_id AS "relationshipManagerId", sla.met AS "slaMet", sla.periods AS "slaPeriods", rated.rating, rated.ratings
    FROM accounts a JOIN sla ON sla.account_id = a.id JOIN rated ON rated.account_id = a.id
    WHERE a.archived_at IS NULL AND ${fullAccessSql(actor)}
    ORDER BY (sla.met >= ${SLA_GREEN} AND rated.rating <= ${RATING_RED}) DESC, rated.rating ASC, a.name ASC`;
  return rows.map((row) => {
    const slaMet = Number(row.slaMet);
    const rating = Number(row.rating);
    return {
      id: row.id,
      name: row.name,
      canOpen: canOpenAccount(accountAccess(actor, { id: row.id, relationshipManagerId: row.relationshipManagerId })),
      slaMet,
      slaPeriods: Number(row.slaPeriods),
      rating,
      ratings: Number(row.ratings),
      watermelon: slaMet >= SLA_GREEN && rating <= RATING_RED,
    };
  });
}
