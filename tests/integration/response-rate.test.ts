import { beforeEach, describe, expect, it } from "vitest";
import { hashToken, invitationToken, newTokenSalt } from "../../lib/campaigns/tokens";
import { NotFoundError } from "../../lib/data/errors";
import { getResponseRates } from "../../lib/data/response-rates";
import { db } from "../../lib/db/client";
import { recomputeHealth } from "../../lib/health/recompute";
import { loadSignals } from "../../lib/health/signals";
import type { Diagnosis } from "../../lib/scoring";
import { createContact } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

// Invitations are the library's rating requests (issue 8): a sent one counts once its outcome is
// known, a skipped one was never a request, and a falling rate reaches the diagnosis with its trend.

const DAY = 86_400_000;
const now = new Date("2026-06-30T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let world: World;
let contacts: string[];
beforeEach(async () => {
  world = await buildWorld();
  contacts = [world.contact.id];
  for (let i = 1; i < 6; i++) contacts.push((await createContact(db(), { accountId: world.accounts.mine.id, name: `Contact ${i}`, email: `c${i}@finance.example` })).id);
});

type Outcome = "answered" | "unanswered" | "skipped" | "failed" | "revoked";

/** A closed round opened `daysAgo` (links valid 14 days), asking `outcomes.length` contacts. */
async function round(daysAgo: number, outcomes: Outcome[], { closesInDays = 14, accountId = world.accounts.mine.id } = {}) {
  const opensAt = ago(daysAgo);
  const campaign = await db().campaign.create({
    data: {
      name: `Round ${daysAgo} days ago`,
      opensAt,
      closesAt: new Date(opensAt.getTime() + closesInDays * DAY),
      status: opensAt.getTime() + closesInDays * DAY <= now.getTime() ? "CLOSED" : "OPEN",
      accounts: { create: { accountId } },
    },
  });
  const ids: string[] = [];
  for (const [n, outcome] of outcomes.entries()) {
    const id = `inv${daysAgo}x${n}${accountId.slice(-4)}`;
    const salt = newTokenSalt();
    const sent = outcome !== "skipped" && outcome !== "failed";
    const sentAt = sent ? new Date(opensAt.getTime() + 60_000) : null;
    await db().ratingInvitation.create({
      data: {
        id,
        campaignId: campaign.id,
        accountId,
        contactId: accountId === world.accounts.mine.id ? contacts[n]! : (await createContact(db(), { accountId, name: `Them ${n}` })).id,
        tokenSalt: salt,
        tokenHash: hashToken(invitationToken(id, salt)),
        skippedReason: outcome === "skipped" ? "Asked in “Earlier” within the 30-day recontact window" : null,
        sentAt,
        expiresAt: sentAt && new Date(sentAt.getTime() + 14 * DAY),
        answeredAt: outcome === "answered" ? new Date(opensAt.getTime() + 2 * DAY) : null,
        revokedAt: outcome === "revoked" ? new Date(opensAt.getTime() + DAY) : null,
      },
    });
    ids.push(id);
  }
  return { campaign, ids };
}

const evidence = async (accountId = world.accounts.mine.id) => {
  const diagnosis = (await db().$transaction((tx) => recomputeHealth(tx, [accountId], now))).get(accountId) as Diagnosis;
  return diagnosis.evidence.find((e) => e.signal === "ratings.responseRate");
};

describe("response rate", () => {
  it("feeds the diagnosis a falling rate with its trend; skipped, failed and revoked invitations are not requests", async () => {
    // 120 days ago 2 of 6 answered; 40 days ago 0 of 2, one skipped, one failed email, one revoked.
    const before = await round(120, ["answered", "answered", "unanswered", "unanswered", "unanswered", "unanswered"]);
    const latest = await round(40, ["unanswered", "unanswered", "skipped", "failed", "revoked"]);
    const [signals] = [...(await loadSignals(db(), [world.accounts.mine.id], now)).values()];
    expect(signals!.ratingRequests!.map((r) => r.id)).toEqual([...before.ids, ...latest.ids.slice(0, 2)]);
    // Two requests lately are too few to judge the last 90 days alone: the 180 days do.
    const e = await evidence();
    expect(e).toMatchObject({ stage: "SNIFFLES", value: 0.25, sourceIds: [...before.ids, ...latest.ids.slice(0, 2)] });
    expect(e?.message).toBe("Clients answered 2 of 8 rating requests in the last 180 days (25%): they are disengaging.");
  });

  it("shows the fall once the latest window holds enough requests", async () => {
    const before = await round(120, ["answered", "answered", "answered", "answered", "answered", "unanswered"]);
    const latest = await round(40, ["answered", "unanswered", "unanswered", "unanswered", "unanswered", "skipped"]);
    const e = await evidence();
    expect(e).toMatchObject({ stage: "SNIFFLES", value: 0.2 });
    expect(e?.message).toBe(
      "The response rate fell from 83% to 20%: clients answered 1 of 5 rating requests in the last 90 days, 5 of 6 in the 90 days before (6 of 11 rating requests in the last 180 days): they are disengaging.",
    );
    expect(e?.sourceIds).toEqual([...before.ids, ...latest.ids.slice(0, 5)]);
    // Stored with the snapshot, as every evidence is.
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain("fell from 83% to 20%");
  });

  it("waits for a round still open, and replays history as it was", async () => {
    await round(120, ["answered", "answered", "answered", "answered", "answered", "unanswered"]);
    // Sent two days ago, links valid for twelve more days: nobody has had their chance yet.
    await round(2, ["unanswered", "unanswered", "unanswered", "unanswered", "answered"]);
    const [signals] = [...(await loadSignals(db(), [world.accounts.mine.id], now)).values()];
    expect(signals!.ratingRequests).toHaveLength(6);
    // As of 115 days ago, the earlier round's links were still open: no requests yet.
    const [then] = [...(await loadSignals(db(), [world.accounts.mine.id], ago(115))).values()];
    expect(then!.ratingRequests).toBeUndefined();
    // As of 100 days ago: answered by then, and the one left unanswered is one.
    const [later] = [...(await loadSignals(db(), [world.accounts.mine.id], ago(100))).values()];
    expect(later!.ratingRequests!.map((r) => r.answeredAt !== null)).toEqual([true, true, true, true, true, false]);
  });

  it("loads many accounts' requests with their other signals, in one statement", async () => {
    await round(120, ["answered", "unanswered"]);
    await round(120, ["answered", "answered"], { accountId: world.accounts.theirs.id });
    const queries: string[] = [];
    const counting = db().$extends({ query: { $allOperations: ({ args, query, operation }) => (queries.push(operation), query(args)) } });
    const signals = await loadSignals(counting as never, [world.accounts.mine.id, world.accounts.theirs.id], now);
    expect(queries).toEqual(["$queryRaw"]);
    expect(signals.get(world.accounts.mine.id)!.ratingRequests).toHaveLength(2);
    expect(signals.get(world.accounts.theirs.id)!.ratingRequests).toHaveLength(2);
  });

  it("counts invited and answered per round for the account page, for IT with full access only", async () => {
    await round(120, ["answered", "answered", "unanswered", "skipped"]);
    await round(2, ["answered", "unanswered", "failed", "revoked"]);
    const rates = await getResponseRates(world.actors.rm, world.accounts.mine.id);
    expect(rates.rounds.map(({ invited, answered, skipped, rate, open }) => ({ invited, answered, skipped, rate, open }))).toEqual([
      { invited: 3, answered: 2, skipped: 1, rate: 2 / 3, open: false },
      { invited: 2, answered: 1, skipped: 0, rate: 0.5, open: true },
    ]);
    expect(rates).toMatchObject({ invited: 5, answered: 3, rate: 0.6 });
    for (const actor of [world.actors.cio, world.actors.admin]) expect((await getResponseRates(actor, world.accounts.mine.id)).rounds).toHaveLength(2);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getResponseRates(actor, world.accounts.mine.id)).rejects.toThrow(NotFoundError);
    }
    expect(await getResponseRates(world.actors.otherRm, world.accounts.theirs.id)).toEqual({ rounds: [], invited: 0, answered: 0, rate: null });
  });
});
