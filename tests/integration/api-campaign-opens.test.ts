import { beforeEach, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { api, tokenFor } from "../support/api/client";
import { buildMatrixWorld, type MatrixWorld } from "../support/authz/world";

// A campaign created through the API to open today opens at once, as one made with the form does:
// the handler runs the campaigns' tick (recorded here; the tick itself is tested in campaigns.test.ts).

const ticks = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../lib/campaigns/tick-now", () => ({ tickCampaignsNow: async () => void ticks.count++ }));

let world: MatrixWorld;
beforeEach(async () => {
  world = await buildMatrixWorld();
  ticks.count = 0;
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

it("runs the tick for a campaign opening today, and not for one opening later", async () => {
  const { secret } = await tokenFor(world.actors.cio!);
  const create = (name: string, opensOn: string) =>
    api<{ id: string; opensNow: boolean }>("POST", "/campaigns", { token: secret, body: { name, accountIds: [world.a.id], contactMode: "all", contactIds: [], opensOn, closesOn: day(14), recurrence: "NONE" } });
  const later = await create("Next week", day(7));
  expect(later).toMatchObject({ status: 201, body: { opensNow: false } });
  expect(ticks.count).toBe(0);
  const today = await create("Today", day(0));
  expect(today).toMatchObject({ status: 201, body: { opensNow: true } });
  expect(ticks.count).toBe(1);
  expect(await db().campaign.count()).toBe(2);
});
