import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTOR_KEYS, expectedOutcome, type Outcome, routes } from "../inventory";
import { leakedSecrets } from "../support/authz/leaks";
import { routeCalls } from "../support/authz/route-fixtures";
import { classifyStatus, type Got } from "../support/authz/run";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every route handler and method in the inventory, called by each of the seven callers with a
// valid request about account A: the status the access policy says, nothing written by a refused
// call, and no secret of A in a body the caller may not see.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const accepted: Record<Outcome, Got[]> = { allowed: ["allowed"], login: ["login"], "not-found": ["not-found"], forbidden: ["refused"] };

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

describe("authorization matrix: route handlers", () => {
  it("has a request for every route and method in the inventory", () => {
    const missing = routes.flatMap((row) => row.methods.filter((method) => !routeCalls[row.file]?.[method]).map((method) => `${method} ${row.file}`));
    expect(missing).toEqual([]);
  });

  for (const row of routes) {
    for (const method of row.methods) {
      it(`${method} ${row.file} (${row.rule})`, async () => {
        const call = routeCalls[row.file]?.[method];
        if (!call) throw new Error(`no request for ${method} ${row.file}`);
        const problems: string[] = [];
        for (const actor of ACTOR_KEYS) {
          const expected = expectedOutcome(row.rule, actor, "route");
          const send = await call(world);
          const before = expected === "allowed" ? null : await tableChecksums();
          signIn(world.actors[actor]);
          const response = await send();
          signIn(null);
          const body = await response.text();
          const got = classifyStatus(response.status);
          if (!accepted[expected].includes(got)) problems.push(`${actor}: expected ${expected}, got ${response.status} ${body.slice(0, 200)}`);
          if (before) {
            const changed = changedTables(before, await tableChecksums());
            if (changed.length > 0) problems.push(`${actor}: a refused call wrote to ${changed.join(", ")}`);
          }
          const leaked = leakedSecrets(body, actor);
          if (leaked.length > 0) problems.push(`${actor}: the body leaks ${leaked.join(" / ")}`);
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
