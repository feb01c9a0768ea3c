import { Prisma } from "../generated/prisma/client";
import type { Tx } from "./audit";

// When each account's current epoch began (article 001's "death and reincarnation": after a new
// IT leadership, a new relationship manager or an outsourcing change the relationship starts
// over). The diagnosis loader (lib/health) reads signals from this start on, as a new baseline.
// No actor and no "server-only": the loader runs inside a write's transaction and in scripts.

/**
 * The start of the account `a` of the enclosing query's current epoch as of `now`, as epoch
 * milliseconds (null: no epoch recorded, the whole history counts), for a column of one statement.
 */
export function epochStartColumn(now: Date): Prisma.Sql {
  return Prisma.sql`(SELECT (extract(epoch from max(e.starts_at)) * 1000)::float8
      FROM account_epochs e
     WHERE e.account_id = a.id AND e.deleted_at IS NULL AND e.starts_at <= ${now}) AS epoch_start`;
}

/** Each account's current epoch start as of `now`; accounts without an epoch are absent. */
export async function currentEpochStarts(client: Tx, accountIds: readonly string[], now = new Date()): Promise<Map<string, Date>> {
  if (accountIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ account_id: string; starts_at: Date }[]>`
    SELECT account_id, max(starts_at) AS starts_at
      FROM account_epochs
     WHERE account_id = ANY(${[...accountIds]}::text[]) AND deleted_at IS NULL AND starts_at <= ${now}
     GROUP BY account_id`;
  return new Map(rows.map((row) => [row.account_id, new Date(row.starts_at)]));
}

/** One account's current epoch start as of `now`; null when none was recorded. */
export async function currentEpochStart(client: Tx, accountId: string, now = new Date()): Promise<Date | null> {
  return (await currentEpochStarts(client, [accountId], now)).get(accountId) ?? null;
}
