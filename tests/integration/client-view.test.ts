import { beforeEach, describe, expect, it } from "vitest";
import { getAccountSummary } from "../../lib/data/accounts";
import { logInteraction } from "../../lib/data/interactions";
import { getTimeline } from "../../lib/data/timeline";
import { interactionInputSchema } from "../../lib/validation/interaction";
import { buildWorld, interactionInput, type World } from "./world";

// The client's view of their account (issue 10 §6): what each meeting was about, and who their
// single point of contact in IT is; never IT's own summary or notes.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const log = (overrides: Record<string, unknown>) =>
  logInteraction(world.actors.rm, interactionInputSchema.parse({ ...interactionInput(world.accounts.mine.id, overrides), occurredAt: new Date(Date.now() - 3_600_000).toISOString(), itOnTime: "no", itPrepared: "yes" }));

describe("the client's view", () => {
  it("shows each meeting's topic, not IT's summary or notes", async () => {
    await log({ summary: "Tense review: they are shopping for consultants", notes: "Sponsor unhappy", topic: "Quarterly review of the reporting roadmap" });
    const client = await getTimeline(world.actors.client, world.accounts.mine.id);
    expect(client.interactions[0]).toMatchObject({ topic: "Quarterly review of the reporting roadmap" });
    expect(client.interactions[0]).not.toHaveProperty("summary");
    expect(client.interactions[0]).not.toHaveProperty("notes");
    const it = await getTimeline(world.actors.rm, world.accounts.mine.id);
    expect(it.interactions[0]).toMatchObject({ summary: "Tense review: they are shopping for consultants", topic: "Quarterly review of the reporting roadmap" });
  });

  it("a topic is optional, trimmed and bounded like any text", () => {
    const base = { ...interactionInput(world.accounts.mine.id), occurredAt: new Date(Date.now() - 3_600_000).toISOString(), itOnTime: "no", itPrepared: "yes" };
    expect(interactionInputSchema.parse(base).topic).toBe("");
    expect(interactionInputSchema.parse({ ...base, topic: "  Budget  " }).topic).toBe("Budget");
    const long = interactionInputSchema.safeParse({ ...base, topic: "x".repeat(201) });
    expect(long.success ? null : long.error.issues[0]?.message).toBe("Topic must be at most 200 characters");
  });

  it("names the client's single point of contact: the relationship manager, with their email", async () => {
    const { account } = await getAccountSummary(world.actors.client, world.accounts.mine.id);
    expect(account.relationshipManager).toEqual({ id: world.users.rm.id, name: world.users.rm.name, email: world.users.rm.email });
  });
});
