import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { getServiceImportance } from "../../lib/data/service-importance";
import { getStakeholderMap } from "../../lib/data/stakeholders";
import { NOT_MET_DAYS } from "../../lib/data/worklist";
import { db } from "../../lib/db/client";
import { createContact, createInteraction, createRating } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

describe("stakeholder map", () => {
  it("places active contacts by influence and interest and flags influential people IT has not met in a long while", async () => {
    const mine = world.accounts.mine.id;
    const [sponsor, unmet, seen, quiet, gone] = await Promise.all([
      createContact(db(), { accountId: mine, name: "Ada Sponsor", influence: "HIGH", interest: "LOW", role: "SPONSOR" }),
      createContact(db(), { accountId: mine, name: "Ben Never", influence: "HIGH", interest: "HIGH" }),
      createContact(db(), { accountId: mine, name: "Cleo Seen", influence: "HIGH", interest: "HIGH" }),
      createContact(db(), { accountId: mine, name: "Dev Quiet", influence: "LOW", interest: "LOW" }),
      createContact(db(), { accountId: mine, name: "Eve Gone", influence: "HIGH", interest: "HIGH", leftAt: ago(5) }),
    ]);
    await createInteraction(db(), { accountId: mine, loggedById: world.users.rm.id, occurredAt: ago(NOT_MET_DAYS + 10), contactIds: [sponsor.id, quiet.id] });
    await createInteraction(db(), { accountId: mine, loggedById: world.users.rm.id, occurredAt: ago(3), contactIds: [seen.id] });
    // A meeting that did not happen is not a meeting.
    await createInteraction(db(), { accountId: mine, loggedById: world.users.rm.id, occurredAt: ago(2), contactIds: [sponsor.id], outcome: "CANCELLED", cancelledBy: "CLIENT" });

    const { stakeholders, notMetDays } = await getStakeholderMap(world.actors.rm, mine);
    expect(notMetDays).toBe(NOT_MET_DAYS);
    const byName = new Map(stakeholders.map((person) => [person.name, person]));
    expect(byName.has(gone.name)).toBe(false);
    expect(byName.get("Ada Sponsor")).toMatchObject({ influence: "HIGH", interest: "LOW", daysSinceMet: NOT_MET_DAYS + 10, flagged: true });
    expect(byName.get("Ben Never")).toMatchObject({ daysSinceMet: null, flagged: true });
    expect(byName.get("Cleo Seen")).toMatchObject({ daysSinceMet: 3, flagged: false });
    // Not influential: not flagged however long ago.
    expect(byName.get("Dev Quiet")).toMatchObject({ influence: "LOW", flagged: false });
    expect(unmet.id).toBe(byName.get("Ben Never")?.id);
  });

  it("is IT's with full access: the unit's client, another unit's client and another manager find no such account", async () => {
    for (const actor of [world.actors.client, world.actors.otherClient, world.actors.otherRm]) {
      await expect(getStakeholderMap(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
      await expect(getServiceImportance(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
    }
    for (const actor of [world.actors.rm, world.actors.cio, world.actors.admin]) {
      expect((await getStakeholderMap(actor, world.accounts.mine.id)).stakeholders.map((p) => p.name)).toEqual(["Dana Finance"]);
    }
  });
});

describe("importance × satisfaction of the unit's services", () => {
  async function scored(accountId: string, campaign: { anonymous: boolean; minGroupSize?: number } | null, scores: [string, number, number][], createdAt = ago(10)) {
    const campaignId = campaign
      ? (await db().campaign.create({ data: { name: "Pulse", opensAt: ago(30), closesAt: ago(1), status: "CLOSED", askScorecard: true, anonymous: campaign.anonymous, minGroupSize: campaign.minGroupSize ?? 5 } })).id
      : null;
    const rating = await createRating(db(), { accountId, userId: null, campaignId, source: "INVITATION", createdAt });
    await db().serviceScore.createMany({ data: scores.map(([coreSystemId, importance, satisfaction]) => ({ ratingId: rating.id, coreSystemId, importance, satisfaction })) });
    return campaignId;
  }

  it("averages every scorecard answer of the last year per core system and names the fix-first ones", async () => {
    const mine = world.accounts.mine.id;
    const [erp, crm, idle] = await Promise.all(
      ["ERP", "CRM", "Intranet"].map((name) => db().coreSystem.create({ data: { accountId: mine, name }, select: { id: true } })),
    );
    const theirs = await db().coreSystem.create({ data: { accountId: world.accounts.theirs.id, name: "Their ERP" } });
    await scored(mine, { anonymous: false }, [[erp!.id, 5, 2], [crm!.id, 2, 4]]);
    await scored(mine, null, [[erp!.id, 4, 1]]);
    await scored(mine, { anonymous: false }, [[erp!.id, 1, 5]], ago(400)); // older than a year
    await scored(world.accounts.theirs.id, { anonymous: false }, [[theirs.id, 5, 1]]);

    const { points, sinceEpoch } = await getServiceImportance(world.actors.cio, mine);
    expect(sinceEpoch).toBe(false);
    expect(points).toEqual([
      { coreSystemId: crm!.id, name: "CRM", answers: 1, importance: 2, satisfaction: 4, fixFirst: false },
      { coreSystemId: erp!.id, name: "ERP", answers: 2, importance: 4.5, satisfaction: 1.5, fixFirst: true },
      { coreSystemId: idle!.id, name: "Intranet", answers: 0, importance: null, satisfaction: null, fixFirst: false },
    ]);
  });

  it("counts an anonymous campaign's answers about a system only from its K, and starts afresh with a new epoch", async () => {
    const mine = world.accounts.mine.id;
    const erp = await db().coreSystem.create({ data: { accountId: mine, name: "ERP" } });
    // Two anonymous answers in a campaign whose K is 3: left out, so they cannot be told apart.
    const small = await scored(mine, { anonymous: true, minGroupSize: 3 }, [[erp.id, 5, 1]]);
    const rating = await createRating(db(), { accountId: mine, userId: null, campaignId: small, source: "INVITATION", createdAt: ago(9) });
    await db().serviceScore.create({ data: { ratingId: rating.id, coreSystemId: erp.id, importance: 5, satisfaction: 1 } });
    await scored(mine, { anonymous: false }, [[erp.id, 3, 3]], ago(20));
    expect((await getServiceImportance(world.actors.rm, mine)).points[0]).toMatchObject({ answers: 1, importance: 3, satisfaction: 3, fixFirst: false });

    // A third answer reaches K: the group counts.
    const third = await createRating(db(), { accountId: mine, userId: null, campaignId: small, source: "INVITATION", createdAt: ago(8) });
    await db().serviceScore.create({ data: { ratingId: third.id, coreSystemId: erp.id, importance: 5, satisfaction: 1 } });
    expect((await getServiceImportance(world.actors.rm, mine)).points[0]).toMatchObject({ answers: 4, importance: 4.5, satisfaction: 1.5, fixFirst: true });

    // A new epoch 15 days ago leaves the answer of 20 days ago out.
    await db().accountEpoch.create({ data: { accountId: mine, startsAt: ago(15), reasonKind: "NEW_IT_LEADERSHIP", reason: "New CIO", recordedById: world.users.cio.id } });
    const afresh = await getServiceImportance(world.actors.rm, mine);
    expect(afresh.sinceEpoch).toBe(true);
    expect(afresh.points[0]).toMatchObject({ answers: 3, importance: 5, satisfaction: 1, fixFirst: true });
  });
});
