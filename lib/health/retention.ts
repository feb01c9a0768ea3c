import type { Tx } from "../data/audit";
import { SIGNAL_LOOKBACK_DAYS } from "./inputs";

/**
 * Snapshots this old are thinned to each account's last of each month. Not less than the longest
 * history window a configuration may ask for (SIGNAL_LOOKBACK_DAYS) nor the score chart's year, so
 * a diagnosis and the chart read the same history as before; account_health_months keeps every
 * month's last anyway.
 */
export const KEEP_EVERY_SNAPSHOT_DAYS = SIGNAL_LOOKBACK_DAYS;

/** Rows deleted per statement, so a first run on a large history holds no lock for long. */
const BATCH = 5_000;

/**
 * The retention rule: of the snapshots older than KEEP_EVERY_SNAPSHOT_DAYS, keep each account's
 * last of each month (UTC) and every whole one (an account's latest and the one it is compared
 * with, however old); delete the rest. Returns how many were deleted. Idempotent: run it daily.
 */
export async function pruneSnapshots(db: Tx, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - KEEP_EVERY_SNAPSHOT_DAYS * 86_400_000);
  let deleted = 0;
  for (;;) {
    const count = await db.$executeRaw`
      DELETE FROM health_snapshots WHERE id IN (
        SELECT s.id FROM health_snapshots s
        WHERE s.computed_at < ${cutoff} AND s.evidence ? 'compact'
          -- A later one the same month (and before the cutoff): one range of the account's index.
          AND EXISTS (
            SELECT 1 FROM health_snapshots m
            WHERE m.account_id = s.account_id AND m.computed_at >= s.computed_at
              AND m.computed_at < least(date_trunc('month', s.computed_at) + interval '1 month', ${cutoff})
              AND (m.computed_at, m.id) > (s.computed_at, s.id))
        LIMIT ${BATCH})`;
    deleted += count;
    if (count < BATCH) return deleted;
  }
}
