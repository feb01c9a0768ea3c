import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Actor } from "../../lib/data/permissions";
import { db } from "../../lib/db/client";
import type { FormState } from "../../lib/actions/form-action";
import { GENERIC_FAILURE } from "../../lib/actions/form-action";
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
// The flash notice goes into a cookie: a jar per test stands in for the request's cookies.
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => jar.set(name, value), get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));

const { logInteractionAction } = await import("../../app/(app)/accounts/[id]/interactions/new/actions");
const { submitRatingAction } = await import("../../app/(app)/accounts/[id]/rate/actions");
const { createUserAction, endSessionsAction } = await import("../../app/(app)/admin/users/actions");
const { FLASH_COOKIE } = await import("../../lib/actions/flash-cookie");
const { logger } = await import("../../lib/log");
const accountsRoute = await import("../../app/api/accounts/route");
const accountRoute = await import("../../app/api/accounts/[id]/route");
const ratingsRoute = await import("../../app/api/accounts/[id]/ratings/route");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  session.actor = null;
  jar.clear();
});

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

type Action = (previous: undefined, formData: FormData) => Promise<FormState>;

/** Runs an action as Next would: its answer, or where it redirected (redirect() throws). */
async function submit(action: Action, data: FormData): Promise<FormState & { redirectedTo?: string }> {
  try {
    return await action(undefined, data);
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { redirectedTo: digest.split(";")[2] };
  }
}

const notice = () => jar.get(FLASH_COOKIE);
const formError = (state: FormState) => state.error?.[""];

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
    whatHappened: "HELD",
    "quotes[0].side": "BUSINESS",
    "quotes[0].text": "IT is so wound up in red tape these days",
    "followUps[0].description": "Share the roadmap",
    "followUps[0].owedBy": "IT",
    "followUps[0].dueDate": new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    ...overrides,
  });

describe("server action: log an interaction", () => {
  it("saves a valid form for the account's manager and redirects to the account with the stage change", async () => {
    session.actor = world.actors.rm;
    const before = await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id }, select: { name: true } });
    const result = await submit(logInteractionAction, interactionForm(world.accounts.mine.id, { "attendeeContactIds[]": [world.contact.id] }));
    const stored = await db().interaction.findFirstOrThrow({ include: { quotes: true, followUps: true, attendees: true, account: { select: { healthStage: true } } } });
    expect(result.redirectedTo).toBe(`/accounts/${world.accounts.mine.id}#record-${stored.id}`);
    expect(notice()).toMatch(new RegExp(`^Interaction saved: ${before.name} (moved from .+ to|stays at) .+$`));
    expect(stored).toMatchObject({ type: "CALL", itOnTime: true, itPrepared: null });
    expect(stored.quotes).toHaveLength(1);
    expect(stored.followUps).toHaveLength(1);
    expect(stored.attendees).toHaveLength(1);
  });

  it("reports each invalid field by name, keeps the values and writes nothing", async () => {
    session.actor = world.actors.rm;
    const result = await submit(
      logInteractionAction,
      interactionForm(world.accounts.mine.id, { type: "PARTY", summary: "", occurredAt: "yesterday", "quotes[0].text": "", "followUps[0].dueDate": "soon" }),
    );
    expect(result.status).toBe("error");
    expect(Object.keys(result.error ?? {}).sort()).toEqual(["followUps[0].dueDate", "occurredAt", "quotes[0].text", "summary", "type"]);
    expect(result.error?.summary).toEqual(["Summary must be at least 3 characters"]);
    expect(result.initialValue).toMatchObject({ notes: "They said IT is so wound up in red tape", quotes: [{ side: "BUSINESS" }] });
    expect(await db().interaction.count()).toBe(0);
    expect(jar.size).toBe(0);
  });

  it("adds or removes a row on request (a button pressed before JavaScript loaded) without saving", async () => {
    session.actor = world.actors.rm;
    const intent = JSON.stringify({ type: "insert", payload: { name: "quotes", defaultValue: { side: "IT" } } });
    const result = await submit(logInteractionAction, interactionForm(world.accounts.mine.id, { __intent__: intent }));
    expect(result.status).toBeUndefined();
    expect(result.initialValue?.quotes).toEqual([{ side: "BUSINESS", text: "IT is so wound up in red tape these days" }, { side: "IT" }]);
    expect(await db().interaction.count()).toBe(0);
  });

  it("answers not found for an account the caller may not write to, or anonymously asks to sign in", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client]) {
      session.actor = actor;
      const result = await submit(logInteractionAction, interactionForm(world.accounts.mine.id));
      expect(result.status).toBe("error");
      expect(formError(result)).toEqual(["That account was not found."]);
    }
    session.actor = null;
    expect(formError(await submit(logInteractionAction, interactionForm(world.accounts.mine.id)))).toEqual(["Please sign in."]);
    expect(await db().interaction.count()).toBe(0);
  });

  it("logs an unexpected failure and answers with a generic message, keeping the values", async () => {
    session.actor = world.actors.rm;
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    // A failure injected where no test could cause one for real: the database going away.
    const failing = vi.spyOn(db(), "$transaction").mockRejectedValueOnce(new Error("connection lost"));
    const result = await submit(logInteractionAction, interactionForm(world.accounts.mine.id));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ context: "action logInteraction", err: expect.any(Error) }), "unexpected error: action logInteraction");
    failing.mockRestore();
    logged.mockRestore();
    expect(formError(result)).toEqual([GENERIC_FAILURE]);
    expect(result.initialValue).toMatchObject({ summary: "Weekly call" });
  });
});

describe("server action: rate IT", () => {
  const ratingForm = (accountId: string, key = crypto.randomUUID()) =>
    form({ accountId, overall: "4", recommend: "9", trust: "5", responsiveness: "", comment: "Better lately", idempotencyKey: key });

  it("stores a client's rating once, however often the form is resent, and thanks them on their account", async () => {
    session.actor = world.actors.client;
    const key = crypto.randomUUID();
    const first = await submit(submitRatingAction, ratingForm(world.accounts.mine.id, key));
    const again = await submit(submitRatingAction, ratingForm(world.accounts.mine.id, key));
    expect(first.redirectedTo).toBe(`/accounts/${world.accounts.mine.id}`);
    expect(again.redirectedTo).toBe(`/accounts/${world.accounts.mine.id}`);
    expect(notice()).toMatch(/^Thank you: your rating is saved/);
    expect(await db().rating.findMany()).toMatchObject([{ overall: 4, recommend: 9, trust: 5, responsiveness: null }]);
  });

  it("refuses out-of-range scores, other accounts and IT roles", async () => {
    session.actor = world.actors.client;
    const invalid = await submit(submitRatingAction, form({ accountId: world.accounts.mine.id, overall: "6", recommend: "", idempotencyKey: "nope" }));
    expect(Object.keys(invalid.error ?? {}).sort()).toEqual(["idempotencyKey", "overall", "recommend"]);
    expect(formError(await submit(submitRatingAction, ratingForm(world.accounts.theirs.id)))).toEqual(["That account was not found."]);
    session.actor = world.actors.cio;
    expect(formError(await submit(submitRatingAction, ratingForm(world.accounts.mine.id)))?.[0]).toMatch(/Only the account's business clients/);
    expect(await db().rating.count()).toBe(0);
  });
});

describe("server actions: users", () => {
  const fields = { name: "Rae Manager", email: "rae@it.test", role: "RELATIONSHIP_MANAGER", password: "a long enough password" };

  it("are for admins only", async () => {
    for (const actor of [world.actors.cio, world.actors.rm, world.actors.client]) {
      session.actor = actor;
      expect(formError(await submit(createUserAction, form(fields)))).toEqual(["Only administrators manage users."]);
      expect((await submit(endSessionsAction, form({ userId: world.users.cio.id }))).status).toBe("error");
    }
    expect(await db().user.count({ where: { email: "rae@it.test" } })).toBe(0);
  });

  it("create a user, then clear the form and never send the password back", async () => {
    session.actor = world.actors.admin;
    const created = await submit(createUserAction, form(fields));
    expect(created).toMatchObject({ status: "success", initialValue: null, notice: "User rae@it.test created. They can sign in now." });
    // Staying on the page, the notice travels in the answer, not in the flash cookie.
    expect(jar.size).toBe(0);
    const duplicate = await submit(createUserAction, form(fields));
    expect(duplicate.error?.email).toEqual(["A user with that email already exists"]);
    expect(duplicate.initialValue).toMatchObject({ name: "Rae Manager", email: "rae@it.test" });
    expect(duplicate.initialValue).not.toHaveProperty("password");
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
    const spy = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    // The portfolio is one raw query: make it fail as a dropped table would.
    vi.spyOn(db(), "$queryRaw").mockRejectedValueOnce(new Error('relation "accounts" does not exist'));
    const response = await accountsRoute.GET(get("/api/accounts"), {});
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toMatch(/relation|accounts/);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
