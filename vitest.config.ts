import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const onPostgres = Boolean(process.env.DATABASE_URL);

// Data-layer tests run on PGlite always, and on PostgreSQL too when DATABASE_URL names a server
// (each run creates and drops its own throwaway database there).
const dataLayer = (name: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name: `db-${name}`,
    include: ["tests/integration/**/*.test.ts"],
    exclude: ["tests/integration/migrations.test.ts"],
    env: { RAPPORT_TEST_DB: name },
    setupFiles: ["tests/setup/database.ts"],
    globalSetup: name === "postgres" ? ["tests/setup/postgres-database.ts"] : [],
    // One database per worker: in memory on PGlite, copied from a migrated template on PostgreSQL.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // The real package throws outside React Server Components; the data layer is tested directly.
      "server-only": path.join(root, "tests/setup/server-only.ts"),
    },
  },
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core CI machine,
    // which left a core idle while the PostgreSQL server waited on it.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "tests/cli/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      {
        extends: true,
        test: { name: "migrations", include: ["tests/integration/migrations.test.ts"], testTimeout: 120_000, hookTimeout: 120_000 },
      },
      dataLayer("pglite"),
      ...(onPostgres ? [dataLayer("postgres")] : []),
      // Whole-system suites: their own PostgreSQL cluster (crashed on purpose), two app instances.
      {
        extends: true,
        test: { name: "system", include: ["tests/system/**/*.test.ts"], fileParallelism: false, testTimeout: 600_000, hookTimeout: 600_000 },
      },
    ],
  },
});
