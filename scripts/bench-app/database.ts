// The benchmark's own database on the DATABASE_URL server (default: the shared local PostgreSQL):
// built once per generator version, scale and seed (a marker table says which), so a re-run only
// measures; a reused one first gets the migrations added since it was built, as a deployment would.
// Built: migrations (lib/db/migrate.ts), generated rows, then the health history written by the
// app's own rescore (lib/health/rescore.ts) as of a year, a quarter and a week ago and the anchor
// day (HISTORY_DAYS_AGO), the monthly rollups from those snapshots, and VACUUM ANALYZE (the shared
// server runs no autovacuum).
import { readdirSync } from "node:fs";
import { closeDb, connection } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { rescoreAll } from "../../lib/health/rescore";
import { databaseUrl, withPgClient as withClient } from "../../tests/support/pg-client";
import { generate } from "./generate";

/** Bump when the generated rows change: cached databases of another version are rebuilt. */
export const GENERATOR_VERSION = "3";
/**
 * The days (before the anchor) the history is rescored as of, oldest first: a year, a quarter and a
 * week ago, and the anchor day, so the score chart, the monthly rollups and "what changed since a
 * week ago" have points; each rescore of 2,000 accounts takes about a minute on the shared machine.
 */
export const HISTORY_DAYS_AGO = [364, 91, 7, 0];
const DAY = 86_400_000;

export interface BenchDatabase {
  url: string;
  name: string;
  anchor: Date;
  /** Seconds the build took, or null when a cached build was reused. */
  builtInSeconds: number | null;
  history: { rescores: number; seconds: number } | null;
}

const migrationsKey = () =>
  readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .join(",");

/** Applies the migrations the database lacks; says which. */
async function migrate(url: string, log: (line: string) => void): Promise<void> {
  const before = await withClient(url, async (client) => (await client.query(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows[0].n as number);
  await pointAppAt(url);
  await applyMigrations(connection().adapterFactory);
  await closeDb();
  await withClient(url, async (client) => {
    const after = (await client.query(`SELECT count(*)::int AS n FROM _prisma_migrations`)).rows[0].n as number;
    if (after > before) {
      log(`  applied ${after - before} new migration(s); VACUUM ANALYZE`);
      await client.query(`UPDATE bench_app_build SET migrations = $1`, [migrationsKey()]);
      await client.query(`VACUUM ANALYZE`);
    }
  });
}

/** Runs `work` on a new connection to `url`, closed afterwards (shared with the tests' database setup). */
export { withClient };

export { databaseUrl };

/** Points the app's data layer (lib/db/client.ts) at `url`. */
export async function pointAppAt(url: string): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
}

async function cachedBuild(url: string, want: Record<string, string>): Promise<Date | null> {
  try {
    return await withClient(url, async (client) => {
      const { rows } = await client.query(`SELECT * FROM bench_app_build`);
      const row = rows[0];
      if (!row) return null;
      const same = Object.entries(want).every(([key, value]) => String(row[key]) === value);
      return same ? new Date(row.anchor) : null;
    });
  } catch {
    return null; // no such database, or no marker: build
  }
}

/** The database if one is built for this generator version, scale and seed (migrated to now), else null: never builds. */
export async function builtDatabase(server: string, { name, scale, seed }: { name: string; scale: number; seed: number }, log: (line: string) => void): Promise<BenchDatabase | null> {
  const url = databaseUrl(server, name);
  const cached = await cachedBuild(url, { version: GENERATOR_VERSION, scale: String(scale), seed: String(seed) });
  if (!cached) return null;
  await migrate(url, log);
  return { url, name, anchor: cached, builtInSeconds: null, history: null };
}

export async function ensureDatabase(
  server: string,
  { name, scale, seed, rebuild }: { name: string; scale: number; seed: number; rebuild: boolean },
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const url = databaseUrl(server, name);
  const want = { version: GENERATOR_VERSION, scale: String(scale), seed: String(seed) };
  const cached = rebuild ? null : await cachedBuild(url, want);
  if (cached) {
    log(`Reusing ${name} (generator ${GENERATOR_VERSION}, scale ${scale}, built for ${cached.toISOString().slice(0, 10)}).`);
    await migrate(url, log);
    return { url, name, anchor: cached, builtInSeconds: null, history: null };
  }

  const started = performance.now();
  log(`Building ${name} (scale ${scale}, seed ${seed})…`);
  await withClient(server, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  await pointAppAt(url);
  await applyMigrations(connection().adapterFactory);
  const now = new Date();
  const anchor = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  await withClient(url, async (client) => {
    await generate(client, { scale, seed, anchor }, log);
    await client.query(`VACUUM ANALYZE`);
  });

  const history = await writeHistory(url, anchor, log);
  await finishBuild(url, anchor, want, started);
  const builtInSeconds = (performance.now() - started) / 1000;
  log(`Built ${name} in ${builtInSeconds.toFixed(0)} s (history: ${history.rescores} rescores, ${history.seconds.toFixed(0)} s).`);
  log(`Stages: ${(await stageMix(url)).join(", ")}.`);
  return { url, name, anchor, builtInSeconds, history };
}

/** The portfolio's mix of stages (unarchived accounts), e.g. "HEALTHY 41 %". */
export async function stageMix(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ stage: string; share: number; n: number }>(
      `SELECT health_stage::text AS stage, count(*)::int AS n, (100.0 * count(*) / sum(count(*)) OVER ())::float8 AS share
       FROM accounts WHERE archived_at IS NULL GROUP BY health_stage ORDER BY min(CASE health_stage WHEN 'HEALTHY' THEN 0 WHEN 'SNIFFLES' THEN 1 WHEN 'FLU' THEN 2 WHEN 'PNEUMONIA' THEN 3 WHEN 'DEATH_AND_REINCARNATION' THEN 4 ELSE 5 END)`,
    );
    return rows.map((r) => `${r.stage} ${r.n} (${r.share.toFixed(0)} %)`);
  });
}

/** A year of history as the scheduled job writes it, oldest first, ending on the anchor day. */
export async function writeHistory(url: string, anchor: Date, log: (line: string) => void, daysAgo = HISTORY_DAYS_AGO) {
  const started = performance.now();
  const dates = daysAgo.map((days) => new Date(anchor.getTime() - days * DAY));
  await pointAppAt(url);
  for (const [n, date] of dates.entries()) {
    const runStarted = performance.now();
    await rescoreAll(connection().prisma, date, { concurrency: 2 });
    log(`  rescore ${n + 1}/${dates.length} as of ${date.toISOString().slice(0, 10)}: ${((performance.now() - runStarted) / 1000).toFixed(1)} s`);
  }
  await closeDb();
  return { rescores: dates.length, seconds: (performance.now() - started) / 1000 };
}

/** The monthly rollups from the snapshots (as their migration backfills them), VACUUM ANALYZE, and the marker. */
export async function finishBuild(url: string, anchor: Date, want: Record<string, string>, started: number): Promise<void> {
  await withClient(url, async (client) => {
    await client.query(`DELETE FROM account_health_months`);
    await client.query(`INSERT INTO account_health_months (account_id, month, stage, score, computed_at)
      SELECT DISTINCT ON (account_id, date_trunc('month', computed_at))
        account_id, date_trunc('month', computed_at)::date, stage, score, computed_at
      FROM health_snapshots
      ORDER BY account_id, date_trunc('month', computed_at), computed_at DESC, id DESC`);
    await client.query(`VACUUM ANALYZE`);
    await client.query(`CREATE TABLE bench_app_build (version text, scale text, seed text, migrations text, anchor timestamptz, built_seconds float8, built_at timestamptz DEFAULT now())`);
    await client.query(`INSERT INTO bench_app_build VALUES ($1, $2, $3, $4, $5, $6)`, [want.version, want.scale, want.seed, migrationsKey(), anchor, (performance.now() - started) / 1000]);
  });
}
