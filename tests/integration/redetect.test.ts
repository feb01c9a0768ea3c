import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { redetectPhrasesAction } from "../../app/(app)/admin/tasks/actions";
import { db } from "../../lib/db/client";
import { ForbiddenError } from "../../lib/data/errors";
import { storedPhraseEngineVersion } from "../../lib/data/phrase-engine-state";
import { requestPhraseRedetection } from "../../lib/data/phrase-redetection";
import { stopJobs } from "../../lib/jobs";
import { phraseEngineChanged, redetectPhrases } from "../../lib/jobs/redetect";
import { interactionTextPhrases, PHRASE_ENGINE_VERSION, quotePhrases, ratingCommentPhrases } from "../../lib/scoring";
import { buildInteraction, buildQuote, buildRating } from "../../prisma/seed/factories";
import { notice, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

afterEach(() => stopJobs());

const now = new Date("2026-11-20T12:00:00Z");
const SYMPTOM = "Honestly, IT just doesn't get it.";
// What an older engine might have stored: a hit the running engine does not produce.
const STALE = [{ phraseId: "retired-phrase", side: "BUSINESS", stage: "SNIFFLES", matchedText: "whatever" }];

const xminOf = async (id: string) => (await db().$queryRaw<{ xmin: string }[]>`SELECT xmin::text FROM interactions WHERE id = ${id}`)[0]?.xmin;

describe("re-detecting stored phrases", () => {
  it("replaces stale hits, leaves current ones unwritten, reports progress, records the version and re-diagnoses the accounts", async () => {
    const { mine, theirs } = world.accounts;
    const stale = buildInteraction({ accountId: mine.id, loggedById: world.users.rm.id, occurredAt: new Date(now.getTime() - 86_400_000), summary: "Review", notes: SYMPTOM });
    const current = buildInteraction({ accountId: theirs.id, loggedById: world.users.otherRm.id, occurredAt: new Date(now.getTime() - 86_400_000), summary: "Review", notes: "Planned the release." });
    await db().interaction.createMany({ data: [{ ...stale, phraseHits: STALE }, current] });
    await db().quote.createMany({ data: [{ ...buildQuote({ interactionId: stale.id, side: "BUSINESS", text: SYMPTOM }), phraseHits: [] }] });
    const rating = buildRating({ accountId: mine.id, userId: world.users.client.id, comment: SYMPTOM, createdAt: now });
    await db().rating.createMany({ data: [{ ...rating, phraseHits: null as never }] });
    // A row whose hits are already the engine's must not be written: its xmin (the transaction that
    // last wrote it) stays the same.
    const before = await xminOf(current.id);

    expect(await phraseEngineChanged(db())).toBe(true);
    const progress: [number, number][] = [];
    const result = await redetectPhrases(db(), now, { batchSize: 1, onProgress: (done, total) => progress.push([done, total]) });

    expect(result).toMatchObject({ scanned: 4, rewritten: 3, accounts: 1, engineVersion: PHRASE_ENGINE_VERSION });
    expect(progress[0]).toEqual([0, 4]);
    expect(progress.at(-1)).toEqual([4, 4]);
    const rows = await db().interaction.findMany({ select: { id: true, phraseHits: true } });
    expect(rows.find((r) => r.id === stale.id)?.phraseHits).toEqual(interactionTextPhrases("Review", SYMPTOM));
    expect((await db().quote.findFirstOrThrow()).phraseHits).toEqual(quotePhrases(SYMPTOM, "BUSINESS"));
    expect((await db().rating.findFirstOrThrow()).phraseHits).toEqual(ratingCommentPhrases(SYMPTOM));
    expect(await xminOf(current.id)).toBe(before);
    expect(await storedPhraseEngineVersion(db())).toBe(PHRASE_ENGINE_VERSION);
    expect(await phraseEngineChanged(db())).toBe(false);
    // Only the account whose text was rewritten got a new diagnosis.
    expect((await db().account.findUniqueOrThrow({ where: { id: mine.id } })).healthComputedAt).toEqual(now);
    expect((await db().account.findUniqueOrThrow({ where: { id: theirs.id } })).healthComputedAt).not.toEqual(now);

    // A second run finds nothing to write.
    expect(await redetectPhrases(db(), now)).toMatchObject({ scanned: 4, rewritten: 0, accounts: 0 });
  });
});

describe("asking for a re-detection", () => {
  it("is for administrators: it queues a run the page can show, and writes nothing for anyone else", async () => {
    await expect(requestPhraseRedetection(world.actors.cio)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().taskRun.count()).toBe(0);

    const { taskRunId } = await requestPhraseRedetection(world.actors.admin);
    const run = await db().taskRun.findUniqueOrThrow({ where: { id: taskRunId } });
    expect(run).toMatchObject({ kind: "redetect-phrases", createdById: world.users.admin.id });
    expect(run.status).not.toBe("FAILED");
    expect(await db().auditEvent.count({ where: { action: "phrases.redetectRequested", actorId: world.users.admin.id } })).toBe(1);
  });
});

describe("the 'Re-detect phrases now' action", () => {
  it("needs the confirmation, and says what it started", async () => {
    signIn(world.actors.admin);
    const refused = await submit(redetectPhrasesAction, {});
    expect(refused.error?.confirm?.[0]).toContain("Tick the box to confirm");
    expect(await db().taskRun.count()).toBe(0);

    await submit(redetectPhrasesAction, { confirm: "on" }).catch((redirect: unknown) => redirect);
    expect(notice()).toContain("Re-detection queued");
    expect(await db().taskRun.count({ where: { kind: "redetect-phrases" } })).toBe(1);
  });
});
