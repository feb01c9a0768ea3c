import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "../../lib/db/client";
import { safeRedirect } from "../../lib/auth/callback-url";
import { form, formError, signIn } from "./action-harness";
import { buildWorld, type World } from "./world";

// Bad input never becomes a 500 or a stored row: text PostgreSQL cannot store (a NUL, half of a
// surrogate pair) and dates that only look like dates get a field message, through the real
// server action and route handler on the real database.
vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { logInteractionAction } = await import("../../app/(app)/accounts/[id]/interactions/new/actions");
const ratingsRoute = await import("../../app/api/accounts/[id]/ratings/route");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(world.actors.rm);
});

const DAY = 86_400_000;
const interaction = (accountId: string, overrides: Record<string, string> = {}) =>
  form({
    accountId,
    type: "CALL",
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    summary: "Weekly call",
    notes: "",
    sentiment: "NEUTRAL",
    whatHappened: "HELD",
    "followUps[0].description": "Share the roadmap",
    "followUps[0].owedBy": "IT",
    "followUps[0].dueDate": new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10),
    ...overrides,
  });

async function logInteraction(overrides: Record<string, string>) {
  const state = await logInteractionAction(undefined, interaction(world.accounts.mine.id, overrides));
  expect(state.status).toBe("error");
  expect(formError(state)).toBeUndefined();
  expect(await db().interaction.count()).toBe(0);
  return state.error ?? {};
}

describe("text that cannot be stored", () => {
  it("is refused in any field with a message naming it, and nothing is written", async () => {
    expect((await logInteraction({ summary: "Weekly\u0000call" })).summary).toEqual(["Summary contains a NUL character (\\0), which cannot be saved: remove it"]);
    expect((await logInteraction({ notes: "They said\u0000" })).notes).toEqual(["Notes contains a NUL character (\\0), which cannot be saved: remove it"]);
    expect((await logInteraction({ "followUps[0].description": "\u0000\u0000\u0000" }))["followUps[0].description"]?.[0]).toMatch(/NUL character/);
  });

  // A form cannot carry half a surrogate pair (the browser encodes it as U+FFFD); JSON can ("\ud83d").
  it("gets a 400 with the field's message from the JSON API, and no rating", async () => {
    signIn(world.actors.client);
    const rate = (comment: string) =>
      ratingsRoute.POST(
        new Request("http://rapport.test/", { method: "POST", headers: { "content-type": "application/json" }, body: `{"overall":3,"recommend":6,"comment":${comment},"idempotencyKey":"${crypto.randomUUID()}"}` }),
        { params: Promise.resolve({ id: world.accounts.mine.id }) },
      );
    for (const [comment, message] of [
      ['"Slow\\u0000"', "The comment contains a NUL character (\\0), which cannot be saved: remove it"],
      ['"Slow \\ud83d"', "The comment contains a broken character (half of an emoji or symbol), which cannot be saved: retype it"],
    ]) {
      const response = await rate(comment!);
      expect(response.status, comment).toBe(400);
      expect((await response.json()).fieldErrors.comment).toEqual([message]);
    }
    expect(await db().rating.count()).toBe(0);
  });
});

describe("dates", () => {
  it("refuses what only coerces to a date, and due dates out of bounds, at their fields", async () => {
    for (const occurredAt of ["0", "$1", "2026-02-30T10:00:00Z"]) expect((await logInteraction({ occurredAt })).occurredAt?.[0], occurredAt).toMatch(/^Enter when it happened/);
    expect((await logInteraction({ "followUps[0].dueDate": "2126-01-01" }))["followUps[0].dueDate"]).toEqual(["Enter a due date between 2000 and 2100"]);
    const farAhead = new Date(Date.now() + 800 * DAY).toISOString().slice(0, 10);
    expect((await logInteraction({ "followUps[0].dueDate": farAhead }))["followUps[0].dueDate"]).toEqual(["A follow-up must be due within two years"]);
    const before = new Date(Date.now() - 5 * DAY).toISOString().slice(0, 10);
    expect((await logInteraction({ "followUps[0].dueDate": before }))["followUps[0].dueDate"]).toEqual(["A follow-up cannot be due before the interaction it came from"]);
  });
});

describe("next-auth's redirect after sign-in", () => {
  const baseUrl = "http://127.0.0.1:3100";
  it("keeps this site's paths and sends everything else to the start page, never throwing", () => {
    expect(safeRedirect({ url: "/accounts/x?tab=1", baseUrl })).toBe(`${baseUrl}/accounts/x?tab=1`);
    expect(safeRedirect({ url: `${baseUrl}/dashboard`, baseUrl })).toBe(`${baseUrl}/dashboard`);
    for (const url of ["https://evil.example/", "//evil.example", `${baseUrl}.evil.example/x`, "javascript:alert(1)", "%E0%A4%A", "/\u0000", "/\uD800", `/${"a".repeat(5000)}`, ""]) {
      expect(safeRedirect({ url, baseUrl }), JSON.stringify(url).slice(0, 40)).toBe(`${baseUrl}/`);
    }
  });
});
