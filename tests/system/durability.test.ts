import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { FormState } from "../../lib/actions/form-action";
import type { Actor } from "../../lib/data/permissions";
import { closeDb, connection, db } from "../../lib/db/client";
import { RETRY_AFTER_SECONDS } from "../../lib/db/errors";
import { applyMigrations } from "../../lib/db/migrate";
import { resetEnvCache } from "../../lib/env";
import { createAccount, createUser } from "../../prisma/seed/factories";
import { actorOf } from "../integration/world";
import { type Cluster, clusterAvailable, createCluster } from "./pg-cluster";

// Durability under crashes, on a PostgreSQL cluster of this test's own (fsync on): clients rate
// through the rating form's real server action, several at once, each retrying a failed
// submission with the same form (so the same idempotency key), while the cluster is killed twice
// (`pg_ctl stop -m immediate`) and restarted. Afterwards every rating whose submission was
// acknowledged (the action redirected to the account page) is stored exactly once, and nothing
// else is. While the database is down, the form answers the retryable message (never the generic
// failure), a route handler answers 503 with Retry-After, and the health endpoint says 503.

// The signed-in client is faked per worker (each submission runs as its own client), like the
// request's cookies; everything below the session runs for real.
const signedIn = await vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  return new AsyncLocalStorage<Actor>();
});
vi.mock("../../lib/auth/current-actor", async () => {
  const { UnauthenticatedError } = await import("../../lib/data/errors");
  const current = async () => signedIn.getStore() ?? null;
  return {
    currentActor: current,
    requireActor: async () => (await current()) ?? Promise.reject(new UnauthenticatedError()),
    requireActorOrRedirect: current,
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: () => undefined, get: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

const WORKERS = 8;
/** Acknowledged ratings to wait for between crashes, so each crash lands under load. */
const BETWEEN_CRASHES = 15;

if (!clusterAvailable) console.warn("durability: skipped, it needs the PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin, or set PG_BIN_DIR)");

const { submitRatingAction } = await import("../../app/(app)/accounts/[id]/rate/actions");
const { UNAVAILABLE_FAILURE } = await import("../../lib/actions/form-action");
const ratingsRoute = await import("../../app/api/accounts/[id]/ratings/route");
const healthRoute = await import("../../app/api/health/route");

let cluster: Cluster | undefined;
const clients: Actor[] = [];

interface Tally {
  acknowledged: string[];
  /** Retryable answers seen (the database was down or restarting). */
  unavailable: number;
  /** Anything else: a generic failure or a thrown error. The test fails on any. */
  unexpected: string[];
}

function ratingForm(accountId: string, key: string, n: number): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries({ accountId, overall: String(1 + (n % 5)), recommend: String(n % 11), comment: `durability ${n}`, idempotencyKey: key })) {
    data.append(name, value);
  }
  return data;
}

/** One client rating over and over; each rating is retried, as the same form, until it is acknowledged. */
async function worker(client: Actor, tally: Tally, running: () => boolean): Promise<void> {
  for (let n = 0; running(); n++) {
    const key = crypto.randomUUID();
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await signedIn.run(client, () => submit(ratingForm(client.accountId as string, key, n)));
      if (answer === "redirected") {
        tally.acknowledged.push(key);
        break;
      }
      if (answer.error?.[""]?.[0] !== UNAVAILABLE_FAILURE) {
        tally.unexpected.push(JSON.stringify(answer.error));
        return;
      }
      tally.unavailable++;
      if (Date.now() > deadline) {
        tally.unexpected.push(`rating ${key} not stored within 60 s`);
        return;
      }
      await sleep(100);
    }
  }
}

/** The action as Next runs it: a redirect (to the account page, after storing) is thrown. */
async function submit(data: FormData): Promise<FormState | "redirected"> {
  try {
    return await submitRatingAction(undefined, data);
  } catch (error) {
    if (String((error as { digest?: unknown }).digest ?? "").startsWith("NEXT_REDIRECT")) return "redirected";
    return { status: "error", error: { "": [`thrown: ${String(error)}`] } };
  }
}

async function untilAcknowledged(tally: Tally, count: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (tally.acknowledged.length < count && tally.unexpected.length === 0) {
    if (Date.now() > deadline) throw new Error(`only ${tally.acknowledged.length} of ${count} ratings acknowledged within 2 minutes`);
    await sleep(50);
  }
}

/** While the cluster is down: what the load balancer and an API client see. */
async function expectOutageAnswers(client: Actor): Promise<void> {
  const health = await healthRoute.GET(new Request("http://rapport.test/api/health"));
  expect(health.status).toBe(503);
  expect(health.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  expect(await health.json()).toEqual({ status: "unavailable" });

  const request = new Request(`http://rapport.test/api/accounts/${client.accountId}/ratings`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ overall: 4, recommend: 8, idempotencyKey: crypto.randomUUID() }),
  });
  const route = await signedIn.run(client, () => ratingsRoute.POST(request, { params: Promise.resolve({ id: client.accountId as string }) }));
  expect(route.status).toBe(503);
  expect(route.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  const body = await route.text();
  // Nothing about the database: no address, port, driver or error code.
  expect(body).not.toMatch(/127\.0\.0\.1|\bport\b|prisma|postgres|P\d{4}|ECONN/i);
}

describe.skipIf(!clusterAvailable)("durability", () => {
  beforeAll(async () => {
    cluster = await createCluster();
    cluster.start();
    process.env.DATABASE_URL = cluster.url;
    resetEnvCache();
    await applyMigrations(connection().adapterFactory);
    const prisma = db();
    const rm = await createUser(prisma, { role: "RELATIONSHIP_MANAGER" });
    for (let i = 0; i < WORKERS / 2; i++) {
      const account = await createAccount(prisma, { relationshipManagerId: rm.id });
      for (let j = 0; j < 2; j++) clients.push(actorOf(await createUser(prisma, { role: "CLIENT", accountId: account.id })));
    }
  });

  afterAll(async () => {
    await closeDb().catch(() => undefined);
    cluster?.remove();
    delete process.env.DATABASE_URL;
    resetEnvCache();
  });

  test("two crashes under load: no acknowledged rating lost or duplicated; 503 with Retry-After while down", async () => {
    const started = performance.now();
    const tally: Tally = { acknowledged: [], unavailable: 0, unexpected: [] };
    let running = true;
    const workers = clients.map((client) => worker(client, tally, () => running));
    try {
      const health = await healthRoute.GET(new Request("http://rapport.test/api/health"));
      expect([health.status, await health.json()]).toEqual([200, { status: "ok" }]);

      for (let crash = 1; crash <= 2; crash++) {
        await untilAcknowledged(tally, crash * BETWEEN_CRASHES);
        const before = tally.unavailable;
        cluster?.crash();
        await expectOutageAnswers(clients[0] as Actor);
        // Down long enough for every worker to be refused at least once.
        while (tally.unavailable < before + WORKERS && tally.unexpected.length === 0) await sleep(50);
        cluster?.start();
      }
      await untilAcknowledged(tally, 3 * BETWEEN_CRASHES);
    } finally {
      running = false;
      await Promise.all(workers);
    }
    expect(tally.unexpected).toEqual([]);
    expect(tally.unavailable).toBeGreaterThanOrEqual(2 * WORKERS);

    const stored = await db().rating.groupBy({ by: ["idempotencyKey"], _count: { _all: true } });
    const counts = new Map(stored.map((row) => [row.idempotencyKey, row._count._all]));
    const lost = tally.acknowledged.filter((key) => !counts.has(key));
    const duplicated = stored.filter((row) => row._count._all > 1);
    const unacknowledged = stored.filter((row) => !tally.acknowledged.includes(row.idempotencyKey));
    expect({ lost, duplicated, unacknowledged }).toEqual({ lost: [], duplicated: [], unacknowledged: [] });
    expect(new Set(tally.acknowledged).size).toBe(tally.acknowledged.length);
    // Each stored rating came with its audit entry: a rating's transaction lands whole or not at all.
    expect(await db().auditEvent.count({ where: { action: "rating.created" } })).toBe(tally.acknowledged.length);

    const health = await healthRoute.GET(new Request("http://rapport.test/api/health"));
    expect(health.status).toBe(200);
    console.info(
      `durability: ${tally.acknowledged.length} ratings acknowledged by ${WORKERS} clients across 2 crashes, ` +
        `${tally.unavailable} retryable answers, ${Math.round(performance.now() - started)} ms`,
    );
  });
});
