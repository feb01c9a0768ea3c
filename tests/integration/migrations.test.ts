import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, diffSchema } from "../../lib/db/migrate";

// Proves that applying every migration in prisma/migrations yields exactly the schema described by
// prisma/schema.prisma, on PGlite always and on PostgreSQL when DATABASE_URL names a server (in
// throwaway databases created there and dropped afterwards). Three independent checks:
//  1. Prisma's engine replays the migrations on a shadow database and diffs it against the
//     datamodel: nothing to do (this is what `npm run db:migration:new` relies on).
//  2. The catalog (tables, columns with types/nullability/defaults, enums, indexes, constraints,
//     sequences) of a database built by the migrations equals that of a database built straight
//     from the datamodel (the engine's empty → datamodel SQL), on each backend.
//  3. PGlite only: the engine introspects the migrated database and finds no difference with the
//     datamodel. (Introspection through adapter-pg fails inside Prisma: "Column type 'char' could
//     not be deserialized", so on PostgreSQL check 2 carries the proof.)
// The "can fail" tests alter a copy of schema.prisma in memory and expect every check to notice.

const schemaText = readFileSync(DEFAULT_SCHEMA_PATH, "utf8");
const datamodel = (schema: string) => ({ kind: "datamodel" as const, schema });
const migrationNames = readdirSync(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

interface TestDatabase {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  query<T>(sql: string): Promise<T[]>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

function openPgliteDatabase(): Promise<TestDatabase> {
  const db = new PGlite();
  return Promise.resolve({
    adapterFactory: new PrismaPGlite(db),
    query: async <T>(sql: string) => (await db.query<T>(sql)).rows,
    exec: async (sql) => void (await db.exec(sql)),
    close: () => db.close(),
  });
}

async function openPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL as string;
  const name = `rapport_migtest_${Date.now()}_${randomUUID().slice(0, 8)}`;
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
    exec: async (sql) => void (await pool.query(sql)),
    close: async () => {
      await pool.end();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

type Catalog = Record<"tables" | "columns" | "enums" | "indexes" | "constraints" | "sequences", string[]>;

/**
 * Everything Prisma's datamodel can express about the public schema, as sorted lines. Column order
 * and enum label order are left out on purpose: Prisma appends columns and enum values in
 * migrations (ALTER TABLE ADD COLUMN, ALTER TYPE ADD VALUE) and treats the order as no difference.
 */
async function catalog(db: TestDatabase): Promise<Catalog> {
  const lines = async (sql: string) => (await db.query<{ line: string }>(sql)).map((row) => row.line).sort();
  const inPublic = `n.nspname = 'public' AND c.relname <> '_prisma_migrations'`;
  return {
    tables: await lines(`
      SELECT c.relname || ' ' || c.relkind::text AS line FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${inPublic} AND c.relkind IN ('r', 'p', 'v', 'm', 'f')`),
    columns: await lines(`
      SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
        || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
        || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
        || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
        || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ' || a.attgenerated::text ELSE '' END
        || COALESCE(' COLLATE ' || NULLIF(a.attcollation, 0)::regcollation::text, '') AS line
      FROM pg_attribute a
      JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE ${inPublic} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped`),
    enums: await lines(`
      SELECT t.typname || ' {' || string_agg(e.enumlabel, ', ' ORDER BY e.enumlabel) || '}' AS line
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid
      WHERE n.nspname = 'public' GROUP BY t.typname`),
    indexes: await lines(`
      SELECT pg_get_indexdef(i.indexrelid) AS line FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${inPublic}`),
    constraints: await lines(`
      SELECT c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
        || CASE WHEN con.condeferrable THEN ' DEFERRABLE' ELSE '' END AS line
      FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${inPublic}`),
    sequences: await lines(`
      SELECT c.relname || ' ' || s.seqtypid::regtype::text || ' ' || s.seqstart || ' ' || s.seqincrement AS line
      FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public'`),
  };
}

/** Alterations of a copy of schema.prisma, each expected to show up in one catalog section. */
const alterations: { name: string; section: keyof Catalog; alter: (schema: string) => string }[] = [
  {
    name: "an extra column",
    section: "columns",
    alter: (s) => s.replace(/^(model \w+ \{\n)/m, `$1  probeColumn String? @map("probe_column")\n`),
  },
  { name: "a nullable column made required", section: "columns", alter: (s) => s.replace(/^(\s+\w+\s+DateTime)\?/m, "$1") },
  { name: "a removed default", section: "columns", alter: (s) => s.replace(/ @default\(now\(\)\)/, "") },
  { name: "a missing index", section: "indexes", alter: (s) => s.replace(/^\s+@@index\(.*\)\n/m, "") },
  { name: "an extra enum value", section: "enums", alter: (s) => s.replace(/^(enum \w+ \{\n)/m, "$1  PROBE_VALUE\n") },
  {
    name: "a changed foreign-key action",
    section: "constraints",
    alter: (s) => s.replace("onDelete: Cascade", "onDelete: Restrict"),
  },
];

it("the engine replays the migrations and finds schema.prisma fully migrated", async () => {
  expect(migrationNames.length).toBeGreaterThan(0);
  expect(await diffSchema({ kind: "migrations" }, datamodel(schemaText))).toBe("");
});

it("…and notices when schema.prisma has changed (the check can fail)", async () => {
  const altered = alterations[0]!.alter(schemaText);
  expect(await diffSchema({ kind: "migrations" }, datamodel(altered))).toMatch(/ADD COLUMN\s+"probe_column"/);
});

const backends = [
  { name: "pglite", open: openPgliteDatabase, canIntrospect: true },
  ...(process.env.DATABASE_URL ? [{ name: "postgres", open: openPostgresDatabase, canIntrospect: false }] : []),
];

describe.each(backends)("on $name", ({ open, canIntrospect }) => {
  /** The catalog of a database built straight from a datamodel, without the migrations. */
  const catalogOfDatamodel = async (schema: string) => {
    const db = await open();
    try {
      await db.exec(await diffSchema({ kind: "empty" }, datamodel(schema), { adapterFactory: db.adapterFactory }));
      return await catalog(db);
    } finally {
      await db.close();
    }
  };

  let migrated: TestDatabase;
  let applied: string[];
  let migratedCatalog: Catalog;

  beforeAll(async () => {
    migrated = await open();
    applied = await applyMigrations(migrated.adapterFactory);
    migratedCatalog = await catalog(migrated);
  });

  afterAll(async () => {
    await migrated?.close();
  });

  it("applies every migration once and records it like `prisma migrate deploy`", async () => {
    expect(applied).toEqual(migrationNames);
    const rows = await migrated.query<{ migration_name: string; checksum: string; ok: boolean }>(`
      SELECT migration_name, checksum,
             finished_at IS NOT NULL AND rolled_back_at IS NULL AND applied_steps_count = 1 AS ok
      FROM _prisma_migrations ORDER BY migration_name`);
    expect(rows).toEqual(
      migrationNames.map((name) => ({
        migration_name: name,
        // The CLI's checksum: SHA-256 of the migration.sql bytes.
        checksum: createHash("sha256")
          .update(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, name, "migration.sql")))
          .digest("hex"),
        ok: true,
      })),
    );
    expect(await applyMigrations(migrated.adapterFactory)).toEqual([]);
  });

  it("builds exactly the catalog that schema.prisma describes", async () => {
    expect(migratedCatalog.tables.length).toBeGreaterThan(0);
    const reference = await catalogOfDatamodel(schemaText);
    expect(migratedCatalog).toEqual(reference);
  });

  it.runIf(canIntrospect)("leaves nothing for Prisma's engine to change (introspection diff is empty)", async () => {
    expect(await diffSchema({ kind: "database", adapterFactory: migrated.adapterFactory }, datamodel(schemaText))).toBe("");
  });

  describe("can fail: a copy of schema.prisma altered in memory is told apart", () => {
    it.each(alterations)("$name", async ({ alter, section }) => {
      const altered = alter(schemaText);
      expect(altered, "the alteration no longer matches schema.prisma: update it").not.toBe(schemaText);
      const reference = await catalogOfDatamodel(altered);
      expect(reference[section]).not.toEqual(migratedCatalog[section]);
      expect(reference).not.toEqual(migratedCatalog);
      if (canIntrospect) {
        const sql = await diffSchema({ kind: "database", adapterFactory: migrated.adapterFactory }, datamodel(altered));
        expect(sql).not.toBe("");
      }
    });
  });
});
