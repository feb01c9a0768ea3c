import { beforeEach, describe, expect, it } from "vitest";
import { listActions } from "../../lib/data/api-lists/actions";
import { listCampaignsPage } from "../../lib/data/api-lists/campaigns";
import { incidentList } from "../../lib/data/api-lists/it-record-lists";
import { listRatings } from "../../lib/data/api-lists/ratings";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import type { Keyset } from "../../lib/data/keyset";
import { db } from "../../lib/db/client";
import { createRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// The API's list functions (lib/data/api-lists): keyset pages that neither repeat nor skip a row
// when rows are written between pages, the account and time filters, and each row's access.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const at = (iso: string) => new Date(iso);
const incident = (accountId: string, occurredAt: string, title = "Outage") => db().incident.create({ data: { accountId, title, occurredAt: at(occurredAt) } });

/** Every page of a list, following each page's last row as the next cursor (as the API's cursor does). */
async function walk<T extends { id: string }>(read: (keyset: Keyset) => Promise<T[]>, limit: number, keyOf: (row: T) => Date, between?: () => Promise<void>) {
  const seen: string[] = [];
  let after: Keyset["after"];
  for (;;) {
    const rows = await read({ limit, after });
    const page = rows.slice(0, limit);
    seen.push(...page.map((row) => row.id));
    if (rows.length <= limit) return seen;
    const last = page.at(-1)!;
    after = { at: keyOf(last), id: last.id };
    await between?.();
  }
}

describe("keyset pages", () => {
  it("list every row once, in (time, id) order, when rows are written between pages", async () => {
    const rows = [];
    for (let i = 0; i < 7; i++) rows.push(await incident(world.accounts.mine.id, `2026-03-0${i + 1}T10:00:00Z`));
    // Two on the same instant: the id breaks the tie.
    rows.push(await incident(world.accounts.mine.id, "2026-03-04T10:00:00Z"));
    const expected = [...rows].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1)).map((row) => row.id);

    let inserted = 0;
    const seen = await walk((keyset) => incidentList.list(world.actors.rm, keyset), 3, (row) => row.occurredAt, async () => {
      // One before every cursor (sorts into a page already read) and one after all.
      await incident(world.accounts.mine.id, "2026-01-01T00:00:00Z", `early ${inserted}`);
      await incident(world.accounts.mine.id, `2026-04-0${++inserted}T00:00:00Z`, "late");
    });
    expect(new Set(seen).size).toBe(seen.length);
    const original = seen.filter((id) => expected.includes(id));
    expect(original).toEqual(expected);
    // Rows written after the cursor are reached; rows sorting before it wait for the next walk.
    expect(seen.length - original.length).toBe(inserted);
  });

  it("filter by account and by time (since inclusive, until exclusive)", async () => {
    const march = await incident(world.accounts.mine.id, "2026-03-01T00:00:00Z");
    const april = await incident(world.accounts.mine.id, "2026-04-01T00:00:00Z");
    await incident(world.accounts.theirs.id, "2026-03-15T00:00:00Z");
    const ids = async (keyset: Partial<Keyset>, accountId?: string) => (await incidentList.list(world.actors.cio, { limit: 50, ...keyset }, { accountId })).map((row) => row.id);
    expect(await ids({}, world.accounts.mine.id)).toEqual([march.id, april.id]);
    expect(await ids({ since: at("2026-03-01T00:00:00Z"), until: at("2026-04-01T00:00:00Z") }, world.accounts.mine.id)).toEqual([march.id]);
    expect(await ids({ since: at("2026-03-02T00:00:00Z") })).toHaveLength(2);
  });
});

describe("access per record", () => {
  it("IT records: a manager lists their own units' only; another unit, or a client, is refused", async () => {
    const mine = await incident(world.accounts.mine.id, "2026-03-01T00:00:00Z");
    const theirs = await incident(world.accounts.theirs.id, "2026-03-01T00:00:00Z");
    expect((await incidentList.list(world.actors.rm, { limit: 50 })).map((row) => row.id)).toEqual([mine.id]);
    expect((await incidentList.list(world.actors.admin, { limit: 50 })).map((row) => row.id).sort()).toEqual([mine.id, theirs.id].sort());
    await expect(incidentList.list(world.actors.rm, { limit: 50 }, { accountId: world.accounts.theirs.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(incidentList.list(world.actors.client, { limit: 50 }, { accountId: world.accounts.mine.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(incidentList.list(world.actors.client, { limit: 50 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(incidentList.get(world.actors.otherRm, mine.id)).rejects.toThrow("That incident was not found.");
    expect((await incidentList.get(world.actors.rm, mine.id)).id).toBe(mine.id);
    await db().incident.update({ where: { id: mine.id }, data: { deletedAt: new Date(), deleteReason: "twice" } });
    await expect(incidentList.get(world.actors.rm, mine.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("ratings: the unit's clients and IT with full access; another manager finds none; withdrawn ones leave", async () => {
    const kept = await createRating(db(), { accountId: world.accounts.mine.id, userId: world.users.client.id, overall: 4, recommend: 7 });
    await createRating(db(), { accountId: world.accounts.mine.id, userId: world.users.client.id, overall: 1, recommend: 1, withdrawnAt: new Date() });
    await createRating(db(), { accountId: world.accounts.theirs.id, userId: world.users.otherClient.id, overall: 2, recommend: 2 });
    const ids = async (actor: keyof World["actors"], accountId?: string) => (await listRatings(world.actors[actor], { limit: 50 }, { accountId })).map((row) => row.id);
    expect(await ids("client")).toEqual([kept.id]);
    expect(await ids("rm")).toEqual([kept.id]);
    expect(await ids("cio")).toHaveLength(2);
    await expect(ids("otherRm", world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(ids("otherClient", world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
    const [row] = await listRatings(world.actors.client, { limit: 1 });
    expect(row!.rater).toEqual({ kind: "user", name: world.users.client.name });
  });

  it("actions: a client gets only done actions marked visible, without IT's names or due day", async () => {
    const base = { accountId: world.accounts.mine.id, ownerId: world.users.rm.id, dueDate: at("2026-05-01") };
    await db().action.create({ data: { ...base, title: "Open one" } });
    await db().action.create({ data: { ...base, title: "Done, IT only", status: "DONE", outcome: "x", closedAt: at("2026-05-02") } });
    const shown = await db().action.create({ data: { ...base, title: "Done, shown", status: "DONE", outcome: "We did it", visibleToClient: true, closedAt: at("2026-05-03") } });
    const client = await listActions(world.actors.client, { limit: 50 });
    expect(client).toEqual([{ access: "client", id: shown.id, accountId: world.accounts.mine.id, title: "Done, shown", outcome: "We did it", closedAt: at("2026-05-03") }]);
    const it = await listActions(world.actors.rm, { limit: 50 });
    expect(it.map((row) => row.access)).toEqual(["full", "full", "full"]);
    await expect(listActions(world.actors.otherRm, { limit: 50 }, { accountId: world.accounts.mine.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("campaigns: a manager sees those asking their units, each naming only those units; clients are refused", async () => {
    const window = { opensAt: at("2026-06-01"), closesAt: at("2026-06-15") };
    const both = await db().campaign.create({ data: { name: "Both", ...window, accounts: { create: [{ accountId: world.accounts.mine.id }, { accountId: world.accounts.theirs.id }] } } });
    await db().campaign.create({ data: { name: "Theirs", ...window, accounts: { create: [{ accountId: world.accounts.theirs.id }] } } });
    const rows = await listCampaignsPage(world.actors.rm, { limit: 50 });
    expect(rows.map((row) => [row.id, row.accounts.map((a) => a.name)])).toEqual([[both.id, ["Finance"]]]);
    expect(await listCampaignsPage(world.actors.cio, { limit: 50 }, { accountId: world.accounts.theirs.id })).toHaveLength(2);
    await expect(listCampaignsPage(world.actors.client, { limit: 50 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
