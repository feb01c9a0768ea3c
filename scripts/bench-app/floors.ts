// The floors of the page measurements: hand-written SQL, sent with bare `pg`, that fetches the data
// the page shows (no ORM, no rendering, no HTTP). What a page shows is read from its components
// and data layer (app/(app)/dashboard/**, lib/data/portfolio*.ts; app/(app)/accounts/[id], its
// widgets and lib/data/*); when a page changes what it shows, its floor here must follow. Each
// floor also checks the signed-in session, as every page does. Checked against the app at
// commit … (docs/benchmarks.md says which run).
import type pg from "pg";
import { shownRecordIds } from "../../lib/data/evidence-shown";
import { expandSpans, type SpanKind, type SpanRecord } from "../../lib/health/source-spans";
import { type Diagnosis, parseStoredDiagnosis } from "../../lib/scoring";

export type Query = (client: pg.ClientBase) => Promise<unknown>;

const DAY = 86_400_000;
const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * Who is asking, as every page checks it (the live session and its user: lib/data/sessions.ts
 * findActor), with the header's unread notifications (components/notifications/notifications-link.tsx).
 */
const who = (sessionId: string, now: Date): Query => (c) =>
  c.query(
    `SELECT u.id, u.role, u.account_id, u.name, u.email, (SELECT count(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread
     FROM user_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = $1 AND s.ended_at IS NULL AND s.expires_at > $2 AND u.deactivated_at IS NULL`,
    [sessionId, now],
  );

/** The managers of unarchived units, for the owner filters of the portfolio's views. */
const managers: Query = (c) =>
  c.query(`WITH RECURSIVE managers AS (
      SELECT min(relationship_manager_id) AS id FROM accounts WHERE archived_at IS NULL
      UNION ALL
      SELECT (SELECT min(a.relationship_manager_id) FROM accounts a WHERE a.archived_at IS NULL AND a.relationship_manager_id > managers.id) FROM managers WHERE managers.id IS NOT NULL
    ) SELECT u.id, u.name FROM managers JOIN users u ON u.id = managers.id ORDER BY u.name`);

/**
 * The portfolio's last 12 months as the app keeps them (lib/data/portfolio-months.ts, decision
 * 035): the 11 ended months' rows of portfolio_health_months (the app's first request fills them),
 * and the running month from each unarchived account's latest monthly rollup (carried forward: the
 * row before the month seeds it), aggregated by `select` over `h` (score, stage).
 */
const overMonths = (now: Date, select: string, group: string): Query => async (c) => {
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  await c.query(`SELECT month, by_stage, score_sum, scored FROM portfolio_health_months WHERE month >= $1::date AND month < $2::date`, [
    new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)),
    month,
  ]);
  return c.query(
    `SELECT ${select} FROM accounts a
     CROSS JOIN LATERAL (SELECT x.stage, x.score FROM account_health_months x WHERE x.account_id = a.id AND x.month <= $2::date AND x.computed_at <= $1
       ORDER BY x.month DESC LIMIT 1) h
     WHERE a.archived_at IS NULL ${group}`,
    [now, month],
  );
};

/**
 * /dashboard: one page of the portfolio (weakest first, \`pageSize\` rows; 0 for the whole portfolio,
 * the page before issue 9's pagination) with the filtered total, each row's sponsor, manager,
 * active override and working facts (last conversation held, last rating standing, IT's overdue
 * follow-ups, response counts, overdue actions: lib/data/portfolio.ts, portfolio-unit-facts.ts);
 * the stage and unassigned counts; the managers for the owner filter; the archived units; the
 * portfolio's average score over the last 12 months (overMonths).
 */
export function dashboardFloor(sessionId: string, now: Date, pageSize = 25): Query[] {
  const today = startOfDay(now);
  const rows = `WITH cut AS (
      SELECT a.* FROM accounts a
      WHERE a.archived_at IS NULL ORDER BY a.health_score ASC NULLS LAST, a.name ASC${pageSize > 0 ? ` LIMIT ${pageSize}` : ""}
    ), page AS (
      SELECT c.*, m.name AS manager_name, (SELECT count(*) FROM accounts WHERE archived_at IS NULL) AS total
      FROM cut c LEFT JOIN users m ON m.id = c.relationship_manager_id
    )
    SELECT p.id, p.name, p.description, p.meeting_cadence_days, s.id, s.name, s.title, p.criticality, p.health_stage, p.health_score,
      p.health_since, p.health_computed_at, p.health_trend, p.health_risk, p.relationship_manager_id, p.manager_name, p.total,
      o.id, o.stage, o.reason, o.expires_at, ob.name,
      (SELECT max(i.occurred_at) FROM interactions i WHERE i.account_id = p.id AND i.deleted_at IS NULL AND i.outcome = 'HELD'
         AND i.type IN ('MEETING', 'CALL', 'WORKSHOP', 'REVIEW') AND i.occurred_at <= $1) AS last_met,
      lr.overall, lr.created_at,
      (SELECT count(*) FROM follow_ups f WHERE f.account_id = p.id AND f.owed_by = 'IT' AND f.done_at IS NULL AND f.deleted_at IS NULL AND f.due_date < $2::date) AS it_overdue,
      rc.answered, rc.invited,
      (SELECT count(*) FROM actions x WHERE x.account_id = p.id AND x.status = 'OPEN' AND x.due_date < $2::date) AS actions_overdue
    FROM page p
    LEFT JOIN contacts s ON s.id = p.sponsor_contact_id
    LEFT JOIN LATERAL (SELECT id, stage, reason, expires_at, created_by_id FROM stage_overrides
      WHERE account_id = p.id AND ended_at IS NULL AND expires_at > $1 ORDER BY created_at DESC LIMIT 1) o ON true
    LEFT JOIN users ob ON ob.id = o.created_by_id
    LEFT JOIN LATERAL (SELECT r.overall, r.created_at FROM ratings r WHERE r.account_id = p.id AND r.withdrawn_at IS NULL AND r.created_at <= $1
      ORDER BY r.created_at DESC, r.id DESC LIMIT 1) lr ON true
    CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE i.answered_at IS NOT NULL) AS answered, count(*) AS invited
      FROM rating_invitations i JOIN campaign_accounts ca ON ca.campaign_id = i.campaign_id AND ca.account_id = i.account_id
      JOIN campaigns c ON c.id = i.campaign_id AND c.status <> 'SCHEDULED'
      WHERE i.account_id = p.id AND i.skipped_reason IS NULL AND (i.answered_at IS NOT NULL OR (i.sent_at IS NOT NULL AND i.revoked_at IS NULL))) rc
    ORDER BY p.health_score ASC NULLS LAST, p.name ASC`;
  return [
    who(sessionId, now),
    (c) => c.query(rows, [now, today]),
    (c) => c.query(`SELECT health_stage, count(*), count(*) FILTER (WHERE relationship_manager_id IS NULL) FROM accounts WHERE archived_at IS NULL GROUP BY health_stage`),
    managers,
    (c) => c.query(`SELECT id, name, archived_at FROM accounts WHERE archived_at IS NOT NULL ORDER BY name`),
    overMonths(now, `sum(h.score), count(h.score)::int`, ``),
  ];
}

/**
 * /dashboard/changes (a week back, the default): the units whose stage or score moved since the
 * day's start, worst first, one page of 25 with the total; the moves stored with the page's
 * snapshots in the window (latest 5 each); the managers for the filter.
 */
export function changesFloor(sessionId: string, now: Date): Query[] {
  const since = new Date(startOfDay(now).getTime() - 7 * DAY);
  const rank = (stage: string) =>
    `CASE ${stage} WHEN 'HEALTHY' THEN 1 WHEN 'SNIFFLES' THEN 2 WHEN 'FLU' THEN 3 WHEN 'PNEUMONIA' THEN 4 WHEN 'DEATH_AND_REINCARNATION' THEN 5 ELSE 0 END`;
  return [
    who(sessionId, now),
    async (c) => {
      const page = await c.query<{ id: string }>(
        `SELECT a.id, a.name, a.criticality, a.relationship_manager_id, m.name, b.stage, b.score, n.stage, n.score, n.computed_at, count(*) OVER () AS total
         FROM accounts a LEFT JOIN users m ON m.id = a.relationship_manager_id
         CROSS JOIN LATERAL (SELECT s.stage, s.score, s.computed_at FROM health_snapshots s WHERE s.account_id = a.id AND s.computed_at <= $1
           ORDER BY s.computed_at DESC, s.id DESC LIMIT 1) n
         LEFT JOIN LATERAL (SELECT s.stage, s.score FROM health_snapshots s WHERE s.account_id = a.id AND s.computed_at < $2
           ORDER BY s.computed_at DESC, s.id DESC LIMIT 1) b ON true
         WHERE a.archived_at IS NULL AND n.computed_at >= $2 AND (b.stage IS NULL OR b.stage <> n.stage OR b.score IS DISTINCT FROM n.score)
         ORDER BY ${rank("n.stage::text")} - ${rank("b.stage::text")} DESC, coalesce(n.score, 0) - coalesce(b.score, 0) ASC, a.name ASC LIMIT 25`,
        [now, since],
      );
      return c.query(
        `SELECT account_id, computed_at, score, point FROM (
           SELECT s.account_id, s.computed_at, s.score, s.change -> 'point' AS point, row_number() OVER (PARTITION BY s.account_id ORDER BY s.computed_at DESC, s.id DESC) AS n
           FROM health_snapshots s WHERE s.account_id = ANY($1::text[]) AND s.computed_at >= $2 AND s.computed_at <= $3 AND jsonb_typeof(s.change -> 'point') = 'object') x
         WHERE n <= 5 ORDER BY account_id, computed_at DESC`,
        [page.rows.map((row) => row.id), since, now],
      );
    },
    managers,
  ];
}

/**
 * /dashboard/trends: units per stage in each of the last 12 months (overMonths), and the
 * watermelon view: per unit, the share of SLA periods met and the average rating over 180 days.
 */
export function trendsFloor(sessionId: string, now: Date): Query[] {
  const from = new Date(now.getTime() - 180 * DAY);
  return [
    who(sessionId, now),
    overMonths(now, `h.stage, count(*)::int`, `GROUP BY h.stage`),
    (c) =>
      c.query(
        `SELECT a.id, a.name, a.relationship_manager_id, sla.met, sla.periods, rated.rating, rated.ratings FROM accounts a
         JOIN (SELECT account_id, avg((attained_percent >= target_percent)::int) AS met, count(*) AS periods FROM sla_periods
               WHERE deleted_at IS NULL AND period_end >= $1::date AND period_end <= $2::date GROUP BY account_id) sla ON sla.account_id = a.id
         JOIN (SELECT account_id, avg(overall) AS rating, count(*) AS ratings FROM ratings
               WHERE withdrawn_at IS NULL AND created_at >= $1 AND created_at <= $2 GROUP BY account_id) rated ON rated.account_id = a.id
         WHERE a.archived_at IS NULL ORDER BY (sla.met >= 0.9 AND rated.rating <= 2.5) DESC, rated.rating, a.name`,
        [from, now],
      ),
  ];
}

/** /dashboard/managers: per relationship manager, their units by stage, IT's overdue follow-ups on them and the overdue actions they own; then the unassigned units. */
export function managersFloor(sessionId: string, now: Date): Query[] {
  return [
    who(sessionId, now),
    (c) =>
      c.query(
        `WITH overdue AS (SELECT account_id, count(*) AS n FROM follow_ups WHERE owed_by = 'IT' AND done_at IS NULL AND deleted_at IS NULL AND due_date < $1::date GROUP BY account_id),
         units AS (SELECT a.relationship_manager_id AS manager_id, a.health_stage, count(*) AS units, coalesce(sum(o.n), 0) AS overdue
           FROM accounts a LEFT JOIN overdue o ON o.account_id = a.id WHERE a.archived_at IS NULL GROUP BY 1, 2),
         owned AS (SELECT owner_id, count(*) AS n FROM actions WHERE status = 'OPEN' AND due_date < $1::date GROUP BY owner_id)
         SELECT u.id, u.name, sum(x.units), sum(x.overdue), max(o.n), jsonb_object_agg(x.health_stage, x.units) FILTER (WHERE x.health_stage IS NOT NULL)
         FROM users u LEFT JOIN units x ON x.manager_id = u.id LEFT JOIN owned o ON o.owner_id = u.id
         WHERE (u.role = 'RELATIONSHIP_MANAGER' AND u.deactivated_at IS NULL) OR x.manager_id IS NOT NULL GROUP BY u.id, u.name
         UNION ALL
         SELECT NULL, NULL, sum(units), sum(overdue), NULL, jsonb_object_agg(health_stage, units) FROM units WHERE manager_id IS NULL HAVING count(*) > 0`,
        [startOfDay(now)],
      ),
  ];
}

/** The spans of ratings and interactions in a stored diagnosis (lib/health/source-spans.ts: `"<after id>","~<kind>[.<filter>]:<last id>:<count>"`). */
function spansOf(evidenceJson: string[]): Record<SpanKind, { from: string[]; to: string[] }> {
  const spans = { rating: { from: [] as string[], to: [] as string[] }, interaction: { from: [] as string[], to: [] as string[] } };
  for (const json of evidenceJson) {
    const found = [...json.matchAll(/"(c[a-z0-9]{24})",\s*"~(rating|interaction)(?:\.\w+)?:(c[a-z0-9]{24}):\d+"/g)];
    // A floor that missed its spans would read nothing for them and look cheaper than it is.
    const tokens = json.match(/"~(rating|interaction)[.:]/g)?.length ?? 0;
    if (found.length !== tokens) throw new Error(`spansOf: ${found.length} of ${tokens} span tokens matched: has the stored shape changed?`);
    for (const [, after, kind, last] of found) {
      spans[kind as SpanKind].from.push(after!);
      spans[kind as SpanKind].to.push(last!);
    }
  }
  return spans;
}

/** The account's current snapshot and the one it is compared with (and when it moved). */
const SNAPSHOTS = `
  WITH cur AS (SELECT id, computed_at, evidence, config_version, compared_with_id FROM health_snapshots WHERE account_id = $1 ORDER BY computed_at DESC, id DESC LIMIT 1)
  SELECT cur.id, cur.computed_at, cur.evidence::text AS evidence, cur.config_version, NULL::timestamp FROM cur
  UNION ALL
  SELECT p.id, p.computed_at, p.evidence::text, p.config_version, (SELECT min(m.computed_at) FROM health_snapshots m WHERE m.account_id = $1 AND m.computed_at > p.computed_at)
  FROM cur JOIN health_snapshots p ON p.id = cur.compared_with_id`;

/** The records a diagnosis' spans run over, as they stood when it was made (lib/health/source-spans.sql.ts reads the same). */
const SPAN_RECORDS = `
  SELECT 'rating' AS kind, r.id, r.created_at AS at, r.responsiveness IS NOT NULL AS responsiveness, r.delivery IS NOT NULL AS delivery,
    r.communication IS NOT NULL AS communication, r.business_understanding IS NOT NULL AS business_understanding, r.trust IS NOT NULL AS trust
  FROM ratings r WHERE r.account_id = $1 AND r.created_at <= $2 AND (r.withdrawn_at IS NULL OR r.withdrawn_at > $2)
    AND r.created_at BETWEEN (SELECT min(x.created_at) FROM unnest($3::text[]) u(id) JOIN ratings x ON x.id = u.id)
      AND (SELECT max(x.created_at) FROM unnest($4::text[]) u(id) JOIN ratings x ON x.id = u.id)
  UNION ALL
  SELECT 'interaction', i.id, i.occurred_at, false, false, false, false, false
  FROM interactions i WHERE i.account_id = $1 AND i.occurred_at <= $2 AND (i.deleted_at IS NULL OR i.deleted_at > $2)
    AND i.occurred_at BETWEEN (SELECT min(x.occurred_at) FROM unnest($5::text[]) u(id) JOIN interactions x ON x.id = u.id)
      AND (SELECT max(x.occurred_at) FROM unnest($6::text[]) u(id) JOIN interactions x ON x.id = u.id)`;

const spanRecords = (c: pg.ClientBase, accountId: string, asOf: Date, spans: Record<SpanKind, { from: string[]; to: string[] }>) =>
  c.query<{ kind: SpanKind; id: string; at: Date; responsiveness: boolean; delivery: boolean; communication: boolean; business_understanding: boolean; trust: boolean }>(
    SPAN_RECORDS,
    [accountId, asOf, spans.rating.from, spans.rating.to, spans.interaction.from, spans.interaction.to],
  );

/** Names of records by id, one statement over every kind (lib/data/record-names.ts names the same: live ones). */
const NAMES = `
  SELECT 'Interaction' AS kind, i.id, i.account_id, i.type::text, i.occurred_at, i.summary FROM interactions i WHERE i.id = ANY($1::text[]) AND i.deleted_at IS NULL
  UNION ALL SELECT 'Rating', r.id, r.account_id, r.overall::text, r.created_at, NULL FROM ratings r WHERE r.id = ANY($1::text[]) AND r.withdrawn_at IS NULL
  UNION ALL SELECT 'Quote', q.id, i.account_id, i.type::text, i.occurred_at, q.text FROM quotes q JOIN interactions i ON i.id = q.interaction_id WHERE q.id = ANY($1::text[]) AND q.deleted_at IS NULL
  UNION ALL SELECT 'FollowUp', f.id, f.account_id, NULL, f.due_date, f.description FROM follow_ups f WHERE f.id = ANY($1::text[]) AND f.deleted_at IS NULL
  UNION ALL SELECT 'Project', x.id, x.account_id, NULL, NULL, x.name FROM projects x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'SlaPeriod', x.id, x.account_id, cs.name, x.period_start, x.period_end::text FROM sla_periods x LEFT JOIN core_systems cs ON cs.id = x.core_system_id WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'Incident', x.id, x.account_id, x.major::text, x.occurred_at, x.title FROM incidents x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'AnalystLayerCount', x.id, x.account_id, x.count::text, x.counted_at, NULL FROM analyst_layer_counts x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'StructuralEvent', x.id, x.account_id, x.kind::text, x.occurred_at, NULL FROM structural_events x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'Goal', x.id, x.account_id, NULL, NULL, x.title FROM goals x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'GoalReview', x.id, g.account_id, NULL, x.reviewed_at, g.title FROM goal_reviews x JOIN goals g ON g.id = x.goal_id WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'BadNews', x.id, x.account_id, NULL, x.known_at, x.what FROM bad_news x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'DeclinedRequest', x.id, x.account_id, NULL, x.declined_at, x.request FROM declined_requests x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'ItAssessment', x.id, x.account_id, NULL, x.assessed_at, NULL FROM it_assessments x WHERE x.id = ANY($1::text[]) AND x.deleted_at IS NULL
  UNION ALL SELECT 'Contact', x.id, x.account_id, NULL, NULL, x.name FROM contacts x WHERE x.id = ANY($1::text[])
  UNION ALL SELECT 'CoreSystem', x.id, x.account_id, NULL, NULL, x.name FROM core_systems x WHERE x.id = ANY($1::text[])
  UNION ALL SELECT 'StageOverride', x.id, x.account_id, x.stage::text, x.created_at, NULL FROM stage_overrides x WHERE x.id = ANY($1::text[])`;

/**
 * The records the account page names for its diagnosis and the one it is compared with: the app's
 * own choice (lib/data/evidence-shown.ts shownRecordIds: the first records of each piece of
 * evidence, the newest phrases per side, what changed), made once, before timing, from the stored
 * diagnoses with their spans expanded. The floor then reads the snapshots, the spans' records and
 * these names: what a hand-written page would read to show the same.
 */
async function shownIds(c: pg.ClientBase, accountId: string): Promise<string[]> {
  const { rows } = await c.query<{ evidence: string }>(SNAPSHOTS, [accountId]);
  const diagnoses: Diagnosis[] = [];
  for (const row of rows) {
    const parsed = parseStoredDiagnosis(JSON.parse(row.evidence));
    if (!parsed.ok) continue;
    const records: Record<SpanKind, SpanRecord[]> = { rating: [], interaction: [] };
    const found = await spanRecords(c, accountId, new Date(parsed.diagnosis.computedAt), spansOf([row.evidence]));
    for (const r of found.rows) {
      const rated = { responsiveness: r.responsiveness, delivery: r.delivery, communication: r.communication, businessUnderstanding: r.business_understanding, trust: r.trust };
      records[r.kind].push(r.kind === "rating" ? { id: r.id, at: new Date(r.at).getTime(), rated } : { id: r.id, at: new Date(r.at).getTime() });
    }
    diagnoses.push(expandSpans(parsed.diagnosis, records));
  }
  return diagnoses[0] ? shownRecordIds(diagnoses[0], diagnoses[1] ?? null) : [];
}

/**
 * An account's page as IT sees it (app/(app)/accounts/[id]: the layout and the overview, its
 * widgets and data layer): the summary (sponsor, manager, health), its stage overrides with who set
 * and ended them, the goals with their reviews, the open actions with their people, the current
 * diagnosis and the one it is compared with (and when it moved) with the records behind both that
 * the page names, the year's score history with what changed at each point and the epoch markers,
 * the ratings' count, average and months with the newest 50 and their givers, the response rate
 * per campaign round, the newest timeline page (20 interactions and the next one's cursor, with
 * attendees, quotes and follow-ups) and the open follow-ups. Reads the stored diagnoses once to
 * know which records the page names (shownIds).
 */
export async function accountFloor(client: pg.ClientBase, sessionId: string, accountId: string, now: Date): Promise<Query[]> {
  const yearAgo = new Date(now.getTime() - 365 * DAY);
  const monthsFrom = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const named = await shownIds(client, accountId);
  return [
    who(sessionId, now),
    (c) =>
      c.query(
        `SELECT a.*, s.name, s.title, m.id, m.name, m.email FROM accounts a LEFT JOIN contacts s ON s.id = a.sponsor_contact_id
         LEFT JOIN users m ON m.id = a.relationship_manager_id WHERE a.id = $1`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT o.id, o.stage, o.reason, o.expires_at, o.created_at, o.ended_at, o.end_reason, cb.name, eb.name FROM stage_overrides o
         LEFT JOIN users cb ON cb.id = o.created_by_id LEFT JOIN users eb ON eb.id = o.ended_by_id WHERE o.account_id = $1 ORDER BY o.created_at DESC, o.id DESC`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT g.id, g.title, g.measure, g.target, g.owner_name, g.agreed_at, g.review_every_days, g.closed_at,
           (SELECT json_agg(json_build_object('id', r.id, 'reviewedAt', r.reviewed_at, 'result', r.result, 'notes', r.notes) ORDER BY r.reviewed_at DESC, r.created_at DESC)
            FROM goal_reviews r WHERE r.goal_id = g.id AND r.deleted_at IS NULL)
         FROM goals g WHERE g.account_id = $1 AND g.deleted_at IS NULL ORDER BY g.closed_at DESC NULLS FIRST, g.agreed_at DESC, g.created_at DESC`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT x.id, x.title, x.treatment_id, x.alert_id, x.due_date, x.status, x.outcome, x.visible_to_client, x.created_at, x.closed_at, o.id, o.name, cb.id, cb.name
         FROM actions x JOIN users o ON o.id = x.owner_id LEFT JOIN users cb ON cb.id = x.created_by_id
         WHERE x.account_id = $1 AND x.status = 'OPEN' ORDER BY x.due_date, x.id LIMIT 200`,
        [accountId],
      ),
    // The diagnosis, the one it is compared with, the records of their spans, and the names the page shows.
    async (c) => {
      const { rows } = await c.query<{ evidence: string; computed_at: Date }>(SNAPSHOTS, [accountId]);
      for (const row of rows) await spanRecords(c, accountId, row.computed_at, spansOf([row.evidence]));
      return c.query(NAMES, [named]);
    },
    (c) =>
      c.query(
        `SELECT s.computed_at, s.stage, s.score, s.change FROM health_snapshots s WHERE s.account_id = $1 AND s.computed_at <= $3 AND (s.computed_at >= $2
           OR s.id = (SELECT b.id FROM health_snapshots b WHERE b.account_id = $1 AND b.computed_at < $2 ORDER BY b.computed_at DESC, b.id DESC LIMIT 1))
         ORDER BY s.computed_at, s.id`,
        [accountId, yearAgo, now],
      ),
    (c) => c.query(`SELECT id, starts_at, reason_kind FROM account_epochs WHERE account_id = $1 AND deleted_at IS NULL ORDER BY starts_at`, [accountId]),
    (c) =>
      c.query(
        // From the day rows the app reads too (account_rating_days, decision 028), today's from the ratings.
        `SELECT NULL AS month, sum(count), sum(overall_sum) FROM account_rating_days WHERE account_id = $1
         UNION ALL
         (SELECT date_trunc('month', x.day), sum(x.count), sum(x.overall_sum) FROM (
            SELECT day, count, overall_sum FROM account_rating_days WHERE account_id = $1 AND day >= $2::date AND day < $4::date
            UNION ALL
            SELECT created_at::date, 1, overall FROM ratings WHERE account_id = $1 AND withdrawn_at IS NULL AND created_at >= $4 AND created_at <= $3) x
          GROUP BY 1 ORDER BY 1)`,
        [accountId, monthsFrom, now, new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))],
      ),
    (c) =>
      c.query(
        `SELECT r.id, r.overall, r.recommend, r.responsiveness, r.delivery, r.communication, r.business_understanding, r.trust, r.comment, r.created_at, r.source,
           u.id, u.name, ct.name, cp.anonymous
         FROM ratings r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN contacts ct ON ct.id = r.contact_id LEFT JOIN campaigns cp ON cp.id = r.campaign_id
         WHERE r.account_id = $1 AND r.withdrawn_at IS NULL ORDER BY r.created_at DESC, r.id DESC LIMIT 50`,
        [accountId],
      ),
    (c) =>
      c.query(
        `SELECT c.id, c.name, c.status, c.opens_at, c.closes_at, c.anonymous,
           count(i.*) FILTER (WHERE i.skipped_reason IS NULL AND (i.answered_at IS NOT NULL OR (i.sent_at IS NOT NULL AND i.revoked_at IS NULL))),
           count(i.*) FILTER (WHERE i.skipped_reason IS NULL AND i.answered_at IS NOT NULL), count(i.*) FILTER (WHERE i.skipped_reason IS NOT NULL)
         FROM campaign_accounts ca JOIN campaigns c ON c.id = ca.campaign_id AND c.status <> 'SCHEDULED'
         LEFT JOIN rating_invitations i ON i.campaign_id = c.id AND i.account_id = ca.account_id
         WHERE ca.account_id = $1 GROUP BY c.id ORDER BY c.opens_at, c.id`,
        [accountId],
      ),
    (c) =>
      c.query(
        `WITH page AS (
           SELECT i.id, i.type, i.occurred_at, i.summary, i.topic, i.outcome, i.cancelled_by, i.notes, i.sentiment, i.it_on_time, i.it_prepared, u.name AS logged_by
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
      c.query(
        `SELECT f.id, f.description, f.owed_by, f.due_date, i.id, i.type, i.occurred_at FROM follow_ups f LEFT JOIN interactions i ON i.id = f.interaction_id
         WHERE f.account_id = $1 AND f.done_at IS NULL AND f.deleted_at IS NULL ORDER BY f.due_date, f.id LIMIT 200`,
        [accountId],
      ),
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
