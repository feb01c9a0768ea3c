import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { closeDb, connection, db } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { workerDatabaseUrl } from "./postgres-database";

// Points lib/db/client at this worker's database before any test module touches it.
if (process.env.RAPPORT_TEST_DB === "postgres") {
  process.env.DATABASE_URL = await workerDatabaseUrl(inject("testDatabase"));
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = "memory://";
}
resetEnvCache();

beforeAll(async () => {
  // PostgreSQL was migrated once in global setup; each PGlite is new and in memory.
  if (connection().kind === "pglite") await applyMigrations(connection().adapterFactory);
});

/** Every test starts from empty tables. */
beforeEach(async () => {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length > 0) {
    await db().$executeRawUnsafe(`TRUNCATE TABLE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
  }
});

afterAll(async () => {
  await closeDb();
});
