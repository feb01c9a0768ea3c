import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken, invitationToken, newTokenSalt, unsubscribeToken } from "../../lib/campaigns/tokens";
import { getInvitationByToken, getUnsubscribeState, invitationPrincipal, submitInvitationRating, unsubscribe } from "../../lib/data/invitations";
import { db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";
import { invitationRatingSchema } from "../../lib/validation/rating";
import { POST as oneClick } from "../../app/api/unsubscribe/[token]/route";
import { buildWorld, type World } from "./world";

// Rating through an emailed link, on the real database with an injected clock.

const NOW = new Date("2026-12-02T14:37:21Z");
const DAY = 86_400_000;
const TODAY = new Date("2026-12-02T00:00:00Z");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

let seq = 0;
/** An open campaign with one sent invitation for the world's contact; returns the link's token. */
async function invite(options: { anonymous?: boolean; askScorecard?: boolean; status?: "OPEN" | "CLOSED" | "CANCELLED"; closesAt?: Date } = {}) {
  const campaign = await db().campaign.create({
    data: {
      name: `Winter check-in ${++seq}`,
      message: "Tell us honestly.",
      status: options.status ?? "OPEN",
      opensAt: new Date(NOW.getTime() - DAY),
      closesAt: options.closesAt ?? new Date(NOW.getTime() + 20 * DAY),
      anonymous: options.anonymous ?? false,
      askScorecard: options.askScorecard ?? false,
      createdById: world.users.rm.id,
    },
  });
  const id = `c${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const tokenSalt = newTokenSalt();
  const token = invitationToken(id, tokenSalt);
  const invitation = await db().ratingInvitation.create({
    data: {
      id,
      campaignId: campaign.id,
      accountId: world.accounts.mine.id,
      contactId: world.contact.id,
      tokenSalt,
      tokenHash: hashToken(token),
      sentAt: new Date(NOW.getTime() - DAY),
      expiresAt: new Date(NOW.getTime() + 13 * DAY),
    },
  });
  return { token, invitation, campaign };
}

const form = (token: string, overrides: Record<string, unknown> = {}) =>
  invitationRatingSchema.parse({ token, overall: "2", recommend: "4", comment: "IT just doesn't get it", idempotencyKey: crypto.randomUUID(), ...overrides });

describe("opening a rating link", () => {
  it("shows only what the form needs, with the live core systems when the scorecard is asked", async () => {
    const live = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Ledger" } });
    await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Old ERP", deletedAt: new Date(NOW.getTime() - DAY) } });
    await db().coreSystem.create({ data: { accountId: world.accounts.theirs.id, name: "CRM" } });
    const { token } = await invite({ askScorecard: true });
    const state = await getInvitationByToken(token, NOW);
    expect(state).toMatchObject({ state: "ok", accountName: "Finance", campaignName: expect.stringContaining("Winter"), message: "Tell us honestly.", anonymous: false });
    if (state.state !== "ok") throw new Error("expected ok");
    expect(state.coreSystems.map((s) => s.id)).toEqual([live.id]);
    expect(state.ask).toEqual({ name: world.users.rm.name, email: world.users.rm.email });
    const { token: plain } = await invite();
    expect(await getInvitationByToken(plain, NOW)).toMatchObject({ state: "ok", coreSystems: [] });
  });

  it("names each problem: used, revoked, closed, cancelled, expired, unknown", async () => {
    const used = await invite();
    await db().ratingInvitation.update({ where: { id: used.invitation.id }, data: { answeredAt: NOW } });
    expect(await getInvitationByToken(used.token, NOW)).toMatchObject({ state: "used", accountName: "Finance", ask: { email: world.users.rm.email } });

    const revoked = await invite();
    await db().ratingInvitation.update({ where: { id: revoked.invitation.id }, data: { revokedAt: NOW } });
    expect(await getInvitationByToken(revoked.token, NOW)).toMatchObject({ state: "revoked" });

    expect(await getInvitationByToken((await invite({ status: "CLOSED" })).token, NOW)).toMatchObject({ state: "closed", cancelled: false });
    expect(await getInvitationByToken((await invite({ status: "CANCELLED" })).token, NOW)).toMatchObject({ state: "closed", cancelled: true });
    // Past its closing time before the tick closed it.
    expect(await getInvitationByToken((await invite({ closesAt: new Date(NOW.getTime() - 1) })).token, NOW)).toMatchObject({ state: "closed" });

    const expired = await invite();
    expect(await getInvitationByToken(expired.token, new Date(NOW.getTime() + 13 * DAY))).toMatchObject({ state: "expired" });

    // Unknown says nothing else: no account, no person.
    expect(await getInvitationByToken("A".repeat(43), NOW)).toEqual({ state: "unknown" });
    expect(await getInvitationByToken("not a token", NOW)).toEqual({ state: "unknown" });
    expect(await invitationPrincipal(expired.token, NOW)).toMatchObject({ kind: "invitation", invitation: { id: expired.invitation.id, anonymous: false } });
    expect(await invitationPrincipal(used.token, NOW)).toBeNull();
  });

  it("never opens a skipped request", async () => {
    const { token, invitation } = await invite();
    await db().ratingInvitation.update({ where: { id: invitation.id }, data: { skippedReason: "Unsubscribed" } });
    expect(await getInvitationByToken(token, NOW)).toEqual({ state: "unknown" });
  });
});

describe("rating through a link", () => {
  it("stores a named rating once, linked to the contact and the invitation, audited, with the account re-diagnosed", async () => {
    const { token, invitation, campaign } = await invite();
    const receipt = await submitInvitationRating(form(token), NOW);
    expect(receipt).toEqual({ state: "received", duplicate: false, anonymous: false, accountName: "Finance" });
    const rating = await db().rating.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(rating).toMatchObject({ source: "INVITATION", contactId: world.contact.id, userId: null, overall: 2, recommend: 4, createdAt: NOW });
    expect(rating.phraseHits).not.toEqual([]);
    expect(await db().ratingInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ answeredAt: NOW, ratingId: rating.id });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: rating.id, action: "rating.created" } });
    expect(audit.details).toMatchObject({ contactId: world.contact.id, invitationId: invitation.id });
    expect(await db().healthSnapshot.count({ where: { accountId: world.accounts.mine.id } })).toBe(1);
    // The link is used now.
    expect(await getInvitationByToken(token, NOW)).toMatchObject({ state: "used" });
    expect(await submitInvitationRating(form(token), NOW)).toMatchObject({ state: "used" });
    expect(await db().rating.count()).toBe(1);
  });

  it("answers a retry of the same form 'received' again and stores one; concurrent submits store one", async () => {
    const { token } = await invite();
    const input = form(token);
    await submitInvitationRating(input, NOW);
    expect(await submitInvitationRating(input, NOW)).toMatchObject({ state: "received", duplicate: true });
    expect(await db().rating.count()).toBe(1);

    const second = await invite();
    const double = form(second.token);
    const answers = await Promise.all([submitInvitationRating(double, NOW), submitInvitationRating(double, NOW), submitInvitationRating(form(second.token), NOW)]);
    expect(answers.filter((a) => a.state === "received" && !a.duplicate)).toHaveLength(1);
    expect(await db().rating.count({ where: { campaignId: second.campaign.id } })).toBe(1);
  });

  it("keeps an anonymous rating unlinkable: no contact, random id, the day only, no invitation link", async () => {
    const { token, invitation, campaign } = await invite({ anonymous: true });
    const input = form(token);
    expect(await submitInvitationRating(input, NOW)).toMatchObject({ state: "received", anonymous: true });
    const rating = await db().rating.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(rating).toMatchObject({ contactId: null, userId: null, source: "INVITATION", createdAt: TODAY });
    expect(rating.id).toMatch(/^[0-9a-f]{32}$/);
    expect(await db().ratingInvitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ answeredAt: TODAY, ratingId: null });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: rating.id } });
    expect(audit.createdAt).toEqual(TODAY);
    expect(JSON.stringify(audit.details)).not.toContain(world.contact.id);
    expect(JSON.stringify(audit.details)).not.toContain(invitation.id);
    // Its retry is still recognised; another form through the link is not.
    expect(await submitInvitationRating(input, NOW)).toMatchObject({ state: "received", duplicate: true });
    expect(await submitInvitationRating(form(token), NOW)).toMatchObject({ state: "used" });
  });

  it("stores the scorecard for the account's live core systems only", async () => {
    const ledger = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Ledger" } });
    const payroll = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Payroll" } });
    const gone = await db().coreSystem.create({ data: { accountId: world.accounts.mine.id, name: "Old ERP", deletedAt: NOW } });
    const foreign = await db().coreSystem.create({ data: { accountId: world.accounts.theirs.id, name: "CRM" } });
    const { token, campaign } = await invite({ askScorecard: true });
    for (const bad of [gone, foreign]) {
      await expect(submitInvitationRating(form(token, { systems: [{ coreSystemId: bad.id, importance: "5", satisfaction: "1" }] }), NOW)).rejects.toThrow(/systems changed/);
    }
    expect(await db().rating.count()).toBe(0);
    const systems = [
      { coreSystemId: ledger.id, importance: "5", satisfaction: "2" },
      { coreSystemId: payroll.id, importance: "", satisfaction: "" },
    ];
    await submitInvitationRating(form(token, { systems }), NOW);
    const rating = await db().rating.findFirstOrThrow({ where: { campaignId: campaign.id }, include: { serviceScores: true } });
    expect(rating.serviceScores.map(({ coreSystemId, importance, satisfaction }) => ({ coreSystemId, importance, satisfaction }))).toEqual([
      { coreSystemId: ledger.id, importance: 5, satisfaction: 2 },
    ]);
  });

  it("validates the scorecard: 1–5, both or neither", () => {
    const base = { token: "A".repeat(43), overall: "3", recommend: "5", idempotencyKey: crypto.randomUUID() };
    const id = world.contact.id;
    expect(invitationRatingSchema.safeParse({ ...base, systems: [{ coreSystemId: id, importance: "6", satisfaction: "2" }] }).success).toBe(false);
    expect(invitationRatingSchema.safeParse({ ...base, systems: [{ coreSystemId: id, importance: "4", satisfaction: "" }] }).success).toBe(false);
    expect(invitationRatingSchema.safeParse({ ...base, token: "short" }).success).toBe(false);
    expect(invitationRatingSchema.safeParse({ ...base, overall: "0" }).success).toBe(false);
  });

  it("refuses through a closed, revoked or expired link and stores nothing", async () => {
    const closed = await invite({ status: "CLOSED" });
    expect(await submitInvitationRating(form(closed.token), NOW)).toMatchObject({ state: "closed" });
    const revoked = await invite();
    await db().ratingInvitation.update({ where: { id: revoked.invitation.id }, data: { revokedAt: NOW } });
    expect(await submitInvitationRating(form(revoked.token), NOW)).toMatchObject({ state: "revoked" });
    const expired = await invite();
    expect(await submitInvitationRating(form(expired.token), new Date(NOW.getTime() + 14 * DAY))).toMatchObject({ state: "expired" });
    expect(await submitInvitationRating(form("B".repeat(43)), NOW)).toEqual({ state: "unknown" });
    expect(await db().rating.count()).toBe(0);
  });
});

describe("unsubscribing", () => {
  it("marks the contact once, audited, and refuses a forged token", async () => {
    const token = unsubscribeToken(world.contact.id);
    expect(await getUnsubscribeState(token)).toMatchObject({ state: "ok", contactName: "Dana Finance", alreadyUnsubscribed: false });
    expect(await unsubscribe(token, NOW)).toMatchObject({ state: "ok", alreadyUnsubscribed: false });
    expect(await unsubscribe(token, new Date(NOW.getTime() + DAY))).toMatchObject({ state: "ok", alreadyUnsubscribed: true });
    expect((await db().contact.findUniqueOrThrow({ where: { id: world.contact.id } })).unsubscribedAt).toEqual(NOW);
    expect(await db().auditEvent.count({ where: { action: "contact.unsubscribed", entityId: world.contact.id } })).toBe(1);
    const forged = `${world.contact.id}.${"x".repeat(43)}`;
    expect(await getUnsubscribeState(forged)).toEqual({ state: "unknown" });
    expect(await unsubscribe(`${world.accounts.mine.id}.${token.split(".")[1]}`, NOW)).toEqual({ state: "unknown" });
  });
});

describe("one-click unsubscribe (RFC 8058)", () => {
  // The addresses below reach the app through one declared proxy: without one, X-Forwarded-For is not believed.
  const declared = process.env.TRUST_PROXY_HOPS;
  beforeAll(() => {
    process.env.TRUST_PROXY_HOPS = "1";
    resetEnvCache();
  });
  afterAll(() => {
    if (declared === undefined) delete process.env.TRUST_PROXY_HOPS;
    else process.env.TRUST_PROXY_HOPS = declared;
    resetEnvCache();
  });
  const post = (token: string, body = "List-Unsubscribe=One-Click", ip = "198.51.100.4") =>
    oneClick(new Request(`http://localhost/api/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": ip }, body }), {
      params: Promise.resolve({ token }),
    });

  it("answers 200 and unsubscribes (again: 200), 400 for a forged token or a wrong body, 429 after too many misses", async () => {
    const token = unsubscribeToken(world.contact.id);
    expect((await post(token, "nothing=here")).status).toBe(400);
    expect((await db().contact.findUniqueOrThrow({ where: { id: world.contact.id } })).unsubscribedAt).toBeNull();
    expect((await post(token)).status).toBe(200);
    expect((await post(token)).status).toBe(200);
    expect((await db().contact.findUniqueOrThrow({ where: { id: world.contact.id } })).unsubscribedAt).not.toBeNull();
    const forged = `${world.contact.id}.${"x".repeat(43)}`;
    const guesser = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 20; i++) expect((await post(forged, undefined, guesser)).status).toBe(400);
    const blocked = await post(token, undefined, guesser);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toMatch(/try again in \d+ minutes/);
    // Another address is not blocked.
    expect((await post(token, undefined, "198.51.100.9")).status).toBe(200);
  });
});
