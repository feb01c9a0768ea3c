import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { createAccount, createContact } from "../../prisma/seed/factories";
import { signIn } from "./action-harness";
import { buildWorld, type World } from "./world";

// Each role's JSON carries exactly the fields the access policy names for its level (decision
// 002, made exact in 016): the key sets are spelled out here, so a field added to a query fails
// this test until someone decides who may see it.
vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());

const accountsRoute = await import("../../app/api/accounts/route");
const accountRoute = await import("../../app/api/accounts/[id]/route");

const SUMMARY_KEYS = ["access", "canOpen", "criticality", "healthRisk", "healthScore", "healthSince", "healthStage", "healthTrend", "id", "mine", "name", "override", "relationshipManager"];
// Full access adds the unit's own records (decision 021: its working facts are as candid as its notes).
const FULL_KEYS = [...SUMMARY_KEYS, "actionsOverdue", "description", "healthComputedAt", "itOverdue", "lastMetAt", "lastRating", "meetingCadenceDays", "responseRate", "sponsor"].sort();
const OVERRIDE_KEYS = ["byName", "expiresAt", "reason", "stage"];

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  const sponsor = await createContact(db(), { accountId: world.accounts.theirs.id, name: "Sam Sponsor" });
  await db().account.update({
    where: { id: world.accounts.theirs.id },
    data: { description: "Candid: they are shopping for an outside vendor", sponsorContactId: sponsor.id, meetingCadenceDays: 14 },
  });
  await db().stageOverride.create({
    data: { id: "coverride0000000000000001", accountId: world.accounts.theirs.id, stage: "PNEUMONIA", reason: "The COO told me in confidence", expiresAt: new Date(Date.now() + 86_400_000), createdById: world.users.otherRm.id },
  });
  signIn(null);
});

const get = (path: string) => new Request(`http://rapport.test${path}`);
const list = async (path = "/api/accounts") => {
  const response = await accountsRoute.GET(get(path), {});
  expect(response.status).toBe(200);
  return response.json();
};
const keys = (value: object) => Object.keys(value).sort();

describe("GET /api/accounts", () => {
  it("gives another manager's unit only the summary fields: no description, sponsor, cadence or override reason", async () => {
    signIn(world.actors.rm);
    const { accounts } = await list();
    const theirs = accounts.find((row: { id: string }) => row.id === world.accounts.theirs.id);
    const mine = accounts.find((row: { id: string }) => row.id === world.accounts.mine.id);
    expect(keys(theirs)).toEqual(SUMMARY_KEYS);
    expect(theirs).toMatchObject({ access: "summary", canOpen: false, mine: false, override: { stage: "PNEUMONIA", reason: null } });
    expect(keys(theirs.override)).toEqual(OVERRIDE_KEYS);
    expect(JSON.stringify(theirs)).not.toMatch(/Candid|Sam Sponsor|in confidence/);
    expect(keys(mine)).toEqual(FULL_KEYS);
    expect(mine).toMatchObject({ access: "full", canOpen: true, mine: true });
  });

  it("gives the CIO, admins and the unit's own manager every field", async () => {
    for (const actor of [world.actors.cio, world.actors.admin, world.actors.otherRm]) {
      signIn(actor);
      const theirs = (await list()).accounts.find((row: { id: string }) => row.id === world.accounts.theirs.id);
      expect(keys(theirs)).toEqual(FULL_KEYS);
      expect(theirs).toMatchObject({
        description: "Candid: they are shopping for an outside vendor",
        sponsor: { name: "Sam Sponsor" },
        meetingCadenceDays: 14,
        override: { stage: "PNEUMONIA", reason: "The COO told me in confidence" },
      });
    }
  });

  it("is paged, with links to walk the pages and the same filters as the dashboard", async () => {
    for (let i = 0; i < 3; i++) await createAccount(db(), { name: `Extra ${i}` });
    signIn(world.actors.cio);
    const first = await list("/api/accounts?size=2&sort=name");
    expect(first.accounts.map((row: { name: string }) => row.name)).toEqual(["Extra 0", "Extra 1"]);
    expect(first.page).toEqual({ number: 1, size: 2, total: 5, pages: 3 });
    expect(first.links).toEqual({ self: "/api/accounts?sort=name&size=2", next: "/api/accounts?sort=name&size=2&page=2", prev: null });
    const last = await list("/api/accounts?sort=name&size=2&page=3");
    expect(last.accounts.map((row: { name: string }) => row.name)).toEqual(["Sales"]);
    expect(last.links.next).toBeNull();
    expect((await list("/api/accounts?q=fin")).accounts.map((row: { name: string }) => row.name)).toEqual(["Finance"]);
    // Nonsense parameters are the defaults, not an error.
    expect((await list("/api/accounts?page=x&size=-1&sort=%00")).page).toEqual({ number: 1, size: 25, total: 5, pages: 1 });
  });
});

describe("GET /api/accounts/[id]", () => {
  const context = (id: string) => ({ params: Promise.resolve({ id }) });

  it("gives a client their unit without IT's diagnosis or criticality, and IT everything", async () => {
    signIn(world.actors.otherClient);
    const client = await (await accountRoute.GET(get("/"), context(world.accounts.theirs.id))).json();
    expect(keys(client)).toEqual(["access", "account", "diagnosis", "health"]);
    expect(keys(client.account)).toEqual(["archivedAt", "description", "id", "meetingCadenceDays", "name", "relationshipManager", "sponsor"]);
    expect(client).toMatchObject({ access: "client", health: null, diagnosis: null });

    signIn(world.actors.otherRm);
    const full = await (await accountRoute.GET(get("/"), context(world.accounts.theirs.id))).json();
    expect(keys(full)).toEqual(["access", "account", "diagnosis", "health"]);
    expect(keys(full.account)).toEqual(["archivedAt", "criticality", "description", "id", "meetingCadenceDays", "name", "relationshipManager", "sponsor"]);
    expect(keys(full.health)).toEqual(["computedAt", "score", "since", "stage"]);

    signIn(world.actors.rm);
    expect((await accountRoute.GET(get("/"), context(world.accounts.theirs.id))).status).toBe(404);
  });
});
