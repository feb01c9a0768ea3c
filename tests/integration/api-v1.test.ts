import { beforeEach, describe, expect, it } from "vitest";
import { revokeApiToken } from "../../lib/data/api-tokens";
import { db } from "../../lib/db/client";
import { API_LIMITS, apiLimiters, tokenLimitKey } from "../../lib/api/v1/limits";
import { api, callApi, tokenFor } from "../support/api/client";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";

// The /api/v1 framework on the real database: tokens (hash only, scopes, revoked, expired, a
// deactivated user), error bodies, cursor pagination, idempotency keys and the rate limit.

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

const errorOf = (body: unknown) => (body as { error: { code: string; message: string; fieldErrors?: Record<string, string[]> } }).error;

describe("API tokens", () => {
  it("stores only the hash of the secret, which starts with rpt_", async () => {
    const token = await tokenFor(world.admin);
    expect(token.secret).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(JSON.stringify(row)).not.toContain(token.secret);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db().auditEvent.findMany({ where: { entityType: "ApiToken", entityId: token.id } });
    expect(audit.map((event) => event.action)).toEqual(["apiToken.created"]);
  });

  it("answers 401 without a token, with a cookie only, with an unknown, revoked or expired token, and for a deactivated user", async () => {
    const live = await tokenFor(world.actors.rmA!);
    expect((await api("GET", "/accounts", { token: live.secret })).status).toBe(200);
    const revoked = await tokenFor(world.actors.rmA!);
    await revokeApiToken(world.actors.rmA!, revoked.id);
    const expired = await tokenFor(world.actors.rmA!, { expiresInDays: 7, now: new Date(Date.now() - 8 * 86_400_000) });
    const deactivated = await tokenFor(world.actors.cio!);
    await db().user.update({ where: { id: world.users.cio.id }, data: { deactivatedAt: new Date() } });
    for (const call of [{}, { headers: { cookie: "next-auth.session-token=anything" } }, { token: "rpt_unknown" }, { token: revoked.secret }, { token: expired.secret }, { token: deactivated.secret }]) {
      const { status, body, headers } = await api("GET", "/accounts", call);
      expect(status).toBe(401);
      expect(errorOf(body).code).toBe("unauthenticated");
      expect(headers.get("www-authenticate")).toContain("Bearer");
    }
    const audit = await db().auditEvent.findMany({ where: { entityType: "ApiToken", entityId: revoked.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toEqual(["apiToken.created", "apiToken.revoked"]);
  });

  it("records when a token was last used", async () => {
    const token = await tokenFor(world.admin);
    await api("GET", "/accounts", { token: token.secret });
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("refuses a write with a read-only token (403 insufficient_scope) and writes nothing", async () => {
    const token = await tokenFor(world.admin, { scope: "READ" });
    const { status, body } = await api("POST", "/accounts", { token: token.secret, body: { name: "Read Only Unit", criticality: "LOW" } });
    expect(status).toBe(403);
    expect(errorOf(body).code).toBe("insufficient_scope");
    expect(await db().account.count({ where: { name: "Read Only Unit" } })).toBe(0);
  });
});

describe("error bodies", () => {
  it("names the code, the message and the fields at fault, never a stack", async () => {
    const token = await tokenFor(world.admin);
    const cases: [string, string, Parameters<typeof api>[2], number, string][] = [
      ["GET", "/nowhere", {}, 404, "not_found"],
      ["DELETE", "/accounts", {}, 405, "method_not_allowed"],
      ["GET", "/accounts/not-an-id!", {}, 404, "not_found"],
      ["GET", `/accounts/${"z".repeat(25)}`, {}, 404, "not_found"],
      ["GET", "/accounts?limit=0", {}, 400, "invalid_request"],
      ["GET", "/accounts?cursor=garbage", {}, 400, "invalid_request"],
      ["POST", "/accounts", { body: "name=x", headers: { "content-type": "text/plain" } }, 415, "unsupported_media_type"],
      ["POST", "/accounts", { body: "{not json" }, 400, "invalid_request"],
      ["POST", "/accounts", { body: { name: "", criticality: "SEVERE" } }, 422, "validation_failed"],
      ["POST", "/accounts", { body: { name: world.a.name, criticality: "LOW" } }, 409, "conflict"],
    ];
    for (const [method, path, call, status, code] of cases) {
      const response = await api(method, path, { ...call, token: token.secret });
      expect({ path, method, status: response.status, code: errorOf(response.body).code }).toEqual({ path, method, status, code });
      expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts|prisma|SELECT/i);
    }
    const invalid = await api("POST", "/accounts", { token: token.secret, body: { name: "", criticality: "SEVERE" } });
    expect(Object.keys(errorOf(invalid.body).fieldErrors ?? {}).sort()).toEqual(["criticality", "name"]);
  });

  it("answers 403 when the data layer refuses the user's role, 404 for a unit they may not open", async () => {
    const rm = await tokenFor(world.actors.rmA!);
    const refused = await api("POST", "/accounts", { token: rm.secret, body: { name: "Not Mine To Make", criticality: "LOW" } });
    expect(refused.status).toBe(403);
    expect(errorOf(refused.body).code).toBe("forbidden");
    const clientB = await tokenFor(world.actors.clientB!);
    expect((await api("GET", `/accounts/${world.a.id}`, { token: clientB.secret })).status).toBe(404);
  });
});

describe("cursor pagination", () => {
  it("walks every unit once, in creation order, page by page", async () => {
    const token = await tokenFor(world.admin);
    for (let i = 0; i < 5; i++) await api("POST", "/accounts", { token: token.secret, body: { name: `Paged Unit ${i}`, criticality: "LOW" } });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : "?limit=2";
      const { status, body } = await api<{ data: { id: string }[]; nextCursor: string | null }>("GET", `/accounts${query}`, { token: token.secret });
      expect(status).toBe(200);
      expect(body.data.length).toBeLessThanOrEqual(2);
      seen.push(...body.data.map((row) => row.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    const all = await db().account.findMany({ where: { archivedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(seen).toEqual(all.map((row) => row.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("filters by since and until", async () => {
    const token = await tokenFor(world.admin);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const { body } = await api<{ data: unknown[] }>("GET", `/accounts?since=${future}`, { token: token.secret });
    expect(body.data).toEqual([]);
    const { body: before } = await api<{ data: unknown[] }>("GET", `/accounts?until=${future}`, { token: token.secret });
    expect(before.data.length).toBe(2);
  });
});

describe("idempotency keys", () => {
  it("replays the first answer for the same key and body, creating once", async () => {
    const token = await tokenFor(world.admin);
    const call = { token: token.secret, body: { name: "Once Only", criticality: "LOW" }, headers: { "idempotency-key": "key-1" } };
    const first = await api("POST", "/accounts", call);
    const second = await api("POST", "/accounts", call);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db().account.count({ where: { name: "Once Only" } })).toBe(1);
    // The same key with another body: refused, nothing created.
    const reused = await api("POST", "/accounts", { ...call, body: { name: "Twice Over", criticality: "LOW" } });
    expect(reused.status).toBe(422);
    expect(errorOf(reused.body).code).toBe("idempotency_key_reused");
    expect(await db().account.count({ where: { name: "Twice Over" } })).toBe(0);
    // Another token's same key is its own.
    const other = await tokenFor(world.actors.cio!);
    expect((await api("POST", "/accounts", { ...call, token: other.secret, body: { name: "Other Token", criticality: "LOW" } })).status).toBe(201);
  });

  it("releases the key when the create fails, so a corrected retry with it works", async () => {
    const token = await tokenFor(world.admin);
    const headers = { "idempotency-key": "retry-me" };
    expect((await api("POST", "/accounts", { token: token.secret, headers, body: { name: world.a.name, criticality: "LOW" } })).status).toBe(409);
    expect((await api("POST", "/accounts", { token: token.secret, headers, body: { name: "Corrected Name", criticality: "LOW" } })).status).toBe(201);
  });

  it("creates once when two requests race with one key", async () => {
    const token = await tokenFor(world.admin);
    const call = { token: token.secret, body: { name: "Raced Unit", criticality: "LOW" }, headers: { "idempotency-key": "race" } };
    const answers = await Promise.all([api("POST", "/accounts", call), api("POST", "/accounts", call), api("POST", "/accounts", call)]);
    expect(answers.map((answer) => answer.status).every((status) => status === 201 || status === 409)).toBe(true);
    expect(await db().account.count({ where: { name: "Raced Unit" } })).toBe(1);
  });

  it("refuses a malformed key", async () => {
    const token = await tokenFor(world.admin);
    const { status } = await api("POST", "/accounts", { token: token.secret, headers: { "idempotency-key": "x".repeat(256) }, body: { name: "Bad Key", criticality: "LOW" } });
    expect(status).toBe(400);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After once a token has used its minute, and counts in the database", async () => {
    const token = await tokenFor(world.admin);
    expect((await callApi("GET", "/accounts", { token: token.secret })).status).toBe(200);
    // Another instance of the app has used the rest of the token's minute.
    await apiLimiters().token.penalty(tokenLimitKey(token.id), API_LIMITS.token.points - 1);
    const limited = await api("GET", "/accounts", { token: token.secret });
    expect(limited.status).toBe(429);
    expect(errorOf(limited.body).code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another token of the same user still works.
    const other = await tokenFor(world.admin);
    expect((await callApi("GET", "/accounts", { token: other.secret })).status).toBe(200);
    expect(await db().rateLimit.count({ where: { key: { startsWith: "api-token" } } })).toBeGreaterThan(0);
  });
});
