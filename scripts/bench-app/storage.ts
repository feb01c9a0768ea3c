// Health snapshot storage: the table's bytes (heap, TOAST and indexes) and its row count, so a run
// can measure the growth per snapshot written across its measured writes.
import type pg from "pg";

export async function snapshotStorage(client: pg.Pool | pg.ClientBase): Promise<{ bytes: number; rows: number }> {
  const { rows } = await client.query<{ bytes: string; rows: string }>(
    `SELECT pg_total_relation_size('health_snapshots') AS bytes, (SELECT count(*) FROM health_snapshots) AS rows`,
  );
  return { bytes: Number(rows[0]!.bytes), rows: Number(rows[0]!.rows) };
}
