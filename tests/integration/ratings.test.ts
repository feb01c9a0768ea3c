import { beforeEach, describe, expect, it } from "vitest";
import { InputConflictError } from "../../lib/data/errors";
import { SURVEY_POLICY_KEY } from "../../lib/campaigns/policy";
import { getRecentOwnRating, listAccountRatings, raterOf, REPLACED_REASON, submitRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { buildWorld, ratingInput, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

describe("submitting a rating", () => {
  it("stores it with its dimensions, audits it and re-diagnoses the account", async () => {
    const input = ratingInput(world.accounts.mine.id, { responsiveness: 2, trust: 4 });
    const receipt = await submitRating(world.actors.client, input);
    expect(receipt.duplicate).toBe(false);
    const stored = await db().rating.findUniqueOrThrow({ where: { id: receipt.id } });
    expect(stored).toMatchObject({ overall: 2, recommend: 3, responsiveness: 2, trust: 4, delivery: null, userId: world.users.client.id });
    expect(await db().healthSnapshot.count({ where: { accountId: world.accounts.mine.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: receipt.id, action: "rating.created" } })).toBe(1);
  });

  it("stores a retried submission once", async () => {
    const input = ratingInput(world.accounts.mine.id);
    const first = await submitRating(world.actors.client, input);
    const retry = await submitRating(world.actors.client, input);
    expect(retry).toEqual({ id: first.id, duplicate: true, replaced: [] });
    expect(await db().rating.count()).toBe(1);
  });

  it("stores concurrent retries once", async () => {
    const input = ratingInput(world.accounts.mine.id);
    const receipts = await Promise.all(Array.from({ length: 4 }, () => submitRating(world.actors.client, input)));
    expect(new Set(receipts.map((receipt) => receipt.id)).size).toBe(1);
    expect(await db().rating.count()).toBe(1);
  });

  it("refuses another user's idempotency key without revealing their rating", async () => {
    const secondClient = await db().user.create({
      data: { email: "second@finance.test", name: "Second", role: "CLIENT", accountId: world.accounts.mine.id, passwordHash: "x" },
    });
    const input = ratingInput(world.accounts.mine.id);
    await submitRating(world.actors.client, input);
    const actor = { id: secondClient.id, role: secondClient.role, accountId: secondClient.accountId, name: secondClient.name, email: secondClient.email };
    await expect(submitRating(actor, input)).rejects.toBeInstanceOf(InputConflictError);
    expect(await db().rating.count()).toBe(1);
  });
});

const DAY = 86_400_000;

describe("rating again within the recontact window", () => {
  const at = (days: number) => new Date(Date.parse("2026-03-01T12:00:00Z") + days * DAY);

  it("replaces the client's previous rating: withdrawn with its reason, kept in the audit log, the new one counted", async () => {
    const accountId = world.accounts.mine.id;
    const first = await submitRating(world.actors.client, ratingInput(accountId, { overall: 2 }), at(0));
    expect(first.replaced).toEqual([]);
    // Before rating again, the page can say which rating would be replaced and until when.
    const recent = await getRecentOwnRating(world.actors.client, accountId, at(10));
    expect(recent).toMatchObject({ id: first.id, recontactDays: 30, replaceableUntil: at(30) });

    const second = await submitRating(world.actors.client, ratingInput(accountId, { overall: 4 }), at(10));
    expect(second.replaced).toEqual([{ id: first.id, createdAt: at(0) }]);
    const old = await db().rating.findUniqueOrThrow({ where: { id: first.id } });
    expect(old).toMatchObject({ withdrawnAt: at(10), withdrawReason: REPLACED_REASON, overall: 2 });
    // One live rating; the lists show the newer one only.
    const live = await listAccountRatings(world.actors.rm, accountId);
    expect(live.map((r) => r.id)).toEqual([second.id]);
    // History: the withdrawal names what replaced it, the new rating what it replaces.
    const withdrawn = await db().auditEvent.findFirstOrThrow({ where: { entityId: first.id, action: "rating.withdrawn" } });
    expect(withdrawn.details).toMatchObject({ after: { withdrawReason: REPLACED_REASON }, replacedBy: second.id, recontactDays: 30 });
    const created = await db().auditEvent.findFirstOrThrow({ where: { entityId: second.id, action: "rating.created" } });
    expect(created.details).toMatchObject({ replaces: [first.id] });
    // The diagnosis was recomputed with the newer rating alone.
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId }, orderBy: { computedAt: "desc" } });
    expect(snapshot.computedAt).toEqual(at(10));
  });

  it("adds a rating once the window has passed, and follows the survey policy's window", async () => {
    const accountId = world.accounts.mine.id;
    const first = await submitRating(world.actors.client, ratingInput(accountId), at(0));
    expect(await getRecentOwnRating(world.actors.client, accountId, at(31))).toBeNull();
    const later = await submitRating(world.actors.client, ratingInput(accountId), at(31));
    expect(later.replaced).toEqual([]);
    expect(await db().rating.count({ where: { accountId, withdrawnAt: null } })).toBe(2);

    // A 60-day window (the policy changed): a rating on day 45 replaces both, as both fall within it.
    await db().appState.upsert({ where: { key: SURVEY_POLICY_KEY }, create: { key: SURVEY_POLICY_KEY, value: { recontactDays: 60 } }, update: { value: { recontactDays: 60 } } });
    const third = await submitRating(world.actors.client, ratingInput(accountId), at(45));
    expect(third.replaced.map((r) => r.id)).toEqual([first.id, later.id]);
    expect(await db().rating.count({ where: { accountId, withdrawnAt: null } })).toBe(1);
  });

  it("replaces hundreds of earlier ratings in one submission, each withdrawal in the audit log", async () => {
    // The bench's heaviest account: a client with 500 live ratings in the window (from before the
    // policy, or imported). Writing their audit rows one round trip each outran the transaction's timeout.
    const accountId = world.accounts.mine.id;
    const earlier = Array.from({ length: 500 }, (_, i) => ({ accountId, userId: world.users.client.id, overall: 3, recommend: 3, idempotencyKey: `earlier-${i}`, createdAt: new Date(at(0).getTime() + i * 60_000) }));
    await db().rating.createMany({ data: earlier });
    const receipt = await submitRating(world.actors.client, ratingInput(accountId, { overall: 5 }), at(20));
    expect(receipt.replaced).toHaveLength(500);
    expect(await db().rating.count({ where: { accountId, withdrawnAt: null } })).toBe(1);
    const withdrawals = await db().auditEvent.findMany({ where: { accountId, action: "rating.withdrawn" }, select: { entityId: true, details: true } });
    expect(withdrawals.map((w) => w.entityId).sort()).toEqual(receipt.replaced.map((r) => r.id).sort());
    for (const { details } of withdrawals) expect(details).toMatchObject({ after: { withdrawReason: REPLACED_REASON }, replacedBy: receipt.id, recontactDays: 30 });
    const created = await db().auditEvent.findFirstOrThrow({ where: { entityId: receipt.id, action: "rating.created" } });
    expect((created.details as { replaces: string[] }).replaces).toHaveLength(500);
  });

  it("a window of 0 days never replaces", async () => {
    const accountId = world.accounts.mine.id;
    await db().appState.create({ data: { key: SURVEY_POLICY_KEY, value: { recontactDays: 0 } } });
    await submitRating(world.actors.client, ratingInput(accountId), at(0));
    const again = await submitRating(world.actors.client, ratingInput(accountId), at(0.5));
    expect(again.replaced).toEqual([]);
    expect(await getRecentOwnRating(world.actors.client, accountId, at(1))).toBeNull();
    expect(await db().rating.count({ where: { accountId, withdrawnAt: null } })).toBe(2);
  });

  it("replaces only the same client's rating of the same account; a retry replaces nothing twice", async () => {
    const accountId = world.accounts.mine.id;
    const secondClient = await db().user.create({ data: { email: "second@finance.test", name: "Second", role: "CLIENT", accountId, passwordHash: "x" } });
    const other = { id: secondClient.id, role: secondClient.role, accountId: secondClient.accountId, name: secondClient.name, email: secondClient.email };
    const mine = await submitRating(world.actors.client, ratingInput(accountId), at(0));
    const theirs = await submitRating(other, ratingInput(accountId), at(1));
    expect(theirs.replaced).toEqual([]);
    const input = ratingInput(accountId);
    const again = await submitRating(world.actors.client, input, at(2));
    expect(again.replaced.map((r) => r.id)).toEqual([mine.id]);
    expect(await submitRating(world.actors.client, input, at(2))).toEqual({ id: again.id, duplicate: true, replaced: [] });
    expect((await listAccountRatings(world.actors.rm, accountId)).map((r) => r.id).sort()).toEqual([again.id, theirs.id].sort());
    // IT people never have a "recent own rating".
    expect(await getRecentOwnRating(world.actors.rm, accountId, at(2))).toBeNull();
  });

  it("two different forms sent at once leave one live rating", async () => {
    const accountId = world.accounts.mine.id;
    await submitRating(world.actors.client, ratingInput(accountId), at(0));
    const receipts = await Promise.all([submitRating(world.actors.client, ratingInput(accountId), at(1)), submitRating(world.actors.client, ratingInput(accountId), at(1))]);
    expect(receipts.every((r) => !r.duplicate)).toBe(true);
    expect(await db().rating.count({ where: { accountId, withdrawnAt: null } })).toBe(1);
  });
});

describe("who gave a rating, as lists show it", () => {
  it("names the user or the contact, never anyone for an anonymous rating", () => {
    expect(raterOf({ source: "APP", user: { name: "Ann" }, contact: null, campaign: null })).toEqual({ kind: "user", name: "Ann" });
    expect(raterOf({ source: "INVITATION", user: null, contact: { name: "Bo" }, campaign: { anonymous: false } })).toEqual({ kind: "contact", name: "Bo" });
    expect(raterOf({ source: "INVITATION", user: null, contact: null, campaign: { anonymous: true } })).toEqual({ kind: "anonymous" });
    // Even if a contact were somehow attached, an anonymous campaign's rating names nobody.
    expect(raterOf({ source: "INVITATION", user: null, contact: { name: "Bo" }, campaign: { anonymous: true } })).toEqual({ kind: "anonymous" });
    expect(raterOf({ source: "INVITATION", user: null, contact: null, campaign: null })).toEqual({ kind: "anonymous" });
  });

  it("lists an invitation's rating under its contact and an anonymous one under no name", async () => {
    const accountId = world.accounts.mine.id;
    const contact = await db().contact.create({ data: { accountId, name: "Dana Contact", email: "dana@finance.test" } });
    const window = { opensAt: new Date("2026-03-01T00:00:00Z"), closesAt: new Date("2026-03-20T00:00:00Z"), status: "OPEN" as const };
    const named = await db().campaign.create({ data: { name: "Q1", ...window } });
    const hidden = await db().campaign.create({ data: { name: "Q1 anonymous", anonymous: true, ...window } });
    const scores = { overall: 3, recommend: 5, source: "INVITATION" as const, accountId };
    await db().rating.create({ data: { ...scores, contactId: contact.id, campaignId: named.id, idempotencyKey: crypto.randomUUID(), createdAt: new Date("2026-03-02T09:13:00Z") } });
    await db().rating.create({ data: { ...scores, contactId: null, campaignId: hidden.id, idempotencyKey: crypto.randomUUID(), createdAt: new Date("2026-03-02T00:00:00Z") } });
    await submitRating(world.actors.client, ratingInput(accountId), new Date("2026-03-03T10:00:00Z"));
    const list = await listAccountRatings(world.actors.cio, accountId);
    expect(list.map((r) => r.rater)).toEqual([{ kind: "user", name: world.users.client.name }, { kind: "contact", name: "Dana Contact" }, { kind: "anonymous" }]);
    expect(list[2]).toMatchObject({ contact: null, user: null });
    expect(JSON.stringify(list)).not.toContain(hidden.id);
  });
});
