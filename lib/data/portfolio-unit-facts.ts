import { Prisma } from "../generated/prisma/client";

// The per-unit facts the portfolio shows beside each stage (issue 10: last meeting, last rating,
// IT's overdue commitments, response rate), as SQL over one account id. The same fragment serves a
// page's 25 rows (evaluated once per row shown) and, only when a column is the sort, the sort key
// over the filtered accounts; the managers' workload counts overdue commitments by the same rule.

/** Midnight UTC of `now`: due dates are calendar days, overdue once the day has passed (as lib/data/follow-ups.ts). */
export const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * When IT and the unit last talked: the latest held conversation (meeting, call, workshop or
 * review: the kinds that count for the agreed cadence in lib/scoring/rules/interactions.ts).
 */
export const lastMetAtSql = (accountId: Prisma.Sql, now: Date) => Prisma.sql`(
  SELECT max(i.occurred_at) FROM interactions i
  WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL AND i.outcome = 'HELD'
    AND i.type IN ('MEETING', 'CALL', 'WORKSHOP', 'REVIEW') AND i.occurred_at <= ${now})`;

/** The unit's latest rating still standing (not withdrawn): its overall score (1–5) and day. */
export const lastRatingSql = (accountId: Prisma.Sql, now: Date) => Prisma.sql`(
  SELECT r.overall, r.created_at FROM ratings r
  WHERE r.account_id = ${accountId} AND r.withdrawn_at IS NULL AND r.created_at <= ${now}
  ORDER BY r.created_at DESC, r.id DESC LIMIT 1)`;

/** A follow-up `f` IT owes that is still open past its due day. */
export const itOverdueCondition = (now: Date) =>
  Prisma.sql`f.owed_by = 'IT' AND f.done_at IS NULL AND f.deleted_at IS NULL AND f.due_date < ${startOfDay(now)}::date`;

/** How many follow-ups IT owes the unit are overdue. */
export const itOverdueSql = (accountId: Prisma.Sql, now: Date) =>
  Prisma.sql`(SELECT count(*)::int FROM follow_ups f WHERE f.account_id = ${accountId} AND ${itOverdueCondition(now)})`;

/**
 * The unit's response rate over every campaign round that asked it, counted as the account page
 * counts it (lib/data/response-rates.ts): skipped contacts are no request, an answered link counts
 * even if revoked later, an unanswered one only if it was sent and not revoked; scheduled campaigns
 * have asked nobody yet. tests/integration/portfolio-columns.test.ts holds the two to the same figures.
 */
export const responseCountsSql = (accountId: Prisma.Sql) => Prisma.sql`(
  SELECT count(*) FILTER (WHERE i.answered_at IS NOT NULL)::int AS answered, count(*)::int AS invited
  FROM rating_invitations i
  JOIN campaign_accounts ca ON ca.campaign_id = i.campaign_id AND ca.account_id = i.account_id
  JOIN campaigns c ON c.id = i.campaign_id AND c.status <> 'SCHEDULED'
  WHERE i.account_id = ${accountId} AND i.skipped_reason IS NULL
    AND (i.answered_at IS NOT NULL OR (i.sent_at IS NOT NULL AND i.revoked_at IS NULL)))`;
