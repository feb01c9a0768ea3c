import fc from "fast-check";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { unsubscribeToken } from "../../lib/campaigns/tokens";
import { ACTOR_KEYS, type ActorKey, routes } from "../inventory";
import { FUZZ_SEED, hostileJson, hostileKey, hostileString, leakedInternals, runsPer } from "../fuzz/arbitraries";
import { fakeHeadersForPackages, signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every route handler and method gets generated hostile requests: odd ids and tokens in the path,
// JSON bodies with wrong types, NaN-like numbers, lone surrogates and prototype keys, bodies that
// are not JSON, wrong content types, and next-auth's odd callbackUrls. Each must answer below 500,
// write nothing when it answers 4xx, and carry no stack or database text. Fixed seed (FUZZ_SEED).
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const BASE = "http://rapport.test";
type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const handler = async (file: string, method: string) => (await import(`../../${file}`))[method] as Handler;

/** A request as fast-check describes it, made concrete for the world (ids of A where asked). */
interface Sent {
  actor: ActorKey;
  path: string;
  params: Record<string, unknown>;
  init: RequestInit;
}

const contentType = fc.constantFrom("application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "");
const rawBody = fc.oneof(
  { weight: 3, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? "null") },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom("{", "[1,2", '{"overall": NaN}', '{"overall": Infinity}', "\u0000", '{"__proto__": {"role": "ADMIN"}}', `[${"[".repeat(5000)}]`, "x".repeat(1_100_000)) },
);
const actor = fc.constantFrom(...ACTOR_KEYS);
/** A query or path part: a URL carries lone surrogates only as U+FFFD (encodeURIComponent throws on them). */
const inUrl = (text: string) => encodeURIComponent(text.toWellFormed());
/** A POST with this content type ("" for none) and body. */
const post = (type: string, body: string): RequestInit => ({ method: "POST", headers: type ? { "content-type": type } : {}, body });
/** An id in the path: A's, B's, or hostile. */
const idIn = (w: () => MatrixWorld) => fc.oneof(fc.constant(() => w().a.id), fc.constant(() => w().b.id), hostileString.map((id) => () => id));

let world: MatrixWorld;
const w = () => world;

/** A valid rating body with some fields spoiled. */
const ratingBody = fc
  .tuple(fc.dictionary(fc.oneof(fc.constantFrom("overall", "recommend", "comment", "idempotencyKey", "trust", "accountId"), hostileKey), hostileJson, { maxKeys: 4 }), fc.boolean())
  .map(([spoilt, keepValid]) => JSON.stringify({ ...(keepValid ? { overall: 4, recommend: 8, idempotencyKey: crypto.randomUUID() } : {}), ...spoilt }));

const requests: Record<string, Partial<Record<string, { runs: number; sent: fc.Arbitrary<() => Sent> }>>> = {
  "app/api/accounts/route.ts": {
    GET: { runs: 15, sent: fc.tuple(actor, hostileString).map(([who, query]) => () => ({ actor: who, path: `/api/accounts?sort=${inUrl(query)}`, params: {}, init: {} })) },
  },
  "app/api/accounts/[id]/route.ts": {
    GET: { runs: 30, sent: fc.tuple(actor, idIn(w)).map(([who, id]) => () => ({ actor: who, path: "/api/accounts/x", params: { id: id() }, init: {} })) },
  },
  "app/api/accounts/[id]/ratings/route.ts": {
    POST: {
      runs: 60,
      sent: fc
        .tuple(fc.oneof({ weight: 4, arbitrary: fc.constant<ActorKey>("clientA") }, { weight: 1, arbitrary: actor }), idIn(w), fc.oneof({ weight: 3, arbitrary: ratingBody }, { weight: 1, arbitrary: rawBody }), contentType)
        .map(([who, id, body, type]) => () => ({ actor: who, path: "/api/accounts/x/ratings", params: { id: id() }, init: post(type, body) })),
    },
  },
  // The reports' PDFs: hostile periods answer 400 with a message, never a 5xx (each valid one renders a PDF, so few runs).
  ...Object.fromEntries(
    ["monthly", "failures"].flatMap((report) => [
      [
        `app/api/reports/accounts/[id]/${report}/route.ts`,
        { GET: { runs: 8, sent: fc.tuple(actor, idIn(w), hostileString, hostileString).map(([who, id, month, months]) => () => ({ actor: who, path: `/api/reports/accounts/x/${report}?month=${inUrl(month)}&months=${inUrl(months)}`, params: { id: id() }, init: {} })) } },
      ],
      [
        `app/api/reports/portfolio/${report}/route.ts`,
        { GET: { runs: 8, sent: fc.tuple(actor, fc.oneof(fc.constant("2026-11"), hostileString)).map(([who, month]) => () => ({ actor: who, path: `/api/reports/portfolio/${report}?month=${inUrl(month)}`, params: {}, init: {} })) } },
      ],
    ]),
  ),
  "app/api/tasks/[id]/route.ts": {
    GET: { runs: 25, sent: fc.tuple(actor, hostileString).map(([who, id]) => () => ({ actor: who, path: "/api/tasks/x", params: { id }, init: {} })) },
  },
  // A real import's id (rmA's), A's and B's ids, or hostile text: 404 but for its uploader and leadership.
  "app/api/imports/[id]/route.ts": {
    GET: { runs: 25, sent: fc.tuple(actor, idIn(w)).map(([who, id]) => () => ({ actor: who, path: "/api/imports/x", params: { id: id() }, init: {} })) },
  },
  "app/api/unsubscribe/[token]/route.ts": {
    POST: {
      runs: 40,
      sent: fc
        .tuple(fc.oneof(fc.constant(() => unsubscribeToken(w().contact.id)), hostileString.map((token) => () => token)), fc.oneof(fc.constant("List-Unsubscribe=One-Click"), hostileString, rawBody), contentType)
        .map(([token, body, type]) => () => ({ actor: "anonymous", path: "/api/unsubscribe/x", params: { token: token() }, init: post(type, body) })),
    },
  },
  // /api/v1 without a valid token (a session does not count there): hostile paths, bearer values
  // and bodies answer 4xx; tests/integration/fuzz-api-v1.test.ts fuzzes each operation with a token.
  "app/api/v1/[...path]/route.ts": Object.fromEntries(
    (["GET", "POST", "PATCH", "DELETE"] as const).map((method) => [
      method,
      {
        runs: 10,
        sent: fc
          .tuple(actor, fc.array(fc.oneof(fc.constantFrom("accounts", "contacts", "interactions", "diagnosis"), hostileString), { minLength: 1, maxLength: 3 }), hostileString, rawBody, contentType)
          .map(([who, segments, bearer, body, type]) => () => ({
            actor: who,
            path: `/api/v1/${segments.map(inUrl).join("/")}`,
            params: { path: segments },
            init: { method, headers: { authorization: `Bearer ${bearer.toWellFormed().replace(/[^\x20-\x7e]/g, "")}`, ...(type && { "content-type": type }) }, ...(method === "GET" || method === "DELETE" ? {} : { body }) },
          })),
      },
    ]),
  ),
  "app/api/v1/openapi.json/route.ts": {
    GET: { runs: 5, sent: fc.tuple(hostileKey, hostileString).map(([key, value]) => () => ({ actor: "anonymous", path: `/api/v1/openapi.json?${inUrl(key)}=${inUrl(value)}`, params: {}, init: {} })) },
  },
  // The CSV exports: hostile filters answer 400 (or the caller's 403/404), never a 5xx; a valid one streams the caller's rows.
  ...Object.fromEntries(
    ["ratings", "actions", "timeline"].map((name) => [
      `app/api/export/${name}/route.ts`,
      {
        GET: {
          runs: 20,
          sent: fc
            .tuple(actor, idIn(w), fc.array(fc.tuple(fc.oneof(fc.constantFrom("since", "until", "bom", "accountId"), hostileKey), hostileString), { maxLength: 3 }))
            .map(([who, id, pairs]) => () => ({ actor: who, path: `/api/export/${name}?${new URLSearchParams([["accountId", id()], ...pairs])}`, params: {}, init: {} })),
        },
      },
    ]),
  ),
  "app/api/export/portfolio/route.ts": {
    GET: {
      runs: 15,
      sent: fc
        .tuple(actor, fc.array(fc.tuple(fc.oneof(fc.constantFrom("q", "stage", "criticality", "heading", "owner", "sort", "dir", "page", "size", "bom"), hostileKey), hostileString), { maxLength: 4 }))
        .map(([who, pairs]) => () => ({ actor: who, path: `/api/export/portfolio?${new URLSearchParams(pairs)}`, params: {}, init: {} })),
    },
  },
  // The audit log's CSV: hostile filters and cursors answer 400 (or 401/403), never a 5xx.
  "app/(app)/admin/audit/export/route.ts": {
    GET: {
      runs: 20,
      sent: fc
        .tuple(actor, idIn(w), fc.array(fc.tuple(fc.oneof(fc.constantFrom("actorId", "action", "since", "until", "cursor", "bom"), hostileKey), hostileString), { maxLength: 3 }))
        .map(([who, id, pairs]) => () => ({ actor: who, path: `/admin/audit/export?${new URLSearchParams([["accountId", id()], ...pairs])}`, params: {}, init: {} })),
    },
  },
  "app/api/health/route.ts": {
    GET: { runs: 15, sent: fc.tuple(hostileKey, hostileString).map(([key, value]) => () => ({ actor: "anonymous", path: `/api/health?${inUrl(key)}=${inUrl(value)}`, params: {}, init: {} })) },
  },
  "app/api/auth/[...nextauth]/route.ts": {
    GET: {
      runs: 40,
      sent: fc
        .tuple(actor, fc.array(fc.oneof(fc.constantFrom("providers", "csrf", "session", "signin", "signout", "callback", "credentials", "error", "_log"), hostileString), { minLength: 1, maxLength: 3 }), hostileString, hostileString)
        .map(([who, segments, callbackUrl, error]) => () => ({
          actor: who,
          path: `/api/auth/${segments.map(inUrl).join("/")}?callbackUrl=${inUrl(callbackUrl)}&error=${inUrl(error)}`,
          params: { nextauth: segments },
          init: {},
        })),
    },
    POST: {
      runs: 40,
      sent: fc
        .tuple(fc.constantFrom(["signin", "credentials"], ["callback", "credentials"], ["signout"], ["session"], ["_log"]), fc.dictionary(fc.constantFrom("email", "password", "csrfToken", "callbackUrl", "json", "redirect"), hostileString, { maxKeys: 6 }), contentType)
        .map(([segments, fields, type]) => () => ({
          actor: "anonymous",
          path: `/api/auth/${segments.join("/")}`,
          params: { nextauth: segments },
          init: post(type, new URLSearchParams(fields).toString()),
        })),
    },
  },
};

const describeSent = (sent: Sent) => JSON.stringify(sent, (_key, value: unknown) => (typeof value === "string" && value.length > 160 ? `${value.slice(0, 80)}…(${value.length} chars)` : value));

beforeEach(async () => {
  world = await buildMatrixWorld();
  fakeHeadersForPackages();
});

describe("fuzz: route handlers", () => {
  it("has generated requests for every route and method in the inventory", () => {
    expect(routes.flatMap((row) => row.methods.filter((method) => !requests[row.file]?.[method]).map((method) => `${method} ${row.file}`))).toEqual([]);
  });

  for (const row of routes) {
    for (const method of row.methods) {
      const spec = requests[row.file]?.[method];
      if (!spec) continue;
      const runs = runsPer(spec.runs);
      it(`${method} ${row.file}: ${runs} hostile requests`, async () => {
        const handle = await handler(row.file, method);
        let fingerprint: Map<string, string> | undefined;
        await fc.assert(
          fc.asyncProperty(spec.sent, async (make) => {
            const sent = make();
            const before = (fingerprint ??= await tableChecksums());
            signIn(world.actors[sent.actor]);
            // next-auth reads Next's own request (its nextUrl); the others take a plain Request.
            const response = await handle(new NextRequest(`${BASE}${sent.path}`, sent.init as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve(sent.params) });
            signIn(null);
            const body = await response.text();
            const problems: string[] = [];
            if (response.status >= 500) problems.push(`answered ${response.status}`);
            const internals = leakedInternals(body);
            if (internals.length > 0) problems.push(`internal text in the body (${internals.join(", ")}): ${body.slice(0, 300)}`);
            fingerprint = await tableChecksums();
            if (response.status >= 400) {
              const changed = changedTables(before, fingerprint);
              if (changed.length > 0) problems.push(`a refused request (${response.status}) wrote to ${changed.join(", ")}`);
            }
            if (problems.length > 0) throw new Error(`${describeSent(sent)}: ${problems.join("; ")} ${body.slice(0, 200)}`);
          }),
          { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true },
        );
        expect(true).toBe(true);
      });
    }
  }
});
