import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/data/permissions";
import { db } from "../../lib/db/client";
import { buildWorld, type World } from "./world";

// The session is the one thing faked here: actions and route handlers run for real against the
// database, so these tests check their validation, authorization and error mapping end to end.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/current-actor", async () => {
  const { UnauthenticatedError } = await import("../../lib/data/errors");
  return {
    currentActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new UnauthenticatedError();
      return session.actor;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { logInteractionAction } = await import("../../app/(app)/accounts/[id]/interactions/new/actions");
const { submitRatingAction } = await import("../../app/(app)/accounts/[id]/rate/actions");
const { createUserAction, unlockUserAction } = await import("../../app/(app)/admin/users/actions");
const accountsRoute = await import("../../app/api/accounts/route");
const accountRoute = await import("../../app/api/accounts/[id]/route");
const ratingsRoute = await import("../../app/api/accounts/[id]/ratings/route");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  session.actor = null;
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

const interactionForm = (accountId: string, overrides: Record<string, string | string[]> = {}) =>
  form({
    accountId,
    type: "CALL",
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    summary: "Weekly call",
    notes: "They said IT is so wound up in red tape",
    sentiment: "NEGATIVE",
    itOnTime: "yes",
    itPrepared: "",
    cancelledBy: "NOBODY",
    "quotes.0.side": "BUSINESS",
    "quotes.0.text": "IT is so wound up in red tape these days",
    "followUps.0.description": "Share the roadmap",
    "followUps.0.owedBy": "IT",
    "followUps.0.dueDate": "2026-12-15",
    ...overrides,
  });

describe("server action: log an interaction", () => {
  it("saves a valid form for the account's manager", async () => {
    session.actor = world.actors.rm;
    const result = await logInteractionAction(null, interactionForm(world.accounts.mine.id, { "attendeeContactIds[]": [world.contact.id] }));
    expect(result).toMatchObject({ ok: true });
    const stored = await db().interaction.findFirstOrThrow({ include: { quotes: true, followUps: true, attendees: true } });
    expect(stored).toMatchObject({ type: "CALL", itOnTime: true, itPrepared: null });
    expect(stored.quotes).toHaveLength(1);
    expect(stored.followUps).toHaveLength(1);
    expect(stored.attendees).toHaveLength(1);
  });

  it("reports each invalid field by name and writes nothing", async () => {
    session.actor = world.actors.rm;
    const result = await logInteractionAction(
      null,
      interactionForm(world.accounts.mine.id, { type: "PARTY", summary: "", occurredAt: "yesterday", "quotes.0.text": "", "followUps.0.dueDate": "soon" }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["followUps.0.dueDate", "occurredAt", "quotes.0.text", "summary", "type"]);
    expect(result.fieldErrors.summary).toEqual(["Summary must be at least 3 characters"]);
    expect(await db().interaction.count()).toBe(0);
  });

  it("answers not found for an account the caller may not write to, or anonymously asks to sign in", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client]) {
      session.actor = actor;
      expect(await logInteractionAction(null, interactionForm(world.accounts.mine.id))).toEqual({
        ok: false,
        message: "That account was not found.",
        fieldErrors: {},
      });
    }
    session.actor = null;
    expect(await logInteractionAction(null, interactionForm(world.accounts.mine.id))).toMatchObject({ ok: false, message: "Please sign in." });
    expect(await db().interaction.count()).toBe(0);
  });
});

describe("server action: rate IT", () => {
  const ratingForm = (accountId: string, key = crypto.randomUUID()) =>
    form({ accountId, overall: "4", recommend: "9", trust: "5", responsiveness: "", comment: "Better lately", idempotencyKey: key });

  it("stores a client's rating once, however often the form is resent", async () => {
    session.actor = world.actors.client;
    const key = crypto.randomUUID();
    const first = await submitRatingAction(null, ratingForm(world.accounts.mine.id, key));
    const again = await submitRatingAction(null, ratingForm(world.accounts.mine.id, key));
    expect(first).toMatchObject({ ok: true, data: { duplicate: false } });
    expect(again).toMatchObject({ ok: true, data: { duplicate: true } });
    expect(await db().rating.findMany()).toMatchObject([{ overall: 4, recommend: 9, trust: 5, responsiveness: null }]);
  });

  it("refuses out-of-range scores, other accounts and IT roles", async () => {
    session.actor = world.actors.client;
    const invalid = await submitRatingAction(null, form({ accountId: world.accounts.mine.id, overall: "6", recommend: "", idempotencyKey: "nope" }));
    expect(invalid.ok ? [] : Object.keys(invalid.fieldErrors).sort()).toEqual(["idempotencyKey", "overall", "recommend"]);
    expect(await submitRatingAction(null, ratingForm(world.accounts.theirs.id))).toMatchObject({ ok: false, message: "That account was not found." });
    session.actor = world.actors.cio;
    expect(await submitRatingAction(null, ratingForm(world.accounts.mine.id))).toMatchObject({ ok: false, message: expect.stringMatching(/Only the account's business clients/) });
    expect(await db().rating.count()).toBe(0);
  });
});

describe("server actions: users", () => {
  it("are for admins only", async () => {
    const fields = { name: "Rae Manager", email: "rae@it.test", role: "RELATIONSHIP_MANAGER", password: "a long enough password" };
    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      session.actor = actor;
      expect(await createUserAction(null, form(fields))).toMatchObject({ ok: false, message: "Only administrators manage users." });
      expect(await unlockUserAction(null, form({ userId: world.users.cio.id }))).toMatchObject({ ok: false });
    }
    session.actor = world.actors.admin;
    expect(await createUserAction(null, form(fields))).toMatchObject({ ok: true });
    expect(await createUserAction(null, form(fields))).toMatchObject({ ok: false, fieldErrors: { email: ["A user with that email already exists"] } });
    expect(await db().user.count({ where: { email: "rae@it.test" } })).toBe(1);
  });
});

describe("route handlers", () => {
  const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
  const get = (path: string) => new Request(`http://rapport.test${path}`);
  const post = (path: string, body: unknown) =>
    new Request(`http://rapport.test${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  // Next passes no params to a route without dynamic segments.
  it("GET /api/accounts: 401 anonymous, 403 clients, the portfolio for IT", async () => {
    expect((await accountsRoute.GET(get("/api/accounts"), {})).status).toBe(401);
    session.actor = world.actors.client;
    expect((await accountsRoute.GET(get("/api/accounts"), {})).status).toBe(403);
    session.actor = world.actors.rm;
    const response = await accountsRoute.GET(get("/api/accounts"), {});
    expect(response.status).toBe(200);
    expect((await response.json()).accounts).toHaveLength(2);
  });

  it("GET /api/accounts/[id]: 404 for other accounts, unknown and malformed ids alike", async () => {
    session.actor = world.actors.client;
    const ok = await accountRoute.GET(get("/"), context({ id: world.accounts.mine.id }));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ access: "client", health: null, diagnosis: null });
    for (const id of [world.accounts.theirs.id, "czzzzzzzzzzzzzzzzzzzzzzzz", "../etc/passwd"]) {
      const response = await accountRoute.GET(get("/"), context({ id }));
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/not found/) });
    }
  });

  it("POST /api/accounts/[id]/ratings: validates the body and is idempotent", async () => {
    session.actor = world.actors.client;
    const id = world.accounts.mine.id;
    const bad = await ratingsRoute.POST(post("/", { overall: 9 }), context({ id }));
    expect(bad.status).toBe(400);
    expect(Object.keys((await bad.json()).fieldErrors).sort()).toEqual(["idempotencyKey", "overall", "recommend"]);
    expect((await ratingsRoute.POST(post("/", "not json"), context({ id }))).status).toBe(400);
    const plainText = new Request("http://rapport.test/", { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ overall: 3, recommend: 6, idempotencyKey: crypto.randomUUID() }) });
    expect((await ratingsRoute.POST(plainText, context({ id }))).status).toBe(415);

    const body = { overall: 3, recommend: 6, idempotencyKey: crypto.randomUUID() };
    const first = await ratingsRoute.POST(post("/", body), context({ id }));
    const retry = await ratingsRoute.POST(post("/", body), context({ id }));
    expect(first.status).toBe(200);
    expect((await retry.json()).duplicate).toBe(true);
    expect((await ratingsRoute.POST(post("/", body), context({ id: world.accounts.theirs.id }))).status).toBe(404);
    session.actor = world.actors.cio;
    expect((await ratingsRoute.POST(post("/", { ...body, idempotencyKey: crypto.randomUUID() }), context({ id }))).status).toBe(403);
    expect(await db().rating.count()).toBe(1);
  });

  it("never sends database error text to the caller", async () => {
    session.actor = world.actors.cio;
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(db().account, "findMany").mockRejectedValueOnce(new Error('relation "accounts" does not exist'));
    const response = await accountsRoute.GET(get("/api/accounts"), {});
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toMatch(/relation|accounts/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
