import { Prisma } from "../generated/prisma/client";

// The signals recorded on the account's own screens (everything but ratings, interactions,
// follow-ups and rating requests: activity.sql.ts), as columns of the one statement that loads an
// account's diagnosis inputs (inputs.ts): one JSON array per kind. Times travel as epoch
// milliseconds, so no time zone can creep in between PostgreSQL's `timestamp` and `date` columns
// and JavaScript. Soft-deleted rows and rows not yet known at `now`
// (a replay of history) are left out here; what is known but later (delivered after `now`) is
// clipped by the caller. `w` (inputs.ts) bounds every kind: `w.since` is where the windows start
// (the lookback or the current epoch's start, whichever is later), `w.epoch` the epoch's start:
// nothing from before a new epoch is read, state (open goals, layers, projects) included.

/** A column as epoch milliseconds, as SQL text (for statements assembled from constants). */
export const epochMsText = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
export const ms = (column: string) => Prisma.raw(epochMsText(column));

export interface AccountSignalRow {
  id: string;
  meeting_cadence_days: number | null;
  created_at: number;
  projects: {
    id: string;
    name: string;
    high_profile: boolean;
    status: "PLANNED" | "IN_PROGRESS" | "DELIVERED" | "CANCELLED";
    planned_end: number;
    actual_end: number | null;
    budget: number | null;
    actual_cost: number | null;
    scope: number | null;
  }[] | null;
  sla: { id: string; at: number; target: number; attained: number; system: string | null }[] | null;
  incidents: { id: string; at: number; major: boolean; heard_first: boolean | null }[] | null;
  layers: { id: string; at: number; count: number }[] | null;
  events: {
    id: string;
    at: number;
    kind: string;
    resolved: number | null;
    note: string;
    size: number | null;
    forced: boolean | null;
  }[] | null;
  goals: { id: string; agreed: number; every: number; closed: number | null; reviews: { at: number; result: string }[] | null }[] | null;
  bad_news: { id: string; known: number; told: number | null }[] | null;
  declined: { id: string; at: number; explained: boolean }[] | null;
  assessments: {
    id: string;
    at: number;
    overall: number;
    responsiveness: number | null;
    delivery: number | null;
    communication: number | null;
    business_understanding: number | null;
    trust: number | null;
  }[] | null;
}

/** The columns of AccountSignalRow for the account `a` and the window `w` of the enclosing query. */
export function recordedColumns(now: Date): Prisma.Sql {
  return Prisma.sql`a.meeting_cadence_days, ${ms("greatest(a.created_at, w.epoch)")} AS created_at,
      (SELECT json_agg(json_build_object(
          'id', p.id, 'name', p.name, 'high_profile', p.high_profile, 'status', p.status,
          'planned_end', ${ms("p.planned_end")}, 'actual_end', ${ms("p.actual_end")},
          'budget', p.budget::float8, 'actual_cost', p.actual_cost::float8, 'scope', p.scope_delivered_percent))
        FROM projects p
        WHERE p.account_id = a.id AND p.deleted_at IS NULL AND p.created_at <= ${now} AND p.created_at >= w.epoch
          AND (p.actual_end IS NULL OR p.actual_end >= w.since::date)) AS projects,
      (SELECT json_agg(json_build_object(
          'id', s.id, 'at', ${ms("s.period_end")}, 'target', s.target_percent, 'attained', s.attained_percent, 'system', cs.name)
          ORDER BY s.period_end, s.id)
        FROM sla_periods s LEFT JOIN core_systems cs ON cs.id = s.core_system_id
        WHERE s.account_id = a.id AND s.deleted_at IS NULL AND s.period_end BETWEEN w.since::date AND ${now}::date) AS sla,
      (SELECT json_agg(json_build_object('id', i.id, 'at', ${ms("i.occurred_at")}, 'major', i.major, 'heard_first', i.heard_from_it_first)
          ORDER BY i.occurred_at, i.id)
        FROM incidents i
        WHERE i.account_id = a.id AND i.deleted_at IS NULL AND i.occurred_at BETWEEN w.since AND ${now}) AS incidents,
      (SELECT json_agg(json_build_object('id', l.id, 'at', ${ms("l.counted_at")}, 'count', l.count) ORDER BY l.counted_at, l.id)
        FROM analyst_layer_counts l
        WHERE l.account_id = a.id AND l.deleted_at IS NULL AND l.counted_at <= ${now}::date AND l.counted_at >= w.epoch::date) AS layers,
      (SELECT json_agg(json_build_object(
          'id', e.id, 'at', ${ms("e.occurred_at")}, 'kind', e.kind, 'resolved', ${ms("e.resolved_at")},
          'note', e.note, 'size', e.size, 'forced', e.forced) ORDER BY e.occurred_at, e.id)
        FROM structural_events e
        WHERE e.account_id = a.id AND e.deleted_at IS NULL AND e.occurred_at <= ${now}::date AND e.occurred_at >= w.epoch::date
          AND (e.resolved_at IS NULL OR e.resolved_at >= w.since::date)) AS events,
      (SELECT json_agg(json_build_object(
          'id', g.id, 'agreed', ${ms("g.agreed_at")}, 'every', g.review_every_days, 'closed', ${ms("g.closed_at")},
          'reviews', (SELECT json_agg(json_build_object('at', ${ms("r.reviewed_at")}, 'result', r.result) ORDER BY r.reviewed_at)
                      FROM goal_reviews r
                      WHERE r.goal_id = g.id AND r.deleted_at IS NULL AND r.reviewed_at <= ${now}::date)) ORDER BY g.agreed_at, g.id)
        FROM goals g
        WHERE g.account_id = a.id AND g.deleted_at IS NULL AND g.agreed_at <= ${now}::date AND g.agreed_at >= w.epoch::date
          AND (g.closed_at IS NULL OR g.closed_at > ${now}::date)) AS goals,
      (SELECT json_agg(json_build_object('id', b.id, 'known', ${ms("b.known_at")}, 'told', ${ms("b.told_at")}) ORDER BY b.known_at, b.id)
        FROM bad_news b
        WHERE b.account_id = a.id AND b.deleted_at IS NULL AND b.known_at BETWEEN w.since AND ${now}) AS bad_news,
      (SELECT json_agg(json_build_object('id', d.id, 'at', ${ms("d.declined_at")}, 'explained', d.reason_explained) ORDER BY d.declined_at, d.id)
        FROM declined_requests d
        WHERE d.account_id = a.id AND d.deleted_at IS NULL AND d.declined_at BETWEEN w.since::date AND ${now}::date) AS declined,
      (SELECT json_agg(json_build_object(
          'id', t.id, 'at', ${ms("t.assessed_at")}, 'overall', t.overall, 'responsiveness', t.responsiveness,
          'delivery', t.delivery, 'communication', t.communication, 'business_understanding', t.business_understanding,
          'trust', t.trust) ORDER BY t.assessed_at, t.id)
        FROM it_assessments t
        WHERE t.account_id = a.id AND t.deleted_at IS NULL AND t.assessed_at BETWEEN w.since AND ${now}) AS assessments`;
}
