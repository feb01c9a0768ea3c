// The browser tests' web servers: builds the app once, then serves it twice with `next start`,
// each on a throwaway database (a new PostgreSQL database on the DATABASE_URL server, or a
// temporary PGlite directory): on E2E_PORT with the demo story, and on E2E_PORT + 1 with no data
// but one administrator (a new IT department setting itself up). Removes both databases when
// Playwright stops it. The demo server sends its email to a test SMTP server started here, which
// writes every message it accepts to the spool directory tests/e2e/mail.ts reads; the empty site
// keeps the development mailbox (no SMTP_HOST).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDb, connection } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { seed } from "../../prisma/seed";
import { createUser } from "../../prisma/seed/factories";
import { databaseUrl, withPgClient } from "../support/pg-client";
import { startSmtpServer } from "../support/smtp";
import { ensureBuild } from "../system/app-instances";
import { EMPTY_ADMIN } from "./empty-site";
import { mailSpoolDir } from "./mail";

const port = process.env.E2E_PORT ?? "3100";
const SECRET = randomBytes(32).toString("base64");
/** The server the databases are made on, read once: preparing each database points DATABASE_URL at it. */
const SERVER_URL = process.env.DATABASE_URL;
let databasesMade = 0;

async function createDatabase(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  const serverUrl = SERVER_URL;
  if (serverUrl) {
    const name = `rapport_e2e_${Date.now()}_${process.pid}_${++databasesMade}`;
    await withPgClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    return {
      env: { DATABASE_URL: databaseUrl(serverUrl, name) },
      cleanup: () => withPgClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "rapport-e2e-"));
  return { env: { DATABASE_URL: "", PGLITE_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<void> {
  // The system tests' build, when it is newer than every source file (npm test runs them first).
  if (process.env.E2E_SKIP_BUILD !== "1") ensureBuild();

  // The seed stores the demo's mailbox link hashes, derived from the secret: the servers share it.
  process.env.NEXTAUTH_SECRET = SECRET;
  resetEnvCache();
  // One database at a time: PGlite allows one process, and each server opens its own next.
  const demo = await prepareDatabase((prisma) => seed(prisma, { now: new Date() }).then(() => undefined));
  const empty = await prepareDatabase((prisma) => createUser(prisma, { ...EMPTY_ADMIN, role: "ADMIN" }).then(() => undefined));
  // The demo server's mail server: every accepted message lands in the spool as <time>-<n>.eml.
  const spool = mailSpoolDir();
  rmSync(spool, { recursive: true, force: true });
  mkdirSync(spool, { recursive: true });
  const smtp = await startSmtpServer();
  let received = 0;
  smtp.onMessage = (mail) => writeFileSync(path.join(spool, `${String(Date.now()).padStart(15, "0")}-${String(++received).padStart(6, "0")}.eml`), mail.raw);

  // Playwright waits for the demo server; it starts once the empty one answers, so both are up.
  const emptyPort = String(Number(port) + 1);
  const apps = [serve({ ...empty.env, SMTP_HOST: "", SMTP_PORT: "" }, emptyPort)];
  await waitUntilServing(`http://127.0.0.1:${emptyPort}/login`);
  // WEBHOOKS_ALLOW_PRIVATE_URLS: webhooks.spec subscribes a receiver it runs on 127.0.0.1 (decision 030).
  apps.push(serve({ ...demo.env, SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), WEBHOOKS_ALLOW_PRIVATE_URLS: "true" }, port));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await Promise.all(
      apps.map(async (app) => {
        if (app.exitCode !== null) return;
        app.kill("SIGTERM");
        await new Promise((resolve) => app.once("exit", resolve));
      }),
    );
    for (const database of [demo, empty]) await database.cleanup().catch((error: unknown) => console.error("e2e cleanup failed:", error));
    await smtp.close().catch(() => undefined);
    rmSync(spool, { recursive: true, force: true });
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  for (const app of apps) app.on("exit", (code) => void stop(code ?? 1));
}

async function prepareDatabase(fill: (prisma: ReturnType<typeof connection>["prisma"]) => Promise<void>) {
  const database = await createDatabase();
  Object.assign(process.env, database.env);
  resetEnvCache();
  const db = connection();
  await applyMigrations(db.adapterFactory);
  await fill(db.prisma);
  await closeDb();
  return database;
}

async function waitUntilServing(url: string): Promise<void> {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within 2 minutes`);
}

function serve(env: Record<string, string>, appPort: string) {
  return spawn("npx", ["next", "start", "-p", appPort, "-H", "127.0.0.1"], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
      // Links in emails point at this server.
      PUBLIC_URL: `http://127.0.0.1:${appPort}`,
      NEXTAUTH_SECRET: SECRET,
    },
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
