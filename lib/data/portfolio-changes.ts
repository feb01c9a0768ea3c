import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Criticality, Stage } from "../generated/prisma/enums";
import type { PointChange } from "../health/point-change";
import { type Actor, accountAccess, canOpenAccount } from "./permissions";
import { assertSeesPortfolio } from "./portfolio";
import { CHANGES_PAGE_SIZE, type ChangesQuery, changesSince } from "./portfolio-changes-query";

// "What changed since Monday?": units whose stage or score as of now differs from what it was at
// the start of the chosen day, worst moves first, with the evidence that moved them. The evidence
// is what each snapshot stored about its own move when it was written (`change`, lib/health/store.ts),
// so nothing is re-diagnosed or diffed here (decision 021).

/** The evidence shown per unit: its latest moves in the window. */
const MOVES_SHOWN = 5;

export interface UnitMove {
  at: Date;
  score: number | null;
  change: PointChange;
}

export interface ChangedUnit {
  id: string;
  name: string;
  criticality: Criticality;
  relationshipManager: { name: string } | null;
  /** Null: first diagnosed in the window. */
  before: { stage: Stage; score: number | null } | null;
  after: { stage: Stage; score: number | null; at: Date };
  canOpen: boolean;
  /** The moves behind it (newest first); null when the viewer sees the unit as a summary (002: no evidence). */
  moves: UnitMove[] | null;
}

export interface ChangesPage {
  units: ChangedUnit[];
  total: number;
  query: ChangesQuery;
}

// Article 001's order, sickest highest, so "worse" sorts first.
const STAGE_RANK = (stage: Prisma.Sql) =>
  Prisma.sql`CASE ${stage} WHEN 'HEALTHY' THEN 1 WHEN 'SNIFFLES' THEN 2 WHEN 'FLU' THEN 3 WHEN 'PNEUMONIA' THEN 4 WHEN 'DEATH_AND_REINCARNATION' THEN 5 ELSE 0 END`;

interface MovedSqlRow {
  id: string;
  name: string;
  criticality: Criticality;
  relationshipManagerId: string | null;
  managerName: string | null;
  beforeStage: Stage | null;
  beforeScore: number | null;
  afterStage: Stage;
  afterScore: number | null;
  afterAt: Date | string;
  total: number;
}

/**
 * One page of the units that moved between the since-day's start and `now`: each account's latest
 * snapshot before the window against its latest by `now` (two index probes per account on
 * health_snapshots (account_id, computed_at)), kept where the stage or score differs. Stage
 * worsened first, then the largest score drop, then the name. The evidence for the page's units
 * comes in one more statement.
 */
export async function getPortfolioChanges(actor: Actor, query: ChangesQuery, now: Date = new Date()): Promise<ChangesPage> {
  assertSeesPortfolio(actor);
  const since = changesSince(query);
  const owner =
    query.owner === "none"
      ? Prisma.sql`AND a.relationship_manager_id IS NULL`
      : query.owner
        ? Prisma.sql`AND a.relationship_manager_id = ${query.owner === "me" ? actor.id : query.owner}`
        : Prisma.empty;
  const rows = await db().$queryRaw<MovedSqlRow[]>`
    WITH moved AS (
      SELECT a.id, a.name, a.criticality::text AS criticality, a.relationship_manager_id AS "relationshipManagerId", m.name AS "managerName",
        b.stage::text AS "beforeStage", b.score AS "beforeScore", c.stage::text AS "afterStage", c.score AS "afterScore", c.computed_at AS "afterAt",
        ${STAGE_RANK(Prisma.sql`c.stage::text`)} - ${STAGE_RANK(Prisma.sql`b.stage::text`)} AS worse,
        coalesce(c.score, 0) - coalesce(b.score, 0) AS delta
      FROM accounts a
      LEFT JOIN users m ON m.id = a.relationship_manager_id
      CROSS JOIN LATERAL (
        SELECT s.stage, s.score, s.computed_at FROM health_snapshots s
        WHERE s.account_id = a.id AND s.computed_at <= ${now}
        ORDER BY s.computed_at DESC, s.id DESC LIMIT 1
      ) c
      LEFT JOIN LATERAL (
        SELECT s.stage, s.score FROM health_snapshots s
        WHERE s.account_id = a.id AND s.computed_at < ${since}
        ORDER BY s.computed_at DESC, s.id DESC LIMIT 1
      ) b ON true
      WHERE a.archived_at IS NULL ${owner} AND c.computed_at >= ${since}
        AND (b.stage IS NULL OR b.stage <> c.stage OR b.score IS DISTINCT FROM c.score)
    )
    SELECT *, count(*) OVER ()::int AS total FROM moved
    ORDER BY worse DESC, delta ASC, name ASC
    LIMIT ${CHANGES_PAGE_SIZE} OFFSET ${(query.page - 1) * CHANGES_PAGE_SIZE}`;
  const full = rows.filter((row) => accountAccess(actor, { id: row.id, relationshipManagerId: row.relationshipManagerId }) === "full").map((row) => row.id);
  const moves = await listMoves(full, since, now);
  const units = rows.map((row): ChangedUnit => {
    const access = accountAccess(actor, { id: row.id, relationshipManagerId: row.relationshipManagerId });
    return {
      id: row.id,
      name: row.name,
      criticality: row.criticality,
      relationshipManager: row.managerName === null ? null : { name: row.managerName },
      before: row.beforeStage === null ? null : { stage: row.beforeStage, score: row.beforeScore === null ? null : Number(row.beforeScore) },
      after: { stage: row.afterStage, score: row.afterScore === null ? null : Number(row.afterScore), at: new Date(row.afterAt) },
      canOpen: canOpenAccount(access),
      moves: access === "full" ? (moves.get(row.id) ?? []) : null,
    };
  });
  return { units, total: rows[0] ? Number(rows[0].total) : 0, query };
}

/** Each unit's latest moves in the window, as stored with its snapshots (those where something moved). */
async function listMoves(accountIds: string[], since: Date, now: Date): Promise<Map<string, UnitMove[]>> {
  const moves = new Map<string, UnitMove[]>();
  if (accountIds.length === 0) return moves;
  const rows = await db().$queryRaw<{ accountId: string; at: Date | string; score: number | null; change: string }[]>`
    SELECT account_id AS "accountId", computed_at AS at, score, point::text AS change FROM (
      SELECT s.account_id, s.computed_at, s.score, s.change -> 'point' AS point,
        row_number() OVER (PARTITION BY s.account_id ORDER BY s.computed_at DESC, s.id DESC) AS n
      FROM health_snapshots s
      WHERE s.account_id = ANY(${accountIds}::text[]) AND s.computed_at >= ${since} AND s.computed_at <= ${now}
        AND jsonb_typeof(s.change -> 'point') = 'object'
    ) latest
    WHERE n <= ${MOVES_SHOWN}
    ORDER BY account_id, computed_at DESC`;
  for (const row of rows) {
    const list = moves.get(row.accountId) ?? [];
    // Written by lib/health/store.ts from changeAt(): trusted as the score chart trusts it.
    list.push({ at: new Date(row.at), score: row.score === null ? null : Number(row.score), change: JSON.parse(row.change) as PointChange });
    moves.set(row.accountId, list);
  }
  return moves;
}
