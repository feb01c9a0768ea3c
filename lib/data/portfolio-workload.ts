import "server-only";
import { db } from "../db/client";
import { Stage } from "../generated/prisma/enums";
import type { Actor } from "./permissions";
import { assertSeesPortfolio } from "./portfolio";
import { itOverdueCondition, startOfDay } from "./portfolio-unit-facts";

// How loaded each relationship manager is (article 004: one person accountable for each
// relationship, measured on it): their units, IT's overdue commitments on them, the overdue actions they own, and the stage mix.

const STAGES = Object.values(Stage);

export interface ManagerWorkload {
  /** Null: the units nobody manages. */
  manager: { id: string; name: string } | null;
  units: number;
  /** Follow-ups IT owes on those units, past due. Null for another manager's units when the viewer is a manager (002: their records are not ours to see). */
  itOverdue: number | null;
  /** Open actions they own past their due day (lib/data/actions.ts); null for the unassigned row, and as itOverdue for another manager. */
  actionsOverdue: number | null;
  byStage: Record<Stage, number>;
  /** The viewer. */
  mine: boolean;
}

interface WorkloadSqlRow {
  id: string | null;
  name: string | null;
  units: number;
  itOverdue: number;
  actionsOverdue: number | null;
  stages: Record<string, number> | null;
}

/**
 * One row per active relationship manager (with no units too: who has room) and per anyone else
 * managing units, most units first, then the unassigned units: one GROUP BY over unarchived
 * accounts with their overdue counts grouped once from follow_ups.
 */
export async function getManagerWorkload(actor: Actor, now = new Date()): Promise<ManagerWorkload[]> {
  assertSeesPortfolio(actor);
  const rows = await db().$queryRaw<WorkloadSqlRow[]>`
    WITH overdue AS (
      SELECT f.account_id, count(*)::int AS n FROM follow_ups f WHERE ${itOverdueCondition(now)} GROUP BY f.account_id
    ), units AS (
      SELECT a.relationship_manager_id AS manager_id, a.health_stage::text AS stage, count(*)::int AS units, coalesce(sum(o.n), 0)::int AS overdue
      FROM accounts a LEFT JOIN overdue o ON o.account_id = a.id
      WHERE a.archived_at IS NULL
      GROUP BY a.relationship_manager_id, a.health_stage
    ), owned AS (
      -- Overdue as lib/data/actions.ts counts it for the portfolio: open, due before today.
      SELECT owner_id, count(*)::int AS n FROM actions WHERE status = 'OPEN' AND due_date < ${startOfDay(now)}::date GROUP BY owner_id
    ), managers AS (
      SELECT id, name FROM users WHERE role = 'RELATIONSHIP_MANAGER' AND deactivated_at IS NULL
      UNION
      SELECT u.id, u.name FROM users u WHERE u.id IN (SELECT manager_id FROM units)
    )
    SELECT m.id, m.name, coalesce(sum(u.units), 0)::int AS units, coalesce(sum(u.overdue), 0)::int AS "itOverdue",
      coalesce((SELECT n FROM owned WHERE owned.owner_id = m.id), 0) AS "actionsOverdue",
      jsonb_object_agg(u.stage, u.units) FILTER (WHERE u.stage IS NOT NULL) AS stages
    FROM managers m LEFT JOIN units u ON u.manager_id = m.id
    GROUP BY m.id, m.name
    UNION ALL
    SELECT NULL, NULL, sum(u.units)::int, sum(u.overdue)::int, NULL, jsonb_object_agg(u.stage, u.units)
    FROM units u WHERE u.manager_id IS NULL HAVING count(*) > 0
    ORDER BY units DESC, name ASC NULLS LAST`;
  const seesAllRecords = actor.role !== "RELATIONSHIP_MANAGER";
  return rows.map((row) => {
    const mine = row.id === actor.id;
    return {
      manager: row.id === null ? null : { id: row.id, name: row.name ?? "" },
      units: Number(row.units),
      itOverdue: seesAllRecords || mine ? Number(row.itOverdue) : null,
      actionsOverdue: row.actionsOverdue !== null && (seesAllRecords || mine) ? Number(row.actionsOverdue) : null,
      byStage: Object.fromEntries(STAGES.map((stage) => [stage, Number(row.stages?.[stage] ?? 0)])) as Record<Stage, number>,
      mine,
    };
  });
}
