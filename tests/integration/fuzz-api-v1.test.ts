import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import { operations } from "../../lib/api/v1/registry";
import { FUZZ_SEED, hostileJson, hostileKey, hostileString, leakedInternals, runsPer } from "../fuzz/arbitraries";
import { callApi, tokenFor } from "../support/api/client";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every /api/v1 operation in the registry, with a write token of a caller who may use it (the
// admin) or of A's client, gets hostile requests: odd ids in the path, hostile query values and
// cursors, JSON bodies with wrong types and prototype keys, bodies that are not JSON, odd
// Idempotency-Keys. Each must answer below 500 with the API's error body, carry no stack or
// database text, and write nothing when it answers 4xx. Fixed seed (FUZZ_SEED).

let world: MatrixWorld;
let tokens: { admin: string; clientA: string };
beforeEach(async () => {
  world = await buildMatrixWorld();
  tokens = { admin: (await tokenFor(world.admin)).secret, clientA: (await tokenFor(world.actors.clientA!)).secret };
});

const inUrl = (text: string) => encodeURIComponent(text.toWellFormed());
const idFor = fc.oneof(fc.constant((w: MatrixWorld) => w.a.id), fc.constant((w: MatrixWorld) => w.contact.id), fc.constant((w: MatrixWorld) => w.interaction.id), hostileString.map((id) => () => id));
const body = fc.oneof(
  { weight: 3, arbitrary: hostileJson.map((value) => JSON.stringify(value) ?? "null") },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom("name", "accountId", "criticality", "type", "occurredAt", "summary", "quotes", "__proto__"), hostileKey), hostileJson, { maxKeys: 5 }).map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.constantFrom("{", "[1,2", '{"name": NaN}', "\u0000", "x".repeat(300_000)) },
);
const query = fc.dictionary(fc.oneof(fc.constantFrom("limit", "cursor", "since", "until", "includeArchived"), hostileKey), hostileString, { maxKeys: 3 });
const writes = (before: Map<string, string>, after: Map<string, string>) => changedTables(before, after).filter((table) => table !== "api_tokens");

describe("fuzz: /api/v1 operations", () => {
  for (const operation of operations) {
    const runs = runsPer(6);
    it(`${operation.method} ${operation.path}: ${runs} hostile requests`, async () => {
      let fingerprint: Map<string, string> | undefined;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom<"admin" | "clientA">("admin", "clientA"), fc.array(idFor, { minLength: 3, maxLength: 3 }), query, body, fc.option(hostileString.map((key) => key.slice(0, 300))), async (who, ids, params, raw, key) => {
          let index = 0;
          const path = operation.path.replace(/\{\w+\}/g, () => inUrl((ids[index++] ?? ids[0]!)(world)));
          const search = new URLSearchParams(Object.entries(params).map(([name, value]) => [name.toWellFormed(), value.toWellFormed()])).toString();
          const before = (fingerprint ??= await tableChecksums());
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (key !== null) headers["idempotency-key"] = key.toWellFormed().replace(/[^\x20-\x7e]/g, "");
          const response = await callApi(operation.method, `${path}${search ? `?${search}` : ""}`, { token: tokens[who], body: operation.method === "GET" || operation.method === "DELETE" ? undefined : raw, headers });
          const text = await response.text();
          const problems: string[] = [];
          if (response.status >= 500) problems.push(`answered ${response.status}`);
          const internals = leakedInternals(text);
          if (internals.length > 0) problems.push(`internal text (${internals.join(", ")})`);
          if (response.status >= 400 && !/^\{"error":\{"code":"[a-z_]+","message":/.test(text)) problems.push("not the API's error body");
          fingerprint = await tableChecksums();
          if (response.status >= 400) {
            const changed = writes(before, fingerprint);
            if (changed.length > 0) problems.push(`a refused request (${response.status}) wrote to ${changed.join(", ")}`);
          }
          if (problems.length > 0) throw new Error(`${who} ${operation.method} ${path.slice(0, 200)}?${search.slice(0, 200)}: ${problems.join("; ")} ${text.slice(0, 200)}`);
        }),
        { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true },
      );
      expect(true).toBe(true);
    });
  }
});
