import { beforeEach, describe, expect, it, vi } from "vitest";
import { getBadNews, toldDelay } from "../../lib/data/bad-news";
import { NotFoundError } from "../../lib/data/errors";
import { badNewsKind } from "../../lib/data/kinds/bad-news";
import { projectKind } from "../../lib/data/kinds/project";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { badNewsInputSchema } from "../../lib/validation/bad-news";
import { projectInputSchema } from "../../lib/validation/project";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createBadNewsAction } = await import("../../app/(app)/accounts/[id]/bad-news/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const now = new Date("2026-06-01T12:00:00Z");
const news = (overrides: Record<string, string> = {}) => badNewsInputSchema.parse({ what: "The ledger migration slips by a month", knownAt: "2026-04-01", ...overrides });
const projectOf = async (accountId: string, actor = world.actors.rm) =>
  (await createRecord(projectKind, actor, accountId, projectInputSchema.parse({ name: "New ledger", status: "IN_PROGRESS", plannedEnd: "2026-09-01" }), now)).result.id;

describe("bad news", () => {
  it("says how long the client waited, and whether that was late", () => {
    const known = new Date("2026-04-01T00:00:00Z");
    expect(toldDelay(known, new Date("2026-05-08T00:00:00Z"), now)).toEqual({ told: true, days: 37, late: true });
    expect(toldDelay(known, new Date("2026-04-03T00:00:00Z"), now)).toEqual({ told: true, days: 2, late: false });
    expect(toldDelay(known, null, now)).toEqual({ told: false, days: 61, late: true });
    // Told after `now` (a replay of history) is not told yet.
    expect(toldDelay(known, new Date("2026-07-01T00:00:00Z"), now).told).toBe(false);
  });

  it("stores news told late about one of the unit's projects, and the diagnosis cites it", async () => {
    const projectId = await projectOf(world.accounts.mine.id);
    const { result } = await createRecord(badNewsKind, world.actors.rm, world.accounts.mine.id, news({ projectId, toldAt: "2026-05-08", toldById: world.users.rm.id }), now);
    const page = await getBadNews(world.actors.rm, world.accounts.mine.id, now);
    expect(page.news).toMatchObject([{ id: result.id, project: { name: "New ledger" }, toldBy: { name: world.users.rm.name }, delay: { told: true, days: 37, late: true } }]);
    expect(page.projects).toEqual([{ id: projectId, name: "New ledger" }]);
    expect(page.itPeople.map((p) => p.id).sort()).toEqual([world.users.admin.id, world.users.cio.id, world.users.rm.id, world.users.otherRm.id].sort());
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain(result.id);
  });

  it("refuses a project of another account, or a client as the teller, and writes nothing", async () => {
    const theirProject = await projectOf(world.accounts.theirs.id, world.actors.otherRm);
    await expect(createRecord(badNewsKind, world.actors.rm, world.accounts.mine.id, news({ projectId: theirProject }), now)).rejects.toMatchObject({
      fieldErrors: { projectId: ["Choose one of this unit's projects"] },
    });
    await expect(
      createRecord(badNewsKind, world.actors.rm, world.accounts.mine.id, news({ toldAt: "2026-04-02", toldById: world.users.client.id }), now),
    ).rejects.toMatchObject({ fieldErrors: { toldById: ["Choose someone in IT"] } });
    const { result } = await createRecord(badNewsKind, world.actors.rm, world.accounts.mine.id, news(), now);
    await expect(updateRecord(badNewsKind, world.actors.rm, result.id, news({ projectId: theirProject }), now)).rejects.toMatchObject({ fieldErrors: { projectId: expect.any(Array) } });
    expect(await db().badNews.findMany({ select: { projectId: true } })).toEqual([{ projectId: null }]);
  });

  it("is for the account's manager, the CIO and admin only; another account's news looks missing", async () => {
    const { result } = await createRecord(badNewsKind, world.actors.rm, world.accounts.mine.id, news(), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getBadNews(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
      await expect(createRecord(badNewsKind, actor, world.accounts.mine.id, news(), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(badNewsKind, actor, result.id, news({ what: "Nothing happened" }), now)).rejects.toThrow("That bad news was not found.");
      await expect(deleteRecord(badNewsKind, actor, result.id, "hide it", now)).rejects.toThrow("That bad news was not found.");
    }
    for (const actor of [world.actors.cio, world.actors.admin]) {
      expect((await getBadNews(actor, world.accounts.mine.id, now)).news).toHaveLength(1);
      await expect(updateRecord(badNewsKind, actor, result.id, news({ toldAt: "2026-04-05", toldById: world.users.cio.id }), now)).resolves.toBeTruthy();
    }
    expect(await db().badNews.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ what: "The ledger migration slips by a month", toldById: world.users.cio.id });
  });
});

describe("the bad news form", () => {
  const fields = (overrides: Record<string, string> = {}) => ({ accountId: world.accounts.mine.id, what: "Go-live slips by a month", knownAt: "2026-04-01", ...overrides });

  it("asks for who told the client with when, and refuses telling before knowing, writing nothing", async () => {
    signIn(world.actors.rm);
    expect((await submit(createBadNewsAction, fields({ toldAt: "2026-04-10" }))).error).toEqual({ toldById: ["Choose who told the client"] });
    expect((await submit(createBadNewsAction, fields({ toldById: world.users.rm.id }))).error).toEqual({ toldAt: ["Enter when the client was told"] });
    expect((await submit(createBadNewsAction, fields({ toldAt: "2026-03-01", toldById: world.users.rm.id }))).error).toEqual({
      toldAt: ["The client cannot be told before IT knew"],
    });
    const theirProject = await projectOf(world.accounts.theirs.id, world.actors.otherRm);
    expect((await submit(createBadNewsAction, fields({ projectId: theirProject }))).error?.projectId).toEqual(["Choose one of this unit's projects"]);
    expect(await db().badNews.count()).toBe(0);
  });

  it("saves news not told yet and says what it did to the stage", async () => {
    signIn(world.actors.rm);
    const saved = await submit(createBadNewsAction, fields({ projectId: "", toldAt: "", toldById: "" }));
    expect(saved).toMatchObject({ status: "success", notice: expect.stringMatching(/^Bad news saved: Finance (moved from .+ to|stays at) .+$/) });
    expect(await db().badNews.findFirstOrThrow()).toMatchObject({ projectId: null, toldAt: null, toldById: null });
    signIn(world.actors.otherRm);
    expect(formError(await submit(createBadNewsAction, fields()))).toEqual(["That account was not found."]);
    expect(await db().badNews.count()).toBe(1);
  });
});
