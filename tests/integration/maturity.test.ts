import { beforeEach, describe, expect, it, vi } from "vitest";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { getMaturity, getMaturityGrid, recordMaturity } from "../../lib/data/maturity";
import { db } from "../../lib/db/client";
import { createAccount } from "../../prisma/seed/factories";
import { signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { recordMaturityAction } = await import("../../app/(app)/accounts/[id]/maturity/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe("relationship maturity", () => {
  it("IT records IT's view and a client of the unit the business's; the latest of each side and their gap", async () => {
    const mine = world.accounts.mine.id;
    await recordMaturity(world.actors.rm, mine, { level: "SERVICE_PROVIDER", note: "" }, ago(30));
    await recordMaturity(world.actors.cio, mine, { level: "TRUSTED_ADVISOR", note: "They ask us first now" }, ago(2));
    const saved = await recordMaturity(world.actors.client, mine, { level: "ORDER_TAKER", note: "We tell them what to build" }, ago(1));
    expect(saved.side).toBe("BUSINESS");
    expect(await db().auditEvent.count({ where: { action: "maturityAssessment.created", accountId: mine } })).toBe(3);

    const page = await getMaturity(world.actors.rm, mine);
    expect(page).toMatchObject({ side: "IT", it: { level: "TRUSTED_ADVISOR", assessedBy: world.users.cio.name }, business: { level: "ORDER_TAKER" }, gap: 2 });
    expect(page.history.map((row) => [row.side, row.level])).toEqual([
      ["BUSINESS", "ORDER_TAKER"],
      ["IT", "TRUSTED_ADVISOR"],
      ["IT", "SERVICE_PROVIDER"],
    ]);
    // The client reads the business's side only: IT's self-assessment is IT's.
    const theirs = await getMaturity(world.actors.client, mine);
    expect(theirs).toMatchObject({ side: "BUSINESS", it: null, business: { level: "ORDER_TAKER" }, gap: null });
    expect(theirs.history.every((row) => row.side === "BUSINESS")).toBe(true);
    expect(JSON.stringify(theirs)).not.toContain("They ask us first");
  });

  it("another unit's client and another manager find no such account, and write nothing", async () => {
    const mine = world.accounts.mine.id;
    for (const actor of [world.actors.otherClient, world.actors.otherRm]) {
      await expect(getMaturity(actor, mine)).rejects.toThrow(NotFoundError);
      await expect(recordMaturity(actor, mine, { level: "STRATEGIC_PARTNER", note: "" })).rejects.toThrow(NotFoundError);
    }
    expect(await db().maturityAssessment.count()).toBe(0);
  });

  it("the grid: the CIO sees every active unit, a manager only their own (the rest counted), a client none", async () => {
    const mine = world.accounts.mine.id;
    const theirs = world.accounts.theirs.id;
    await createAccount(db(), { name: "Archived unit", archivedAt: new Date() });
    await recordMaturity(world.actors.rm, mine, { level: "TRUSTED_ADVISOR", note: "" });
    await recordMaturity(world.actors.client, mine, { level: "SERVICE_PROVIDER", note: "" });
    await recordMaturity(world.actors.otherClient, theirs, { level: "STRATEGIC_PARTNER", note: "" });

    const all = await getMaturityGrid(world.actors.cio);
    expect(all).toEqual({
      units: [
        { id: mine, name: "Finance", stage: expect.any(String), it: "TRUSTED_ADVISOR", business: "SERVICE_PROVIDER", gap: 1 },
        { id: theirs, name: "Sales", stage: expect.any(String), it: null, business: "STRATEGIC_PARTNER", gap: null },
      ],
      othersHidden: 0,
    });
    expect(await getMaturityGrid(world.actors.admin)).toEqual(all);
    const own = await getMaturityGrid(world.actors.rm);
    expect(own.units.map((unit) => unit.id)).toEqual([mine]);
    expect(own.othersHidden).toBe(1);
    await expect(getMaturityGrid(world.actors.client)).rejects.toThrow(ForbiddenError);
  });

  it("the form refuses a missing level and says what the save changed", async () => {
    signIn(world.actors.rm);
    const missing = await submit(recordMaturityAction, { accountId: world.accounts.mine.id, note: "" });
    expect(missing.error?.level).toEqual(["Choose the level that describes the relationship today"]);
    expect(await db().maturityAssessment.count()).toBe(0);
    const first = await submit(recordMaturityAction, { accountId: world.accounts.mine.id, level: "TRUSTED_ADVISOR" });
    expect(first.notice).toBe("IT's view saved: Trusted advisor. The business has not given its view yet: ask a client of the unit to record it.");
    signIn(world.actors.client);
    const client = await submit(recordMaturityAction, { accountId: world.accounts.mine.id, level: "ORDER_TAKER" });
    expect(client.notice).toBe("Thank you: your view (Order taker) is saved, and IT sees it.");
    signIn(world.actors.cio);
    const again = await submit(recordMaturityAction, { accountId: world.accounts.mine.id, level: "TRUSTED_ADVISOR" });
    expect(again.notice).toBe("IT's view saved: Trusted advisor. The business sees a less mature relationship (Order taker): IT rates it 2 levels higher.");
  });
});
