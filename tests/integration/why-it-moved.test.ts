import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import { DiagnosisWidget, ScoreHistoryWidget } from "../../components/accounts/widgets";
import { getAccountDiagnosis, getLatestDiagnosis, getScoreHistory } from "../../lib/data/diagnoses";
import { logInteraction } from "../../lib/data/interactions";
import { db } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";
import { recomputeAccountHealth } from "../../lib/health/recompute";
import { createHealthSnapshot, createRating } from "../../prisma/seed/factories";
import { buildWorld, interactionInput, type World } from "./world";

// "What changed since the previous diagnosis", as the account page and its score chart read it,
// and what they do with a stored diagnosis that cannot be read.

const DAY = 86_400_000;
let world: World;
let accountId: string;
let before: Date;

beforeEach(async () => {
  world = await buildWorld();
  accountId = world.accounts.mine.id;
  // Weeks of good ratings, diagnosed a minute ago: the diagnosis the complaint is compared with.
  for (let week = 1; week <= 5; week++) {
    await createRating(db(), { accountId, userId: world.users.client.id, overall: 4, recommend: 8, createdAt: new Date(Date.now() - week * 7 * DAY) });
  }
  before = new Date(Date.now() - 60_000);
  await recomputeAccountHealth(db(), accountId, before);
});

/** Logs a calm meeting at which the business said a sniffles phrase. */
const logComplaint = () =>
  logInteraction(
    world.actors.rm,
    interactionInput(accountId, { sentiment: "NEUTRAL", itOnTime: true, followUps: [], quotes: [{ side: "BUSINESS", text: "IT just doesn't get it" }] }),
  );

const snapshots = () => db().healthSnapshot.findMany({ where: { accountId }, orderBy: { computedAt: "asc" } });

describe("what changed since the previous diagnosis", () => {
  it("has nothing to compare the first diagnosis with", async () => {
    const { current, comparison } = await getAccountDiagnosis(world.actors.cio, accountId);
    expect(current?.readable).toBe(true);
    expect(comparison).toEqual({ kind: "first" });
  });

  it("lists the symptom an interaction added, with the interaction behind it, named and linked", async () => {
    const { id: interactionId } = await logComplaint();
    const { comparison, sources } = await getAccountDiagnosis(world.actors.cio, accountId);

    expect(comparison?.kind).toBe("diff");
    if (comparison?.kind !== "diff") return;
    expect(comparison.since).toEqual(before);
    expect(comparison.configVersions).toEqual({ from: 0, to: 0 });
    const added = comparison.diff.added.find((item) => item.signal.startsWith("phrases.business."));
    expect(added?.sourceIds).toContain(interactionId);
    expect(comparison.diff.removed).toEqual([]);
    expect(comparison.diff.phrasesHeard).toMatchObject([{ side: "BUSINESS", interactionId }]);
    expect(sources[interactionId]).toMatchObject({ entityType: "Interaction", href: `/accounts/${accountId}/record/${interactionId}` });

    const page = renderToStaticMarkup(await DiagnosisWidget({ actor: world.actors.cio, accountId }));
    expect(page).toContain("What changed since");
    // The quote stands for its interaction (components/health/evidence-links.tsx).
    const quote = await db().quote.findFirstOrThrow({ where: { interactionId } });
    expect(page).toContain(`href="/accounts/${accountId}/record/${quote.id}"`);
  });

  it("compares with the last diagnosis that said something else, not with a later unchanged copy", async () => {
    await logComplaint();
    const [, moved] = await snapshots();
    // The next day's snapshot of the unchanged diagnosis (what a scheduled rescore stores).
    await createHealthSnapshot(db(), {
      accountId,
      stage: moved!.stage,
      score: moved!.score,
      evidence: moved!.evidence as Prisma.InputJsonValue,
      computedAt: new Date(moved!.computedAt.getTime() + DAY),
    });

    const { current, comparison } = await getAccountDiagnosis(world.actors.cio, accountId);
    expect(current?.computedAt).toEqual(new Date(moved!.computedAt.getTime() + DAY));
    expect(comparison).toMatchObject({ kind: "diff", since: before, movedAt: moved!.computedAt });
    if (comparison?.kind === "diff") expect(comparison.diff.added.map((item) => item.signal)).toEqual(expect.arrayContaining([expect.stringMatching(/^phrases\.business\./)]));
  });

  it("gives each point of the score history what changed there, in one read", async () => {
    await logComplaint();
    const history = await getScoreHistory(world.actors.cio, accountId);

    expect(history.map((point) => point.computedAt)).toEqual((await snapshots()).map((s) => s.computedAt));
    expect(history[0]?.change).toBeNull();
    const change = history[1]?.change;
    expect(change?.readable && change.added.map((item) => item.message).join(" ")).toMatch(/doesn.t get it/);
  });
});

describe("a stored diagnosis that cannot be read", () => {
  const malformed = (computedAt: Date) =>
    createHealthSnapshot(db(), { accountId, stage: "FLU", score: 40, evidence: { stage: "FLU", evidence: "not a list", treatments: null }, computedAt });

  it("reads as unreadable, with the reason, instead of failing the page", async () => {
    const bad = await malformed(new Date());

    const { current, comparison } = await getAccountDiagnosis(world.actors.cio, accountId);
    expect(current).toMatchObject({ snapshotId: bad.id, readable: false, reason: expect.stringMatching(/^score: /) });
    expect(comparison).toBeNull();
    expect(await getLatestDiagnosis(world.actors.cio, accountId)).toMatchObject({ readable: false });
    // The chart still draws: that one point says it could not be read.
    expect((await getScoreHistory(world.actors.cio, accountId)).at(-1)?.change).toEqual({ readable: false });

    // And the account page's widgets say so (server components, rendered as the page would).
    const props = { actor: world.actors.cio, accountId };
    expect(renderToStaticMarkup(await DiagnosisWidget(props))).toContain("This diagnosis could not be read.");
    expect(renderToStaticMarkup(await ScoreHistoryWidget(props))).toContain("This diagnosis could not be read.");
  });

  it("is replaced at the next re-diagnosis, which is not stopped by it", async () => {
    await malformed(new Date(Date.now() - 30_000));
    await recomputeAccountHealth(db(), accountId, new Date());

    const { current, comparison } = await getAccountDiagnosis(world.actors.cio, accountId);
    expect(current?.readable).toBe(true);
    expect(comparison).toMatchObject({ kind: "unreadable" });
    expect(await snapshots()).toHaveLength(3);
  });
});
