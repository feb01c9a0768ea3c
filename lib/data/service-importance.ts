import "server-only";
import { isFixFirst } from "../campaigns/results";
import { db } from "../db/client";
import { openAccount } from "./accounts";
import type { Tx } from "./audit";
import { currentEpochStart } from "./epoch-starts";
import { canLogInteraction, type Actor } from "./permissions";

// Importance × satisfaction of the unit's IT services (its core systems), from every scorecard
// answer its clients gave in rating campaigns over the last year, or since the current epoch
// began when that is later (a reincarnated relationship starts its scorecard afresh too).

const DAY_MS = 86_400_000;
export const SERVICE_WINDOW_DAYS = 365;

export interface ServicePoint {
  coreSystemId: string;
  name: string;
  answers: number;
  /** Means 1–5 to one decimal; null without answers. */
  importance: number | null;
  satisfaction: number | null;
  /** Important and unsatisfying: the campaigns' own "fix first" rule. */
  fixFirst: boolean;
}

/**
 * One row per live core system of the unit. An anonymous campaign's answers about a system count
 * only when at least its K gave them (the K rule of its own results), so pooling rounds cannot
 * reveal a smaller group. IT with full access only (404 otherwise).
 */
export async function getServiceImportance(actor: Actor, accountId: string, now = new Date()): Promise<{ points: ServicePoint[]; since: Date; sinceEpoch: boolean }> {
  await openAccount(actor, accountId, canLogInteraction);
  const yearAgo = new Date(now.getTime() - SERVICE_WINDOW_DAYS * DAY_MS);
  const epoch = await currentEpochStart(db() as unknown as Tx, accountId, now);
  const since = epoch && epoch > yearAgo ? epoch : yearAgo;
  const rows = await db().$queryRaw<{ id: string; name: string; answers: number; importance: number | null; satisfaction: number | null }[]>`
    WITH answers AS (
      SELECT s.core_system_id, s.importance, s.satisfaction, c.anonymous, c.min_group_size,
             count(*) OVER (PARTITION BY r.campaign_id, s.core_system_id) AS in_group
        FROM service_scores s
        JOIN ratings r ON r.id = s.rating_id
        LEFT JOIN campaigns c ON c.id = r.campaign_id
       WHERE r.account_id = ${accountId} AND r.withdrawn_at IS NULL AND r.created_at >= ${since} AND r.created_at <= ${now}
    )
    SELECT cs.id, cs.name, count(x.core_system_id)::int AS answers,
           round(avg(x.importance)::numeric, 1)::float8 AS importance, round(avg(x.satisfaction)::numeric, 1)::float8 AS satisfaction
      FROM core_systems cs
      LEFT JOIN answers x ON x.core_system_id = cs.id AND (x.anonymous IS NOT TRUE OR x.in_group >= x.min_group_size)
     WHERE cs.account_id = ${accountId} AND cs.deleted_at IS NULL
     GROUP BY cs.id, cs.name
     ORDER BY cs.name, cs.id`;
  const points = rows.map(({ id, name, answers, importance, satisfaction }) => ({
    coreSystemId: id,
    name,
    answers: Number(answers),
    importance,
    satisfaction,
    fixFirst: isFixFirst(importance, satisfaction),
  }));
  return { points, since, sinceEpoch: since === epoch };
}
