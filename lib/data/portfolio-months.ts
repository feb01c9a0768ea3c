import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Stage } from "../generated/prisma/enums";

// The whole portfolio month by month, for the dashboard's score trend and the stage heatmap
// (decision 035). Months that have ended are read from portfolio_health_months, filled on first
// read and emptied by triggers when their source rows change; only the running month is worked
// out from every account's rollups on each request, so the cost no longer grows with the window.

export interface PortfolioMonth {
  month: Date;
  /** Units per stage that month (their latest diagnosis so far); stages without units left out. */
  byStage: Partial<Record<Stage, number>>;
  /** Sum and count of those units' scores (a unit without a score is left out of both). */
  scoreSum: number;
  scored: number;
}

/** A month is kept once it ended an hour ago: no diagnosis made in it is still being written. */
const SETTLE_MS = 3_600_000;

const monthStart = (at: Date, offset = 0) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));

/** The first days of the `months` months up to `now`'s (UTC). */
export function monthWindow(months: number, now: Date) {
  return { firstMonth: monthStart(now, 1 - months), lastMonth: monthStart(now) };
}

/**
 * For each month from `firstMonth` to `lastMonth` and each unarchived account, its latest diagnosis
 * so far (stage, score), as rows `(month, account_id, stage, score)`, with the months as `months`.
 * Reads the monthly rollups (a row per account and month with a diagnosis), carrying each account's
 * last row forward over months without one; the row before the window seeds it; rows computed
 * after `now` do not count yet. Run with JIT off: the month series is estimated at 1,000 rows,
 * which crosses jit_above_cost and costs 100+ ms.
 */
function accountMonthsSql(firstMonth: Date, lastMonth: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    WITH months AS (SELECT generate_series(${firstMonth}::date, ${lastMonth}::date, interval '1 month')::date AS month),
    known AS (
      SELECT r.account_id, r.month, r.stage, r.score,
        lead(r.month) OVER (PARTITION BY r.account_id COLLATE "C" ORDER BY r.month) AS next_month
      FROM (
        SELECT h.account_id, h.month, h.stage, h.score FROM account_health_months h
        WHERE h.month >= ${firstMonth}::date AND h.month <= ${lastMonth}::date AND h.computed_at <= ${now}
        UNION ALL
        SELECT a.id, before.month, before.stage, before.score FROM accounts a
        CROSS JOIN LATERAL (
          SELECT h.month, h.stage, h.score FROM account_health_months h
          WHERE h.account_id = a.id AND h.month < ${firstMonth}::date
          ORDER BY h.month DESC LIMIT 1
        ) before
        WHERE a.archived_at IS NULL
      ) r
    ),
    account_months AS (
      SELECT m.month, k.account_id, k.stage, k.score
      FROM months m
      JOIN known k ON k.month <= m.month AND (k.next_month IS NULL OR k.next_month > m.month)
      JOIN accounts a ON a.id = k.account_id AND a.archived_at IS NULL
    )`;
}

/** Every month of the range with its aggregate, empty months too (so an empty month is kept as such). */
function monthTotalsSql(firstMonth: Date, lastMonth: Date, now: Date): Prisma.Sql {
  return Prisma.sql`
    ${accountMonthsSql(firstMonth, lastMonth, now)},
    totals AS (
      SELECT m.month,
        coalesce(jsonb_object_agg(s.stage, s.units) FILTER (WHERE s.stage IS NOT NULL), '{}'::jsonb) AS by_stage,
        coalesce(sum(s.score_sum), 0)::bigint AS score_sum, coalesce(sum(s.scored), 0)::int AS scored
      FROM months m
      LEFT JOIN (
        SELECT month, stage::text AS stage, count(*)::int AS units, sum(score) AS score_sum, count(score)::int AS scored
        FROM account_months GROUP BY month, stage
      ) s ON s.month = m.month
      GROUP BY m.month
    )`;
}

interface MonthRow {
  month: Date | string;
  by_stage: Partial<Record<Stage, number>>;
  score_sum: bigint | number;
  scored: number;
}

const toMonth = (row: MonthRow): PortfolioMonth => ({ month: new Date(row.month), byStage: row.by_stage, scoreSum: Number(row.score_sum), scored: Number(row.scored) });

/**
 * The portfolio's last `months` months up to `now`'s. Ended months (before `now`'s month, and an
 * hour past) come from the kept rows; any not kept yet are worked out once and kept, under the
 * lock the triggers take (see the migration 20261203091514_portfolio_health_months); the later
 * months are worked out on each call.
 */
export async function getPortfolioMonths(months: number, now: Date, clock = new Date()): Promise<PortfolioMonth[]> {
  const { firstMonth, lastMonth } = monthWindow(months, now);
  const settledEnd = new Date(Math.min(monthStart(now).getTime(), monthStart(new Date(clock.getTime() - SETTLE_MS)).getTime()));
  const kept = settledEnd > firstMonth ? await keptMonths(firstMonth, monthStart(settledEnd, -1), now) : [];
  const live = settledEnd <= lastMonth ? await withoutJit<MonthRow>(Prisma.sql`${monthTotalsSql(new Date(Math.max(settledEnd.getTime(), firstMonth.getTime())), lastMonth, now)} SELECT * FROM totals`) : [];
  return [...kept, ...live.map(toMonth)].sort((a, b) => a.month.getTime() - b.month.getTime());
}

/** The ended months from `firstMonth` to `lastMonth`: the kept rows, the missing ones worked out from the first missing on and kept. */
async function keptMonths(firstMonth: Date, lastMonth: Date, now: Date): Promise<PortfolioMonth[]> {
  const rows = await db().$queryRaw<MonthRow[]>`
    SELECT month, by_stage, score_sum, scored FROM portfolio_health_months WHERE month >= ${firstMonth}::date AND month <= ${lastMonth}::date`;
  const have = new Set(rows.map((row) => new Date(row.month).getTime()));
  let firstMissing: Date | null = null;
  for (let month = firstMonth; month <= lastMonth; month = monthStart(month, 1)) {
    if (!have.has(month.getTime())) {
      firstMissing = month;
      break;
    }
  }
  if (!firstMissing) return rows.map(toMonth);
  const from = firstMissing;
  const filled = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SET LOCAL jit = off`;
    // Shared: readers fill side by side; a trigger emptying the months waits for them (and they for it).
    await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(hashtext('portfolio_health_months'))`;
    return tx.$queryRaw<MonthRow[]>`
      ${monthTotalsSql(from, lastMonth, now)},
      kept AS (
        INSERT INTO portfolio_health_months (month, by_stage, score_sum, scored) SELECT month, by_stage, score_sum, scored FROM totals
        ON CONFLICT (month) DO NOTHING
      )
      SELECT * FROM totals`;
  });
  return [...rows.filter((row) => new Date(row.month) < from), ...filled].map(toMonth);
}

/** A read with JIT off (see accountMonthsSql). */
async function withoutJit<T>(query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db().$transaction([db().$executeRaw`SET LOCAL jit = off`, db().$queryRaw<T[]>(query)]);
  return rows;
}
