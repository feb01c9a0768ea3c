// The throwaway database of the database benchmarks: a new PostgreSQL database on the
// DATABASE_URL server, or a temporary PGlite directory without it. Returns how to drop it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

/** Runs one statement on the DATABASE_URL server's own database (to create or drop another). */
async function onServer(server: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  await client.query(sql);
  await client.end();
}

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
