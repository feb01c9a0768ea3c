import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Stage } from "../generated/prisma/enums";
import { ForbiddenError } from "./errors";
import { type Actor, accountAccess, canOpenAccount, seesPortfolio } from "./permissions";
import { accountSummarySelect } from "./selects";

function assertSeesPortfolio(actor: Actor) {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The portfolio is for IT staff.");
}

/**
 * Every business unit's current health, weakest first (archived units have left the portfolio);
 * `canOpen` marks links the actor may follow. Cached per request: the dashboard's table and stage
 * chart share one query.
 */
export const listPortfolio = cache(async (actor: Actor) => {
  assertSeesPortfolio(actor);
  const accounts = await db().account.findMany({
    where: { archivedAt: null },
    orderBy: [{ healthScore: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    select: {
      ...accountSummarySelect,
      healthTrend: true,
      healthRisk: true,
      relationshipManagerId: true,
      relationshipManager: { select: { name: true } },
    },
  });
  return accounts.map(({ relationshipManagerId, ...account }) => ({
    ...account,
    mine: relationshipManagerId === actor.id,
    canOpen: canOpenAccount(accountAccess(actor, { id: account.id, relationshipManagerId })),
  }));
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
