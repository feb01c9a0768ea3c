import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTOR_KEYS, type ActorKey, actions, expectedOutcome, type Rule } from "../inventory";
import { FUZZ_SEED, type FormValue, hostileFormValue, hostileKey, leakedInternals, runsPer } from "../fuzz/arbitraries";
import { actionFixtures } from "../support/authz/action-fixtures";
import { loadActionModules } from "../support/authz/action-modules";
import { type Fields, formOf, runAction } from "../support/authz/run";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";
import { changedTables, tableChecksums } from "../support/db-checksum";

// Every server action gets generated hostile forms (NUL bytes, lone surrogates, huge strings,
// odd numbers and dates, lists where one value goes, files where text goes, prototype-pollution
// keys, very long ids), mostly from a caller the policy allows, sometimes from anyone. Each must
// answer without an unexpected error, write nothing when it refuses, and show no stack or database
// text. Each field also gets a NUL byte, a lone surrogate, an impossible date, "$1", 200,000
// characters and a list, whatever the seed. The seed is fixed (FUZZ_SEED replays another); a failure prints the seed and the input.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const modules = await loadActionModules();

const RUNS_PER_ACTION = runsPer(10);

/** Inputs every action gets, whatever the seed: each field of the valid form spoiled the same way. */
const EVERY_FIELD: ((value: string) => FormValue)[] = [
  (value) => `${value}\u0000`,
  (value) => `\uD800${value}`,
  () => "2026-02-30",
  () => "$1",
  () => "x".repeat(200_000),
  (value) => [value, value],
];
const spoiled = (base: Fields): Edit[][] =>
  EVERY_FIELD.map((spoil) => Object.entries(base).flatMap(([key, value]) => (typeof value === "string" ? [{ key, value: spoil(value) }] : [])));

/** A caller the policy lets through, so that the input reaches validation and the data layer. */
const allowedActor = (rule: Rule): ActorKey => ACTOR_KEYS.find((actor) => expectedOutcome(rule, actor, "action") === "allowed") as ActorKey;

type Edit = { key: string; value: FormValue | null };

/** The valid form with some fields replaced, dropped or added. */
function mutate(base: Fields, edits: Edit[]): Fields {
  const fields: Fields = { ...base };
  for (const { key, value } of edits) {
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  return fields;
}

const describeInput = (fields: Fields) =>
  JSON.stringify(fields, (_key, value: unknown) => (value instanceof File ? `[File ${value.size} bytes]` : typeof value === "string" && value.length > 120 ? `${value.slice(0, 60)}…(${value.length} chars)` : value));

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

describe("fuzz: server actions", () => {
  for (const row of actions) {
    it(`${row.name}: ${RUNS_PER_ACTION + EVERY_FIELD.length} hostile forms`, async () => {
      const fixture = actionFixtures[row.name];
      const action = modules[row.name];
      if (!fixture || !action) throw new Error(`no fixture or export for ${row.name}`);
      const base = await fixture.fields(world, modules);
      const keys = Object.keys(base);
      const edit = fc.record({ key: keys.length > 0 ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: hostileKey }) : hostileKey, value: fc.option(hostileFormValue, { freq: 8 }) });
      const caller = fc.oneof({ weight: 5, arbitrary: fc.constant(allowedActor(row.rule)) }, { weight: 1, arbitrary: fc.constantFrom(...ACTOR_KEYS) });
      let fingerprint: Map<string, string> | undefined;

      await fc.assert(
        fc.asyncProperty(caller, fc.array(edit, { minLength: 1, maxLength: 4 }), async (actor, edits) => {
          const fields = mutate(base, edits);
          const before = (fingerprint ??= await tableChecksums());
          signIn(world.actors[actor]);
          const run = await runAction(action, formOf(fields));
          signIn(null);
          const problems: string[] = [];
          if (run.got === "crash") problems.push(`unexpected error: ${JSON.stringify(run.answer) ?? String(run.thrown)}`);
          // The answer echoes the caller's own form (initialValue); everything else is the app's.
          const { initialValue: _echo, ...answer } = (run.answer ?? {}) as Record<string, unknown>;
          const internals = leakedInternals(JSON.stringify(answer) + String(run.thrown ?? ""));
          if (internals.length > 0) problems.push(`internal text in the answer (${internals.join(", ")}): ${JSON.stringify(answer).slice(0, 300)}`);
          fingerprint = await tableChecksums();
          if (run.got !== "allowed") {
            const changed = changedTables(before, fingerprint);
            if (changed.length > 0) problems.push(`a refused call (${run.got}) wrote to ${changed.join(", ")}`);
          }
          if (problems.length > 0) throw new Error(`${actor} sent ${describeInput(fields)}: ${problems.join("; ")}`);
        }),
        // No shrinking: each run writes to the database, and the failing input is printed as it was.
        { seed: FUZZ_SEED, numRuns: RUNS_PER_ACTION, endOnFailure: true, examples: spoiled(base).map((edits) => [allowedActor(row.rule), edits] as [ActorKey, Edit[]]) },
      );
      expect(true).toBe(true);
    });
  }
});
