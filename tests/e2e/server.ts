// The browser tests' web server: builds the app, prepares a throwaway database with the demo
// story (a new PostgreSQL database on the DATABASE_URL server, or a temporary PGlite directory),
// serves it with `next start`, and removes the database when Playwright stops it.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { closeDb, connection } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { seed } from "../../prisma/seed";

const port = process.env.E2E_PORT ?? "3100";

async function withServerClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `rapport_e2e_${Date.now()}_${process.pid}`;
    await withServerClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.toString() },
      cleanup: () => withServerClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-e2e-"));
  return { env: { DATABASE_URL: "", PGLITE_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const database = await createDatabase();
  Object.assign(process.env, database.env);
  resetEnvCache();
  const db = connection();
  await applyMigrations(db.adapterFactory);
  await seed(db.prisma, { now: new Date() });
  await closeDb(); // PGlite allows one process: the server opens it next.

  const app = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...database.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await database.cleanup().catch((error: unknown) => console.error("e2e cleanup failed:", error));
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  app.on("exit", (code) => void stop(code ?? 1));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
