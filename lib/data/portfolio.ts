import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Criticality, HealthTrend, Stage } from "../generated/prisma/enums";
import { ForbiddenError } from "./errors";
import { type Actor, accountAccess, canOpenAccount, seesPortfolio } from "./permissions";

function assertSeesPortfolio(actor: Actor) {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The portfolio is for IT staff.");
}

interface PortfolioSqlRow {
  id: string;
  name: string;
  description: string;
  meetingCadenceDays: number | null;
  archivedAt: Date | null;
  sponsorId: string | null;
  sponsorName: string | null;
  sponsorTitle: string | null;
  criticality: Criticality;
  healthStage: Stage;
  healthScore: number | null;
  healthSince: Date | null;
  healthComputedAt: Date | null;
  healthTrend: HealthTrend;
  healthRisk: number | null;
  relationshipManagerId: string | null;
  managerName: string | null;
  overrideId: string | null;
  overrideStage: Stage | null;
  overrideReason: string | null;
  overrideExpiresAt: Date | null;
  overrideByName: string | null;
}

const asDate = (value: Date | string | null) => (value === null ? null : new Date(value));

/**
 * Every business unit's current health, weakest first (archived units have left the portfolio),
 * with the human override in force beside the computed stage; `canOpen` marks links the actor may
 * follow. An override's reason is for those who may read the account (another RM sees only that
 * there is one). One query, the active override joined in (active = not ended, expiry still ahead
 * at `now`). Cached per request: the dashboard's table and stage chart share it.
 */
export const listPortfolio = cache(async (actor: Actor, now: Date = new Date()) => {
  assertSeesPortfolio(actor);
  const rows = await db().$queryRaw<PortfolioSqlRow[]>`
    SELECT a.id, a.name, a.description, a.meeting_cadence_days AS "meetingCadenceDays", a.archived_at AS "archivedAt",
      s.id AS "sponsorId", s.name AS "sponsorName", s.title AS "sponsorTitle",
      a.criticality::text AS criticality, a.health_stage::text AS "healthStage", a.health_score AS "healthScore",
      a.health_since AS "healthSince", a.health_computed_at AS "healthComputedAt", a.health_trend::text AS "healthTrend", a.health_risk AS "healthRisk",
      a.relationship_manager_id AS "relationshipManagerId", m.name AS "managerName",
      o.id AS "overrideId", o.stage::text AS "overrideStage", o.reason AS "overrideReason", o.expires_at AS "overrideExpiresAt", ob.name AS "overrideByName"
    FROM accounts a
    LEFT JOIN contacts s ON s.id = a.sponsor_contact_id
    LEFT JOIN users m ON m.id = a.relationship_manager_id
    LEFT JOIN LATERAL (
      SELECT id, stage, reason, expires_at, created_by_id FROM stage_overrides
      WHERE account_id = a.id AND ended_at IS NULL AND expires_at > ${now}
      ORDER BY created_at DESC LIMIT 1
    ) o ON true
    LEFT JOIN users ob ON ob.id = o.created_by_id
    WHERE a.archived_at IS NULL
    ORDER BY a.health_score ASC NULLS LAST, a.name ASC`;
  return rows.map((row) => {
    const canOpen = canOpenAccount(accountAccess(actor, { id: row.id, relationshipManagerId: row.relationshipManagerId }));
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      meetingCadenceDays: row.meetingCadenceDays === null ? null : Number(row.meetingCadenceDays),
      archivedAt: asDate(row.archivedAt),
      sponsor: row.sponsorId ? { id: row.sponsorId, name: row.sponsorName!, title: row.sponsorTitle } : null,
      criticality: row.criticality,
      healthStage: row.healthStage,
      healthScore: row.healthScore === null ? null : Number(row.healthScore),
      healthSince: asDate(row.healthSince),
      healthComputedAt: asDate(row.healthComputedAt),
      healthTrend: row.healthTrend,
      healthRisk: row.healthRisk === null ? null : Number(row.healthRisk),
      relationshipManager: row.managerName === null ? null : { name: row.managerName },
      mine: row.relationshipManagerId === actor.id,
      canOpen,
      override:
        row.overrideId === null
          ? null
          : { id: row.overrideId, stage: row.overrideStage!, expiresAt: asDate(row.overrideExpiresAt)!, byName: row.overrideByName, reason: canOpen ? row.overrideReason : null },
    };
  });
});

export type PortfolioRow = Awaited<ReturnType<typeof listPortfolio>>[number];

/** Units nobody is accountable for (article 004: one person accountable): the portfolio flags them. */
export const countUnassigned = (rows: Pick<PortfolioRow, "relationshipManager">[]) => rows.filter((row) => row.relationshipManager === null).length;

export function countByStage(rows: Pick<PortfolioRow, "healthStage">[]): Record<Stage, number> {
  const counts: Record<Stage, number> = {
    HEALTHY: 0,
    SNIFFLES: 0,
    FLU: 0,
    PNEUMONIA: 0,
    DEATH_AND_REINCARNATION: 0,
    INSUFFICIENT_DATA: 0,
  };
  for (const row of rows) counts[row.healthStage] += 1;
  return counts;
}

/**
 * The portfolio's score month by month: at each month's end (or now, for this month), every
 * unarchived account's latest diagnosis, averaged, so accounts that were quiet that month still count.
 * One index probe per account and month, aggregated in SQL.
 */
export async function getPortfolioScoreTrend(actor: Actor, months = 12, now = new Date()) {
  assertSeesPortfolio(actor);
  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  const rows = await db().$queryRaw<{ month: Date; average: number; accounts: number }[]>`
    SELECT m.month, round(avg(latest.score))::int AS average, count(*)::int AS accounts
    FROM generate_series(${firstMonth}::timestamp, ${now}::timestamp, interval '1 month') AS m(month)
    CROSS JOIN accounts a
    CROSS JOIN LATERAL (
      SELECT score FROM health_snapshots s
      WHERE s.account_id = a.id AND s.computed_at < least(m.month + interval '1 month', ${now}::timestamp)
      ORDER BY s.computed_at DESC
      LIMIT 1
    ) AS latest
    WHERE latest.score IS NOT NULL AND a.archived_at IS NULL
    GROUP BY m.month
    ORDER BY m.month`;
  return rows.map((row) => ({ month: new Date(row.month), average: Number(row.average), accounts: Number(row.accounts) }));
}
