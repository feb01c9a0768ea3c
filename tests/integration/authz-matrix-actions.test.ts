import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTOR_KEYS, actions, expectedOutcome, type Outcome } from "../inventory";
import { actionFixtures } from "../support/authz/action-fixtures";
import { loadActionModules } from "../support/authz/action-modules";
import { leakedSecrets } from "../support/authz/leaks";
import { type Fields, formOf, type Got, runAction } from "../support/authz/run";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every server action in the inventory, called for real by each of the seven callers with a
// valid form about account A: each gets what the access policy says, a refused call writes
// nothing, and no answer carries a secret of A that the caller may not see.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const modules = await loadActionModules();

/** Outcomes a caller may get for each expected outcome ("forbidden" is a refusal with a message). */
const accepted: Record<Outcome, Got[]> = { allowed: ["allowed"], login: ["login"], "not-found": ["not-found"], forbidden: ["refused"] };

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

describe("authorization matrix: server actions", () => {
  it("has a valid form for every action in the inventory", () => {
    expect(actions.filter((row) => !actionFixtures[row.name] || typeof modules[row.name] !== "function").map((row) => row.name)).toEqual([]);
  });

  for (const row of actions) {
    it(`${row.name} (${row.rule})`, async () => {
      const fixture = actionFixtures[row.name];
      const action = modules[row.name];
      if (!fixture || !action) throw new Error(`no fixture or export for ${row.name}`);
      const problems: string[] = [];
      // Refused callers first, so that an allowed call cannot hide a refused one's write.
      const order = [...ACTOR_KEYS].sort((x, y) => Number(expectedOutcome(row.rule, x, "action") === "allowed") - Number(expectedOutcome(row.rule, y, "action") === "allowed"));
      // A refused call uses nothing up, so the refused callers share one form (and one fingerprint
      // of the tables carries over from each call to the next); each allowed caller gets its own.
      let shared: Fields | undefined;
      let fingerprint: Map<string, string> | undefined;
      for (const actor of order) {
        const expected = expectedOutcome(row.rule, actor, "action");
        const fields = expected === "allowed" ? await fixture.fields(world, modules, actor) : (shared ??= await fixture.fields(world, modules));
        const before = expected === "allowed" ? undefined : (fingerprint ??= await tableChecksums());
        signIn(world.actors[actor]);
        const run = await runAction(action, formOf(fields));
        signIn(null);
        const refusedForBusiness = expected === "allowed" && run.got === "refused" && fixture.allowedRefusal?.test(JSON.stringify(run.answer));
        if (!accepted[expected].includes(run.got) && !refusedForBusiness) {
          problems.push(`${actor}: expected ${expected}, got ${run.got} ${JSON.stringify(run.answer ?? run.redirectedTo ?? String(run.thrown))?.slice(0, 300)}`);
        }
        if (before) {
          fingerprint = await tableChecksums();
          const changed = changedTables(before, fingerprint);
          if (changed.length > 0) problems.push(`${actor}: a refused call wrote to ${changed.join(", ")}`);
        }
        const leaked = leakedSecrets(run.answer, actor);
        if (leaked.length > 0) problems.push(`${actor}: the answer leaks ${leaked.join(" / ")}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
