import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, MIGRATION_LOCK_CONTENT } from "../../lib/db/migrate";

// The schema engine runs each migration file as one script on both databases: a function body
// may hold ordinary `;`s between `$$`s, a file that fails part-way applies nothing and is
// reported, and the existing migrations (their `\073` E-strings) build the same database as the
// statement-by-statement way adapter-pg used before. Throwaway databases: in-memory PGlite, and a
// new PostgreSQL database when DATABASE_URL names a server.

interface Db {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

function pgliteDb(): Db {
  const db = new PGlite();
  return { adapterFactory: new PrismaPGlite(db), query: async <T>(sql: string) => (await db.query<T>(sql)).rows, close: () => db.close() };
}

async function postgresDb(): Promise<Db> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `rapport_engine_${Date.now()}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  return {
    adapterFactory: new PrismaPg({ connectionString: url.toString() }),
    query: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    close: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

const open: Db[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.allSettled(open.splice(0).map((db) => db.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A migrations directory holding `files` (name → SQL) in order. */
function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-engine-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "migration_lock.toml"), MIGRATION_LOCK_CONTENT);
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

const TRIGGER_MIGRATION = `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL, "length" INTEGER);

CREATE FUNCTION note_length() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."length" := char_length(NEW."body");
  RETURN NEW;
END
$$;

CREATE TRIGGER note_length BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION note_length();
`;

const backends: [string, () => Promise<Db> | Db][] = [["PGlite", pgliteDb]];
if (process.env.DATABASE_URL) backends.push(["PostgreSQL", postgresDb]);

describe.each(backends)("migrations on %s", (_name, openDb) => {
  const fresh = async () => {
    const db = await openDb();
    open.push(db);
    return db;
  };

  it("applies a function body with ordinary semicolons between $$", async () => {
    const db = await fresh();
    const dir = migrationsDir({ "20260101000000_notes": TRIGGER_MIGRATION });
    expect(await applyMigrations(db.adapterFactory, dir)).toEqual(["20260101000000_notes"]);
    await db.query(`INSERT INTO "Note" ("body") VALUES ('four')`);
    expect(await db.query(`SELECT "length" FROM "Note"`)).toEqual([{ length: 4 }]);
  });

  it("applies nothing of a file that fails part-way, and says so", async () => {
    const db = await fresh();
    const dir = migrationsDir({
      "20260101000000_half": `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "NoSuchTable";\n`,
    });
    await expect(applyMigrations(db.adapterFactory, dir)).rejects.toThrow(/NoSuchTable/);
    expect(await db.query(`SELECT to_regclass('"Half"')::text AS "table"`)).toEqual([{ table: null }]);
  });
});

/** Functions, triggers and the catalog's other lines, sorted: what a migration's SQL built. */
async function definitions(db: Db): Promise<string[]> {
  const rows = await db.query<{ line: string }>(`
    SELECT 'function ' || p.proname || ': ' || pg_get_functiondef(p.oid) AS line
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
    UNION ALL SELECT 'trigger ' || pg_get_triggerdef(t.oid) FROM pg_trigger t
      JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    UNION ALL SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
    UNION ALL SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
      JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND conrelid::regclass::text <> '_prisma_migrations'`);
  return rows.map((row) => row.line).sort();
}

describe.skipIf(!process.env.DATABASE_URL)("the existing migrations on PostgreSQL", () => {
  it("build the same database as the statement-by-statement way, with the same checksums recorded", async () => {
    const [whole, split] = [await postgresDb(), await postgresDb()];
    open.push(whole, split);
    await applyMigrations(whole.adapterFactory);
    // What adapter-pg's own executeScript did: every `;` ends a statement (comment lines holding a
    // `;` dropped first: it would end one too, which the newest migrations' comments could not
    // survive, one more thing the whole-script way mends).
    const names = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    for (const name of names) {
      const sql = readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql"), "utf8").replace(/^\s*--.*;.*$/gm, "");
      for (const statement of sql.split(";").map((s) => s.trim()).filter(Boolean)) await split.query(statement);
    }
    expect(await definitions(whole)).toEqual(await definitions(split));
    // A database migrated before this change holds the same checksums: nothing is applied again.
    const recorded = await whole.query<{ migration_name: string }>(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`);
    expect(recorded.map((row) => row.migration_name)).toEqual(names);
    expect(await applyMigrations(whole.adapterFactory)).toEqual([]);
  }, 120_000);
});
