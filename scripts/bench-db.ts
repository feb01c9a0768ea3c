// The throwaway database of the database benchmarks: a new PostgreSQL database on the
// DATABASE_URL server, or a temporary PGlite directory without it, migrated, used and dropped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, connection } from "../lib/db/client";
import { applyMigrations } from "../lib/db/migrate";
import { resetEnvCache } from "../lib/env";

/** Runs one statement on the DATABASE_URL server's own database (to create or drop another). */
async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** Creates the throwaway database and points DATABASE_URL (or PGLITE_DIR) at it; returns how to drop it. */
export async function throwawayDatabase(): Promise<() => Promise<void>> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const dir = mkdtempSync(path.join(tmpdir(), "rapport-bench-"));
    process.env.PGLITE_DIR = dir;
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const name = `rapport_bench_${Date.now()}`;
  const admin = (sql: string) => onServer(server, sql);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export type BenchConnection = ReturnType<typeof connection>;

/** Runs `work` on a new, migrated throwaway database, then closes the connection and drops it. */
export async function onThrowawayDatabase(work: (db: BenchConnection) => Promise<void>): Promise<void> {
  const dropDatabase = await throwawayDatabase();
  resetEnvCache();
  const db = connection();
  try {
    await applyMigrations(db.adapterFactory);
    await work(db);
  } finally {
    await closeDb();
    await dropDatabase();
  }
}

/** Runs a benchmark's `main`, printing its error and exiting with 1 if it fails. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
