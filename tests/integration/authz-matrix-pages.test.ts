import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ACTOR_KEYS, expectedOutcome, pages } from "../inventory";
import { loadActionModules } from "../support/authz/action-modules";
import { leakedSecrets } from "../support/authz/leaks";
import { paramsFor } from "../support/authz/page-fixtures";
import { renderPage } from "../support/authz/render-page";
import { signIn } from "../support/authz/signed-in";
import { buildMatrixWorld, type MatrixWorld, SECRETS } from "../support/authz/world";

// Every page in the inventory, run as the server runs it (the page and its server components,
// with their data loading) by each of the seven callers: each gets what the access policy says
// (the page, a redirect to sign in, or 404), and nothing on a page is a secret of account A that
// the caller may not see.
vi.mock("../../lib/auth/current-actor", async () => (await import("../support/authz/signed-in")).currentActorModule());
vi.mock("next/headers", async () => (await import("../support/authz/signed-in")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const root = path.join(import.meta.dirname, "../..");
const modules = await loadActionModules();

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
});

describe("authorization matrix: pages", () => {
  it("reads what a page shows: A's own manager sees IT's candid record on A's page, which the check would flag for others", async () => {
    const page = (await import(path.join(root, "app/(app)/accounts/[id]/page.tsx"))).default;
    signIn(world.actors.rmA);
    const run = await renderPage(page, { id: world.a.id });
    signIn(null);
    expect(leakedSecrets(run.tree, "otherRm")).toContain(SECRETS.itCandidA[0]);
  });

  for (const row of pages) {
    it(`${row.file} (${row.rule})`, async () => {
      const page = (await import(path.join(root, row.file))).default;
      const params = await paramsFor(row.file, world, modules);
      const problems: string[] = [];
      for (const actor of ACTOR_KEYS) {
        signIn(world.actors[actor]);
        const run = await renderPage(page, params);
        signIn(null);
        const expected = expectedOutcome(row.rule, actor, "page");
        if (run.got !== expected) problems.push(`${actor}: expected ${expected}, got ${run.got} ${run.redirectedTo ?? (run.thrown ? String((run.thrown as Error).stack ?? run.thrown).slice(0, 400) : "")}`);
        const leaked = leakedSecrets(run.tree, actor);
        if (leaked.length > 0) problems.push(`${actor}: the page shows ${leaked.join(" / ")}`);
      }
      expect(problems).toEqual([]);
    });
  }
});
