import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { getEvidenceSources } from "../../lib/data/evidence-sources";
import { getOpenFollowUps } from "../../lib/data/follow-ups";
import { logInteraction } from "../../lib/data/interactions";
import { createRecord } from "../../lib/data/records";
import { projectKind } from "../../lib/data/kinds/project";
import { submitRating } from "../../lib/data/ratings";
import { getTimeline, locateOnTimeline } from "../../lib/data/timeline";
import { db } from "../../lib/db/client";
import type { Actor } from "../../lib/data/permissions";
import { toDiagnosis } from "../../lib/health/snapshot";
import { projectInputSchema } from "../../lib/validation/project";
import { type TimelineQuery, timelineQuerySchema } from "../../lib/validation/timeline";
import { createInteraction } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

// Issue 6 §6: the timeline pages through years of history, filters by kind and side, summarises
// what each side owes, and evidence links name their record and land on it.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const DAY = 86_400_000;
const start = new Date("2026-06-01T10:00:00Z");

/** `n` interactions a day apart on the RM's account, every third pair at the very same time. */
async function history(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const occurredAt = new Date(start.getTime() - Math.floor(i / 2) * DAY);
    const row = await createInteraction(db(), { accountId: world.accounts.mine.id, loggedById: world.users.rm.id, occurredAt, type: i % 3 === 0 ? "CALL" : "MEETING" });
    ids.push(row.id);
  }
  return ids;
}

/** Every page from the newest, following the "Older" cursor as the link does (through the URL schema). */
async function allPages(actor: Actor, query: Omit<TimelineQuery, "from"> = {}, take = 7) {
  const pages: string[][] = [];
  let from: string | null = null;
  do {
    const parsed = timelineQuerySchema.parse({ ...query, ...(from ? { from } : {}) });
    const page = await getTimeline(actor, world.accounts.mine.id, parsed, take);
    pages.push(page.interactions.map((i) => i.id));
    from = page.older;
  } while (from && pages.length < 50);
  return pages;
}

describe("paging", () => {
  it("returns every interaction exactly once across pages, newest first, ties broken by id", async () => {
    const ids = await history(30);
    const pages = await allPages(world.actors.rm);
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    const seen = pages.flat();
    expect(new Set(seen).size).toBe(30);
    expect(seen.sort()).toEqual([...ids].sort());

    const rows = await db().interaction.findMany({ where: { id: { in: pages.flat() } }, select: { id: true, occurredAt: true } });
    const at = new Map(rows.map((r) => [r.id, r.occurredAt.getTime()]));
    const ordered = (await allPages(world.actors.rm)).flat();
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1]!, ordered[i]!];
      expect(at.get(a)! > at.get(b)! || (at.get(a) === at.get(b) && a > b)).toBe(true);
    }
  });

  it("leaves out deleted interactions, quotes and follow-ups, and shows a client no quotes or IT's notes", async () => {
    const accountId = world.accounts.mine.id;
    const { id } = await logInteraction(world.actors.rm, interactionInput(accountId, { notes: "Candid note" }));
    const gone = await logInteraction(world.actors.rm, interactionInput(accountId, { summary: "Deleted one" }));
    await db().interaction.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await db().quote.updateMany({ where: { interactionId: id }, data: { deletedAt: new Date() } });

    const asRm = await getTimeline(world.actors.rm, accountId);
    expect(asRm.interactions.map((i) => i.id)).toEqual([id]);
    expect(asRm.interactions[0]).toMatchObject({ notes: "Candid note", quotes: [] });
    const asClient = await getTimeline(world.actors.client, accountId);
    expect(asClient.interactions[0]).not.toHaveProperty("notes");
    expect(asClient.interactions[0]).not.toHaveProperty("quotes");
    expect(asClient.interactions[0]).not.toHaveProperty("summary");
    expect(asClient.interactions[0]?.followUps).toHaveLength(1);
  });

  it("is refused, as not found, to another manager and to a client of another unit", async () => {
    for (const actor of [world.actors.otherRm, world.actors.otherClient]) {
      await expect(getTimeline(actor, world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getOpenFollowUps(actor, world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it("shows the newest page unfiltered for a cursor or filter mangled in the URL", () => {
    expect(timelineQuerySchema.parse({ kind: "PARTY", side: ["IT", "IT"], from: "yesterday" })).toEqual({});
    expect(timelineQuerySchema.parse({ kind: "CALL", side: "IT" })).toEqual({ kind: "CALL", side: "IT" });
  });
});

describe("filters", () => {
  it("by kind, across pages", async () => {
    await history(30);
    const calls = (await allPages(world.actors.rm, { kind: "CALL" }, 4)).flat();
    expect(calls).toHaveLength(10);
    const types = await db().interaction.findMany({ where: { id: { in: calls } }, select: { type: true } });
    expect(new Set(types.map((t) => t.type))).toEqual(new Set(["CALL"]));
  });

  it("by side: who spoke (a quote) or who owes (a follow-up); a client filters by what is owed alone", async () => {
    const accountId = world.accounts.mine.id;
    const businessSpoke = await logInteraction(world.actors.rm, interactionInput(accountId, { quotes: [{ side: "BUSINESS", text: "Fine" }], followUps: [] }));
    const itOwes = await logInteraction(world.actors.rm, interactionInput(accountId, { quotes: [], followUps: [{ description: "Send the plan", owedBy: "IT", dueDate: "2026-12-01" }] }));
    const itSpokeBusinessOwes = await logInteraction(world.actors.rm, interactionInput(accountId, {
      quotes: [{ side: "IT", text: "Noted" }],
      followUps: [{ description: "Send the numbers", owedBy: "BUSINESS", dueDate: "2026-12-01" }],
    }));
    const ids = async (actor: Actor, side: "IT" | "BUSINESS") => (await getTimeline(actor, accountId, { side })).interactions.map((i) => i.id).sort();

    expect(await ids(world.actors.rm, "BUSINESS")).toEqual([businessSpoke.id, itSpokeBusinessOwes.id].sort());
    expect(await ids(world.actors.rm, "IT")).toEqual([itOwes.id, itSpokeBusinessOwes.id].sort());
    // A client cannot learn from the filter that IT recorded what they said.
    expect(await ids(world.actors.client, "BUSINESS")).toEqual([itSpokeBusinessOwes.id]);
    expect(await ids(world.actors.client, "IT")).toEqual([itOwes.id]);
  });
});

describe("open follow-ups", () => {
  it("summarise what each side owes, soonest first, marking the overdue ones", async () => {
    const accountId = world.accounts.mine.id;
    await logInteraction(world.actors.rm, interactionInput(accountId, {
      followUps: [
        { description: "Send the plan", owedBy: "IT", dueDate: "2026-11-20" },
        { description: "Review the budget", owedBy: "IT", dueDate: "2026-12-10" },
        { description: "Name a tester", owedBy: "BUSINESS", dueDate: "2026-12-02" },
      ],
    }));
    await db().followUp.updateMany({ where: { description: "Review the budget" }, data: { dueDate: new Date("2026-11-25T00:00:00Z"), doneAt: new Date() } });
    const open = await getOpenFollowUps(world.actors.client, accountId, new Date("2026-12-02T15:00:00Z"));
    expect(open.it.map((f) => [f.description, f.overdue])).toEqual([["Send the plan", true]]);
    expect(open.business.map((f) => [f.description, f.overdue])).toEqual([["Name a tester", false]]);
    expect(open.it[0]?.interaction).toMatchObject({ type: "MEETING" });
  });
});

describe("evidence links", () => {
  it("land on an interaction's page however old it is, and on a quote or follow-up inside it", async () => {
    const ids = await history(30);
    const oldest = ids.at(-1)!;
    const quote = await db().quote.create({ data: { interactionId: oldest, side: "BUSINESS", text: "IT just doesn't get it" } });
    const followUp = await db().followUp.create({ data: { accountId: world.accounts.mine.id, interactionId: oldest, description: "Call back", owedBy: "IT", dueDate: new Date("2026-01-01") } });

    for (const recordId of [oldest, quote.id, followUp.id]) {
      const { from, anchor } = await locateOnTimeline(world.actors.rm, world.accounts.mine.id, recordId);
      expect(anchor).toBe(`record-${recordId}`);
      const page = await getTimeline(world.actors.rm, world.accounts.mine.id, timelineQuerySchema.parse({ from }));
      expect(page.interactions[0]?.id).toBe(oldest);
    }
    // A client lands on their interactions and follow-ups, never on a quote IT recorded.
    await expect(locateOnTimeline(world.actors.client, world.accounts.mine.id, followUp.id)).resolves.toHaveProperty("anchor");
    await expect(locateOnTimeline(world.actors.client, world.accounts.mine.id, quote.id)).rejects.toBeInstanceOf(NotFoundError);
    // A record of another account, asked for under this one or by someone who cannot see it.
    const theirs = await createInteraction(db(), { accountId: world.accounts.theirs.id, loggedById: world.users.otherRm.id });
    await expect(locateOnTimeline(world.actors.rm, world.accounts.mine.id, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(locateOnTimeline(world.actors.otherRm, world.accounts.mine.id, oldest)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("name each record of the diagnosis by kind, date and title, and link it to where it is shown", async () => {
    const accountId = world.accounts.mine.id;
    const now = new Date("2026-03-10T12:00:00Z");
    const { id } = await logInteraction(world.actors.rm, interactionInput(accountId, { summary: "Quarterly review", occurredAt: new Date("2026-03-03T10:00:00Z"), quotes: [{ side: "BUSINESS", text: "We've given up waiting for IT; we'll do it ourselves" }] }), now);
    // Two ratings: the library judges the rating level from two on. The first is older than the
    // survey policy's recontact window, so the second adds to it rather than replacing it.
    await submitRating(world.actors.client, ratingInput(accountId, { overall: 1, recommend: 0 }), new Date(now.getTime() - 40 * 86_400_000));
    const rating = await submitRating(world.actors.client, ratingInput(accountId, { overall: 1, recommend: 0 }), now);
    const project = await createRecord(projectKind, world.actors.rm, accountId, projectInputSchema.parse({ name: "New ledger", status: "DELIVERED", highProfile: "on", plannedEnd: "2026-01-01", actualEnd: "2026-03-01", budget: "100000", actualCost: "250000" }), now);

    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId }, orderBy: { computedAt: "desc" } });
    const sources = await getEvidenceSources(world.actors.rm, accountId, toDiagnosis(snapshot.evidence));
    const quote = await db().quote.findFirstOrThrow({ where: { interactionId: id } });

    expect(sources[id]).toEqual({ entityType: "Interaction", name: "Meeting, 3 Mar 2026: Quarterly review", href: `/accounts/${accountId}/record/${id}` });
    expect(sources[quote.id]).toMatchObject({ entityType: "Quote", href: `/accounts/${accountId}/record/${quote.id}` });
    expect(sources[quote.id]?.name).toMatch(/^Quote “We've given up waiting for IT; we'll do it ourselves” \(Meeting, 3 Mar 2026\)$/);
    expect(sources[rating.id]).toMatchObject({ entityType: "Rating", href: `/accounts/${accountId}#record-${rating.id}` });
    expect(sources[rating.id]?.name).toBe("Rating of 10 Mar 2026 (1/5)");
    expect(sources[project.result.id]).toEqual({ entityType: "Project", name: "Project “New ledger”", href: `/accounts/${accountId}/delivery#record-${project.result.id}` });

    // A record of another account is never named, even if a diagnosis pointed at it.
    const theirs = await createInteraction(db(), { accountId: world.accounts.theirs.id, loggedById: world.users.otherRm.id });
    const diagnosis = toDiagnosis(snapshot.evidence)!;
    const forged = { ...diagnosis, evidence: [{ ...diagnosis.evidence[0]!, sourceIds: [theirs.id, "not an id"] }] };
    expect(await getEvidenceSources(world.actors.rm, accountId, forged)).not.toHaveProperty(theirs.id);

    await expect(getEvidenceSources(world.actors.client, accountId, diagnosis)).rejects.toBeInstanceOf(NotFoundError);
  });
});
