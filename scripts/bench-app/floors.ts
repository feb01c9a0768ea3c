// The floors of the page measurements: hand-written SQL, sent with bare `pg`, that fetches the data
// the page shows (no ORM, no rendering, no HTTP). What a page shows is read from its components
// (app/(app)/dashboard, app/(app)/accounts/[id]); when a page changes what it shows, its floor here
// must follow. Each floor also reads the signed-in user, as every page does.
import type pg from "pg";

type Query = (client: pg.ClientBase) => Promise<unknown>;

const user = (userId: string): Query => (c) => c.query(`SELECT id, role, account_id, name, email, deactivated_at, password_changed_at FROM users WHERE id = $1`, [userId]);

/**
 * The dashboard: the portfolio's rows (sponsor, manager, active override) weakest first — all of
 * them (`pageSize` 0, the page before issue 9's pagination), or one page of `pageSize` with the
 * total — the stage and unassigned counts, the managers for the owner filter (paged only), the
 * archived units, and the portfolio's average score over the last 12 months from the monthly
 * rollups (account_health_months, each account's last month carried forward).
 */
export function dashboardFloor(userId: string, now: Date, pageSize = 0): Query[] {
  const rows = `SELECT a.id, a.name, a.description, a.meeting_cadence_days, s.id, s.name, s.title, a.criticality, a.health_stage, a.health_score,
           a.health_since, a.health_computed_at, a.health_trend, a.health_risk, a.relationship_manager_id, m.name,
           o.id, o.stage, o.reason, o.expires_at, ob.name${pageSize > 0 ? ", count(*) OVER () AS total" : ""}
         FROM accounts a
         LEFT JOIN contacts s ON s.id = a.sponsor_contact_id
         LEFT JOIN users m ON m.id = a.relationship_manager_id
         LEFT JOIN LATERAL (SELECT id, stage, reason, expires_at, created_by_id FROM stage_overrides
           WHERE account_id = a.id AND ended_at IS NULL AND expires_at > $1 ORDER BY created_at DESC LIMIT 1) o ON true
         LEFT JOIN users ob ON ob.id = o.created_by_id
         WHERE a.archived_at IS NULL
         ORDER BY a.health_score ASC NULLS LAST, a.name ASC${pageSize > 0 ? ` LIMIT ${pageSize}` : ""}`;
  const paged: Query[] = [
    (c) => c.query(`SELECT health_stage, count(*), count(*) FILTER (WHERE relationship_manager_id IS NULL) FROM accounts WHERE archived_at IS NULL GROUP BY health_stage`),
    (c) => c.query(`SELECT DISTINCT u.id, u.name FROM users u JOIN accounts a ON a.relationship_manager_id = u.id WHERE a.archived_at IS NULL ORDER BY u.name`),
  ];
  return [
    user(userId),
    (c) => c.query(rows, [now]),
    ...(pageSize > 0 ? paged : []),
    (c) => c.query(`SELECT id, name, archived_at FROM accounts WHERE archived_at IS NOT NULL ORDER BY archived_at DESC`),
    (c) =>
      c.query(
        `SELECT m.month, round(avg(h.score))::int, count(*)::int
         FROM generate_series(date_trunc('month', $1::timestamp) - interval '11 months', date_trunc('month', $1::timestamp), interval '1 month') AS m(month)
         CROSS JOIN LATERAL (
           SELECT DISTINCT ON (r.account_id) r.score FROM account_health_months r JOIN accounts a ON a.id = r.account_id AND a.archived_at IS NULL
           WHERE r.month <= m.month ORDER BY r.account_id, r.month DESC
         ) h
         WHERE h.score IS NOT NULL GROUP BY m.month ORDER BY m.month`,
        [now],
      ),
  ];
}

/**
 * An account's page as IT sees it: the summary (sponsor, manager, health), its overrides, the
 * current diagnosis with the last different one, the year's score history, the latest 200 ratings
 * with their givers, campaign response counts, goal reviews due, the newest timeline page (21
 * interactions with attendees, quotes and follow-ups) and the open follow-ups.
 */
export function accountFloor(userId: string, accountId: string, now: Date): Query[] {
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
  return [
    user(userId),
    (c) =>
      c.query(
        `SELECT a.*, s.name, s.title, m.id, m.name, m.email FROM accounts a LEFT JOIN contacts s ON s.id = a.sponsor_contact_id
         LEFT JOIN users m ON m.id = a.relationship_manager_id WHERE a.id = $1`,
        [accountId],
      ),
    (c) => c.query(`SELECT o.*, u.name FROM stage_overrides o LEFT JOIN users u ON u.id = o.created_by_id WHERE o.account_id = $1 ORDER BY o.created_at DESC`, [accountId]),
    (c) =>
      c.query(
        `(SELECT id, computed_at, evidence, config_version FROM health_snapshots WHERE account_id = $1 ORDER BY computed_at DESC, id DESC LIMIT 1)
         UNION ALL
         (SELECT s.id, s.computed_at, s.evidence, s.config_version FROM health_snapshots s
          WHERE s.account_id = $1 AND ROW(s.stage, s.score) IS DISTINCT FROM (SELECT ROW(stage, score) FROM health_snapshots WHERE account_id = $1 ORDER BY computed_at DESC LIMIT 1)
          ORDER BY s.computed_at DESC LIMIT 1)`,
        [accountId],
      ),
    (c) =>
      c.query(`SELECT computed_at, stage, score FROM health_snapshots WHERE account_id = $1 AND computed_at > $2 AND computed_at <= $3 ORDER BY computed_at`, [
        accountId,
        yearAgo,
        now,
      ]),
    (c) =>
      c.query(
        `SELECT r.id, r.overall, r.recommend, r.responsiveness, r.delivery, r.communication, r.business_understanding, r.trust, r.comment, r.created_at, r.source,
           u.id, u.name, ct.name, cp.anonymous
         FROM ratings r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN contacts ct ON ct.id = r.contact_id LEFT JOIN campaigns cp ON cp.id = r.campaign_id
         WHERE r.account_id = $1 AND r.withdrawn_at IS NULL ORDER BY r.created_at DESC LIMIT 200`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT c.id, c.name, c.status, c.opens_at, c.closes_at, c.anonymous,
           count(i.*) FILTER (WHERE i.skipped_reason IS NULL AND (i.answered_at IS NOT NULL OR (i.sent_at IS NOT NULL AND i.revoked_at IS NULL))),
           count(i.*) FILTER (WHERE i.skipped_reason IS NULL AND i.answered_at IS NOT NULL), count(i.*) FILTER (WHERE i.skipped_reason IS NOT NULL)
         FROM campaign_accounts ca JOIN campaigns c ON c.id = ca.campaign_id AND c.status <> 'SCHEDULED'
         LEFT JOIN rating_invitations i ON i.campaign_id = c.id AND i.account_id = ca.account_id
         WHERE ca.account_id = $1 GROUP BY c.id ORDER BY c.opens_at`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT g.id, g.title, g.agreed_at, g.review_every_days, (SELECT max(reviewed_at) FROM goal_reviews r WHERE r.goal_id = g.id AND r.deleted_at IS NULL)
         FROM goals g WHERE g.account_id = $1 AND g.deleted_at IS NULL AND g.closed_at IS NULL`,
        [accountId],
      ),
    (c) =>
      c.query(
        `WITH page AS (
           SELECT i.id, i.type, i.occurred_at, i.summary, i.outcome, i.cancelled_by, i.notes, i.sentiment, i.it_on_time, i.it_prepared, u.name AS logged_by
           FROM interactions i JOIN users u ON u.id = i.logged_by_id
           WHERE i.account_id = $1 AND i.deleted_at IS NULL ORDER BY i.occurred_at DESC, i.id DESC LIMIT 21)
         SELECT p.*,
           (SELECT json_agg(json_build_object('side', a.side, 'contact', ct.name, 'user', au.name)) FROM interaction_attendees a
              LEFT JOIN contacts ct ON ct.id = a.contact_id LEFT JOIN users au ON au.id = a.user_id WHERE a.interaction_id = p.id),
           (SELECT json_agg(json_build_object('id', q.id, 'side', q.side, 'text', q.text) ORDER BY q.created_at, q.id) FROM quotes q WHERE q.interaction_id = p.id AND q.deleted_at IS NULL),
           (SELECT json_agg(json_build_object('id', f.id, 'description', f.description, 'owedBy', f.owed_by, 'dueDate', f.due_date, 'doneAt', f.done_at) ORDER BY f.due_date, f.id)
              FROM follow_ups f WHERE f.interaction_id = p.id AND f.deleted_at IS NULL)
         FROM page p ORDER BY p.occurred_at DESC, p.id DESC`,
        [accountId],
      ),
    (c) =>
      c.query(`SELECT id, description, owed_by, due_date, interaction_id FROM follow_ups WHERE account_id = $1 AND done_at IS NULL AND deleted_at IS NULL ORDER BY due_date, id`, [
        accountId,
      ]),
  ];
}

/** Runs a floor's statements one after another on one connection (the page may run some at once). */
export async function runFloor(client: pg.ClientBase, queries: Query[]): Promise<number> {
  let rows = 0;
  for (const query of queries) {
    const result = (await query(client)) as pg.QueryResult;
    rows += result.rowCount ?? 0;
  }
  return rows;
}
