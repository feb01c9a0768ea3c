import { beforeEach, describe, expect, it } from "vitest";
import { endOtherSessions, endSession, findActor, listOwnSessions, startSession, TOUCH_INTERVAL_MS } from "../../lib/data/sessions";
import { db } from "../../lib/db/client";
import { createUser } from "../../prisma/seed/factories";

// Server-side sessions (decision 012): the cookie names a row; the row decides on each request.
// Time is the data layer's `now` parameter, so expiry is tested without waiting.

const T0 = new Date("2026-11-22T08:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

let userId: string;
beforeEach(async () => {
  userId = (await createUser(db(), { role: "CIO", name: "Casey CIO" })).id;
});

const lastSeen = async (id: string) => (await db().userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;

describe("a session", () => {
  it("names its user, read fresh from the database on each request", async () => {
    const id = await startSession(userId, T0);
    expect(await findActor(id, at(1))).toMatchObject({ id: userId, role: "CIO", name: "Casey CIO", accountId: null });
    await db().user.update({ where: { id: userId }, data: { name: "Casey Renamed" } });
    expect(await findActor(id, at(2))).toMatchObject({ name: "Casey Renamed" });
    expect(await findActor("not-a-session", at(2))).toBeNull();
  });

  it("ends after 30 idle minutes, and each use (at most once a minute) moves that on", async () => {
    const id = await startSession(userId, T0);
    // Within a minute of the last write, a request only reads.
    expect(await findActor(id, new Date(T0.getTime() + TOUCH_INTERVAL_MS - 1))).not.toBeNull();
    expect(await lastSeen(id)).toEqual(T0);
    expect(await findActor(id, at(29))).not.toBeNull();
    expect(await lastSeen(id)).toEqual(at(29));
    // Used every 29 minutes it lives on (past the first 30)…
    for (const minute of [58, 87, 116]) expect(await findActor(id, at(minute))).not.toBeNull();
    // …then 30 minutes pass unused, and a refused request moves nothing.
    expect(await findActor(id, at(146))).toBeNull();
    expect(await lastSeen(id)).toEqual(at(116));
  });

  it("ends 12 hours after sign-in however busy it is", async () => {
    const id = await startSession(userId, T0);
    for (let minute = 20; minute < 12 * 60; minute += 20) expect(await findActor(id, at(minute))).not.toBeNull();
    expect(await findActor(id, at(12 * 60 - 1))).not.toBeNull();
    expect(await findActor(id, at(12 * 60))).toBeNull();
  });

  it("stops at once when signed out, and a second sign-out keeps the first reason", async () => {
    const id = await startSession(userId, T0);
    const other = await startSession(userId, T0);
    await endSession(id, "sign-out", at(1));
    expect(await findActor(id, at(1))).toBeNull();
    expect(await findActor(other, at(1))).not.toBeNull();
    await endSession(id, "admin", at(2));
    expect(await db().userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endedAt: at(1), endReason: "sign-out" });
  });

  it("of a deactivated user does not count even if the row was left open", async () => {
    const id = await startSession(userId, T0);
    await db().user.update({ where: { id: userId }, data: { deactivatedAt: at(1) } });
    expect(await findActor(id, at(2))).toBeNull();
  });

  it("lists its user's live sessions, and signing out the others keeps this one", async () => {
    const here = await startSession(userId, at(0));
    const phone = await startSession(userId, at(1));
    const stale = await startSession(userId, at(-60)); // idle for an hour
    const stranger = await startSession((await createUser(db(), { role: "CIO" })).id, at(0));
    const actor = (await findActor(here, at(2)))!;
    const listed = await listOwnSessions(actor, here, at(2));
    expect(listed.map((session) => [session.createdAt, session.current])).toEqual([[at(1), false], [at(0), true]]);
    expect(listed[0]).not.toHaveProperty("id");
    expect(await endOtherSessions(actor, here, at(3))).toBe(2);
    expect(await findActor(phone, at(3))).toBeNull();
    expect(await findActor(here, at(3))).not.toBeNull();
    expect(await findActor(stranger, at(3))).not.toBeNull();
    expect((await db().userSession.findUniqueOrThrow({ where: { id: stale } })).endReason).toBe("signed-out-elsewhere");
  });
});
