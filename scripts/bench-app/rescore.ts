// A full rescore of every account (lib/health/rescore.ts, as the scheduled job runs it) and its
// floor: the statements it sent, captured at the driver, replayed with bare `pg` on as many
// connections as it used (the reads and writes alone, without the diagnosis in between).
import pg from "pg";
import { closeDb, connection } from "../../lib/db/client";
import { rescoreAll } from "../../lib/health/rescore";
import { capture, freshSlots, replayByConnection, slowest, type StatementTimes, withFreshIds } from "./capture";
import { pointAppAt } from "./database";
import { summarize, type Timing } from "./stats";
import { snapshotStorage } from "./storage";

export interface RescoreFigure {
  app: Timing;
  floor: Timing;
  accounts: number;
  statements: number;
  /** The floor's slowest statements. */
  slowest: ReturnType<typeof slowest>;
  storage: { bytes: number; writes: number };
  databaseMB: number;
  snapshotsMB: number;
}

export async function measureRescore(url: string): Promise<RescoreFigure> {
  await pointAppAt(url);
  const probe = new pg.Pool({ connectionString: url, max: 1 });
  const before = await snapshotStorage(probe);
  const started = performance.now();
  const { result, statements } = await capture(() => rescoreAll(connection().prisma, new Date(), { concurrency: 2 }));
  const appMs = performance.now() - started;
  const after = await snapshotStorage(probe);
  await probe.end();
  await closeDb();

  const connections = new Set(statements.map((s) => s.connection)).size;
  const pool = new pg.Pool({ connectionString: url, max: connections + 1 });
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  const floorStarted = performance.now();
  const times: StatementTimes = new Map();
  await replayByConnection(clients, withFreshIds(statements, freshSlots(statements)), times);
  const floorMs = performance.now() - floorStarted;
  for (const client of clients) client.release();
  const { rows } = await pool.query(`SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('health_snapshots') AS snapshots`);
  await pool.end();
  return {
    app: summarize([appMs], appMs / result.accounts),
    floor: summarize([floorMs], floorMs / result.accounts),
    accounts: result.accounts,
    statements: statements.length,
    slowest: slowest(times),
    storage: { bytes: after.bytes - before.bytes, writes: after.rows - before.rows },
    databaseMB: Number(rows[0].db) / 1048576,
    snapshotsMB: Number(rows[0].snapshots) / 1048576,
  };
}
