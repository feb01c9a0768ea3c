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
 * Every account's current health, weakest first; `canOpen` marks links the actor may follow.
 * Cached per request: the dashboard's table and stage chart share one query.
 */
export const listPortfolio = cache(async (actor: Actor) => {
  assertSeesPortfolio(actor);
  const accounts = await db().account.findMany({
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
 * The portfolio's score month by month: each account's last diagnosis in the month, averaged.
 * Aggregated in SQL so the dashboard reads one row a month, not every snapshot.
 */
export async function getPortfolioScoreTrend(actor: Actor, months = 12, now = new Date()) {
  assertSeesPortfolio(actor);
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  const rows = await db().$queryRaw<{ month: Date; average: number; accounts: number }[]>`
    SELECT month, round(avg(score))::int AS average, count(*)::int AS accounts
    FROM (
      SELECT DISTINCT ON (account_id, date_trunc('month', computed_at))
        date_trunc('month', computed_at) AS month, score
      FROM health_snapshots
      WHERE computed_at >= ${since} AND score IS NOT NULL
      ORDER BY account_id, date_trunc('month', computed_at), computed_at DESC
    ) AS last_in_month
    GROUP BY month
    ORDER BY month`;
  return rows.map((row) => ({ month: new Date(row.month), average: Number(row.average), accounts: Number(row.accounts) }));
}
