import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { closeDb, connection } from "../../lib/db/client";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { LINK_MISSES } from "../../lib/http/rate-limit";
import { createUser } from "../../prisma/seed/factories";
import { ensureBuild, type Instance, startInstance } from "./app-instances";
import { freePort } from "./pg-cluster";

// Two production instances of one build on one PostgreSQL database (a throwaway one on the
// DATABASE_URL server), as behind a load balancer: a session made on one works on the other and
// a sign-out on one ends it on both; the rating-link throttle counts misses across both; and each
// scheduled job runs once per slot however many instances run the job system.

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) console.warn("two-instances: skipped, it needs DATABASE_URL (a PostgreSQL server it may create a database on)");

const PASSWORD = "two-instances-2026";
const EMAIL = "cio.two-instances@example.test";
const dbName = `rapport_system_${Date.now()}_${process.pid}`;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Cookies as a browser keeps them for one site (both instances are one site behind the balancer). */
class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = ""] = header.split(";");
      const at = pair.indexOf("=");
      const [name, value] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
      if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  copy(): CookieJar {
    const jar = new CookieJar();
    for (const [name, value] of this.cookies) jar.cookies.set(name, value);
    return jar;
  }
}

async function request(instance: Instance, jar: CookieJar, pathname: string, form?: Record<string, string>): Promise<Response> {
  const response = await fetch(`${instance.url}${pathname}`, {
    method: form ? "POST" : "GET",
    redirect: "manual",
    headers: { cookie: jar.header(), ...(form ? { "content-type": "application/x-www-form-urlencoded", origin: publicUrl } : {}) },
    body: form ? new URLSearchParams(form) : undefined,
  });
  jar.store(response);
  return response;
}

/** next-auth's own sign-in, as its form posts it: a CSRF token, then the credentials callback. */
async function signIn(instance: Instance, jar: CookieJar): Promise<void> {
  const { csrfToken } = (await (await request(instance, jar, "/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request(instance, jar, "/api/auth/callback/credentials", { csrfToken, email: EMAIL, password: PASSWORD, callbackUrl: `${publicUrl}/dashboard`, json: "true" });
  expect(response.status).toBeLessThan(400);
}

async function signOut(instance: Instance, jar: CookieJar): Promise<void> {
  const { csrfToken } = (await (await request(instance, jar, "/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request(instance, jar, "/api/auth/signout", { csrfToken, callbackUrl: `${publicUrl}/login`, json: "true" });
  expect(response.status).toBeLessThan(400);
}

/** An authenticated route handler: 200 for a live session, 401 otherwise. */
const accountsStatus = async (instance: Instance, jar: CookieJar) => (await request(instance, jar, "/api/accounts")).status;

const unknownLink = () => `/r/${randomBytes(32).toString("base64url")}`;

let instances: Instance[] = [];
let publicUrl = "";
let startedAt = 0;

describe.skipIf(!serverUrl)("two app instances on one database", () => {
  beforeAll(async () => {
    const building = performance.now();
    const built = ensureBuild();
    console.info(`two-instances: ${built ? `built in ${Math.round((performance.now() - building) / 1000)} s` : "reused the fresh build"}`);

    await onServer(`CREATE DATABASE ${dbName}`);
    const url = new URL(serverUrl as string);
    url.pathname = `/${dbName}`;
    process.env.DATABASE_URL = url.toString();
    resetEnvCache();
    await applyMigrations(connection().adapterFactory);
    await createUser(connection().prisma, { role: "CIO", email: EMAIL, password: PASSWORD });
    await closeDb();

    // One public address for both, as behind a load balancer (the first's); each also runs the jobs.
    const ports = [await freePort(), await freePort()];
    publicUrl = `http://127.0.0.1:${ports[0]}`;
    const env = { DATABASE_URL: url.toString(), NEXTAUTH_SECRET: randomBytes(32).toString("base64"), NEXTAUTH_URL: publicUrl, PUBLIC_URL: publicUrl, SMTP_HOST: "", RAPPORT_JOBS: "on" };
    for (const port of ports) instances.push(await startInstance(env, port));
    startedAt = Date.now();
  });

  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    instances = [];
    await closeDb().catch(() => undefined);
    await onServer(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch((error: unknown) => console.error("two-instances cleanup:", error));
    process.env.DATABASE_URL = serverUrl;
    resetEnvCache();
  });

  test("a session made on one instance works on the other, and signing out on either ends it on both", async () => {
    const [one, two] = instances as [Instance, Instance];
    const browser = new CookieJar();
    expect(await accountsStatus(two, browser)).toBe(401);
    await signIn(one, browser);
    expect(await accountsStatus(one, browser)).toBe(200);
    expect(await accountsStatus(two, browser)).toBe(200);

    // A copy of the cookie, as an attacker who stole it would keep it after the user signs out.
    const stolen = browser.copy();
    await signOut(two, browser);
    expect(await accountsStatus(two, stolen)).toBe(401);
    expect(await accountsStatus(one, stolen)).toBe(401);
  });

  test("rating-link misses on one instance count on the other", async () => {
    const [one, two] = instances as [Instance, Instance];
    const jar = new CookieJar();
    // One miss on the second, then all but one of the allowance on the first...
    expect(await (await request(two, jar, unknownLink())).text()).toContain("This link does not work");
    for (let miss = 1; miss < LINK_MISSES.points - 1; miss++) {
      expect(await (await request(one, jar, unknownLink())).text()).toContain("This link does not work");
    }
    // ...and the last allowed one on the second: it has now seen two misses, the database all of them.
    expect(await (await request(two, jar, unknownLink())).text()).toContain("This link does not work");
    expect(await (await request(two, jar, unknownLink())).text()).toContain("Too many attempts");
    expect(await (await request(one, jar, unknownLink())).text()).toContain("Too many attempts");
  });

  test("each scheduled job runs once per slot with both instances running jobs", async () => {
    // Both instances started their job system (pg-boss, on PostgreSQL).
    for (const instance of instances) expect(instance.output()).toMatch(/\[jobs\] started \(pg-boss\)/);

    // deliver-emails is due every minute: watch the minute both came up in and the next whole one,
    // plus time for its run (pg-boss looks at schedules every 30 s, at its queue every few). The
    // minute they came up in may have no run: an instance's first look comes before it has written
    // the schedules, the next 30 s later.
    const minute = 60_000;
    const firstSlot = Math.floor(startedAt / minute) * minute;
    await sleep(Math.max(0, firstSlot + 2 * minute + 10_000 - Date.now()));
    // Stopped (a running job finishes first), so the log and the queue are final.
    await Promise.all(instances.map((instance) => instance.stop()));

    const runs = new Map<string, number>();
    for (const instance of instances) {
      for (const [, name] of instance.output().matchAll(/\[jobs\] ([\w-]+) \(as of \S+\) done/g)) runs.set(name as string, (runs.get(name as string) ?? 0) + 1);
    }
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      // A due schedule goes through pg-boss's send-it queue, keyed by schedule and minute (singleton_on):
      // one per slot, whichever instance saw it due.
      const { rows: slots } = await client.query<{ slot: string; jobs: number }>(`
        SELECT to_char(singleton_on, 'YYYY-MM-DD"T"HH24:MI') AS slot, count(*)::int AS jobs
        FROM (SELECT singleton_on, data FROM pgboss.job WHERE name = '__pgboss__send-it'
              UNION ALL SELECT singleton_on, data FROM pgboss.archive WHERE name = '__pgboss__send-it') AS sent
        WHERE data->>'name' = 'deliver-emails'
        GROUP BY 1 ORDER BY 1`);
      // The whole minute watched ran exactly once; no minute (the one they came up in included) twice.
      const whole = new Date(firstSlot + minute).toISOString().slice(0, 16);
      expect(slots.filter((row) => row.slot === whole), JSON.stringify(slots)).toEqual([{ slot: whole, jobs: 1 }]);
      expect(slots.filter((row) => row.jobs !== 1)).toEqual([]);

      // Each job that completed ran once, on one instance, never retried; nothing ran outside the queue.
      const { rows: done } = await client.query<{ name: string; jobs: number; retried: number }>(`
        SELECT name, count(*)::int AS jobs, count(*) FILTER (WHERE retry_count > 0)::int AS retried
        FROM (SELECT name, retry_count FROM pgboss.job WHERE state = 'completed' UNION ALL SELECT name, retry_count FROM pgboss.archive WHERE state = 'completed') AS jobs
        WHERE name NOT LIKE '\\_\\_pgboss%' GROUP BY 1 ORDER BY 1`);
      expect(Object.fromEntries(done.map((row) => [row.name, row.jobs]))).toEqual(Object.fromEntries(runs));
      expect(done.filter((row) => row.retried > 0)).toEqual([]);
      expect(runs.get("deliver-emails")).toBeGreaterThanOrEqual(1);
    } finally {
      await client.end();
    }
  });
});
