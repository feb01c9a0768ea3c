import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { revokeApiToken } from "../../lib/data/api-tokens";
import { operations } from "../../lib/api/v1/registry";
import { ACTOR_KEYS, type ActorKey, expectedOutcome, type Outcome } from "../inventory";
import type { ApiFixture, ApiFixtures } from "../support/api/fixtures/types";
import { callApi, tokenFor } from "../support/api/client";
import { leakedSecrets } from "../support/authz/leaks";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every /api/v1 operation in the registry, called with a write token of each of the seven callers
// (anonymous: no token) with a valid request about account A: the status the access policy says,
// nothing written by a refused call, no secret of A in a body the caller may not see. Then the
// same request with a revoked and an expired token (401) and, for writes, a read-only token of an
// allowed caller (403). An operation without a fixture row fails here.

const fixtureDir = path.join(import.meta.dirname, "../support/api/fixtures");
const fixtures: ApiFixtures = {};
for (const file of readdirSync(fixtureDir).filter((name) => name.endsWith(".ts") && name !== "types.ts")) {
  Object.assign(fixtures, ((await import(path.join(fixtureDir, file))) as { fixtures: ApiFixtures }).fixtures);
}

const statusOf: Record<Outcome, number[]> = { allowed: [200, 201], login: [401], "not-found": [404], forbidden: [403] };
/** A refused call may still touch its token's lastUsedAt (the token did authenticate). */
const writes = (before: Map<string, string>, after: Map<string, string>) => changedTables(before, after).filter((table) => table !== "api_tokens");

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

async function send(operation: (typeof operations)[number], fixture: ApiFixture, token: string | null) {
  const request = await fixture.request(world);
  const run = () => callApi(operation.method, request.path, { token, body: request.body });
  return run;
}

describe("authorization matrix: /api/v1 operations", () => {
  it("has a fixture for every operation in the registry, and none for an operation it does not hold", () => {
    const ids = operations.map((operation) => operation.id).sort();
    expect(Object.keys(fixtures).sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const operation of operations) {
    it(`${operation.method} ${operation.path} (${operation.id}, ${fixtures[operation.id]?.rule})`, async () => {
      const fixture = fixtures[operation.id];
      if (!fixture) throw new Error(`no fixture for ${operation.id}`);
      const problems: string[] = [];
      const tokens = new Map<ActorKey, string | null>();
      for (const actor of ACTOR_KEYS) {
        const holder = world.actors[actor];
        tokens.set(actor, holder ? (await tokenFor(holder)).secret : null);
      }
      for (const actor of ACTOR_KEYS) {
        const expected = expectedOutcome(fixture.rule, actor, "route");
        const run = await send(operation, fixture, tokens.get(actor) ?? null);
        const before = expected === "allowed" ? null : await tableChecksums();
        const response = await run();
        const body = await response.text();
        if (!statusOf[expected].includes(response.status)) problems.push(`${actor}: expected ${expected}, got ${response.status} ${body.slice(0, 200)}`);
        if (before) {
          const changed = writes(before, await tableChecksums());
          if (changed.length > 0) problems.push(`${actor}: a refused call wrote to ${changed.join(", ")}`);
        }
        const leaked = leakedSecrets(body, actor);
        if (leaked.length > 0) problems.push(`${actor}: the body leaks ${leaked.join(" / ")}`);
      }
      expect(problems).toEqual([]);
    });

    it(`${operation.id}: a revoked or expired token gets 401${operation.scope === "write" ? ", a read-only token 403" : ""}, and nothing is written`, async () => {
      const fixture = fixtures[operation.id];
      if (!fixture) throw new Error(`no fixture for ${operation.id}`);
      const allowed = ACTOR_KEYS.find((actor) => expectedOutcome(fixture.rule, actor, "route") === "allowed") ?? "admin";
      const holder = world.actors[allowed]!;
      const revoked = await tokenFor(holder);
      await revokeApiToken(holder, revoked.id);
      const expired = await tokenFor(holder, { expiresInDays: 7, now: new Date(Date.now() - 8 * 86_400_000) });
      const cases: [string, string, number][] = [
        ["revoked", revoked.secret, 401],
        ["expired", expired.secret, 401],
      ];
      if (operation.scope === "write") cases.push(["read-only", (await tokenFor(holder, { scope: "READ" })).secret, 403]);
      for (const [what, token, status] of cases) {
        const run = await send(operation, fixture, token);
        const before = await tableChecksums();
        const response = await run();
        expect({ what, status: response.status }).toEqual({ what, status });
        expect(writes(before, await tableChecksums())).toEqual([]);
      }
    });
  }
});
