import { beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { ASSESSMENT_EVERY_DAYS, COMPARISON_DAYS, getItAssessments } from "../../lib/data/it-assessments";
import { itAssessmentKind } from "../../lib/data/kinds/it-assessment";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { itAssessmentInputSchema } from "../../lib/validation/it-assessment";
import { createRating } from "../../prisma/seed/factories";
import { signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createItAssessmentAction } = await import("../../app/(app)/accounts/[id]/assessment/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const now = new Date("2026-06-01T12:00:00Z");
const DAY = 86_400_000;
const assessment = (overrides: Record<string, string> = {}) =>
  itAssessmentInputSchema.parse({ assessedAt: "2026-05-20", overall: "5", responsiveness: "5", trust: "4", notes: "We keep the lights on", ...overrides });
const rate = (overall: number, daysAgo: number, dims: Record<string, number | null> = {}) =>
  createRating(db(), { accountId: world.accounts.mine.id, userId: world.users.client.id, overall, recommend: 3, createdAt: new Date(now.getTime() - daysAgo * DAY), ...dims });

describe("IT's own assessment", () => {
  it("sets IT's latest view beside the clients' over the diagnosis' window, with the gaps that count highlighted", async () => {
    await rate(2, 10, { responsiveness: 2, trust: 4 });
    await rate(3, 40, { responsiveness: 3, trust: null });
    await rate(1, COMPARISON_DAYS + 5, { responsiveness: 1 }); // outside the window
    await createRecord(itAssessmentKind, world.actors.rm, world.accounts.mine.id, assessment({ assessedAt: "2026-01-10", overall: "3" }), now);
    const { result } = await createRecord(itAssessmentKind, world.actors.rm, world.accounts.mine.id, assessment(), now);

    const page = await getItAssessments(world.actors.rm, world.accounts.mine.id, now);
    expect(page.latest).toMatchObject({ id: result.id, overall: 5, assessedBy: { name: world.users.rm.name } });
    expect(page.assessments).toHaveLength(2);
    expect(page.nextDue).toEqual(new Date(new Date("2026-05-20T00:00:00Z").getTime() + ASSESSMENT_EVERY_DAYS * DAY));
    expect(page.overdue).toBe(false);
    const row = (aspect: string) => page.comparison.find((r) => r.aspect === aspect);
    expect(row("overall")).toEqual({ aspect: "overall", it: 5, clients: 2.5, clientRatings: 2, gap: 2.5, highlighted: true });
    expect(row("responsiveness")).toMatchObject({ it: 5, clients: 2.5, gap: 2.5, highlighted: true });
    expect(row("trust")).toMatchObject({ it: 4, clients: 4, clientRatings: 1, gap: 0, highlighted: false });
    expect(row("delivery")).toMatchObject({ it: null, clients: null, gap: null, highlighted: false });

    // The diagnosis sees the same gap.
    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(snapshot.evidence)).toContain("ratings.perceptionGap");
  });

  it("keeps the assessor when the CIO corrects it, and leaves deleted ones out", async () => {
    const { result } = await createRecord(itAssessmentKind, world.actors.rm, world.accounts.mine.id, assessment(), now);
    await updateRecord(itAssessmentKind, world.actors.cio, result.id, assessment({ overall: "4" }), now);
    expect(await db().itAssessment.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ overall: 4, assessedById: world.users.rm.id });
    await deleteRecord(itAssessmentKind, world.actors.admin, result.id, "Entered for the wrong unit", now);
    expect(await getItAssessments(world.actors.rm, world.accounts.mine.id, now)).toMatchObject({ assessments: [], latest: null, nextDue: null, overdue: false });
  });

  it("flags an assessment overdue after its cadence", async () => {
    await createRecord(itAssessmentKind, world.actors.rm, world.accounts.mine.id, assessment({ assessedAt: "2026-01-10" }), now);
    expect((await getItAssessments(world.actors.rm, world.accounts.mine.id, now)).overdue).toBe(true);
  });

  it("is for the account's manager, the CIO and admin only; another account's assessment looks missing", async () => {
    const { result } = await createRecord(itAssessmentKind, world.actors.rm, world.accounts.mine.id, assessment(), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getItAssessments(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
      await expect(createRecord(itAssessmentKind, actor, world.accounts.mine.id, assessment(), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(itAssessmentKind, actor, result.id, assessment({ overall: "1" }), now)).rejects.toThrow("That assessment was not found.");
      await expect(deleteRecord(itAssessmentKind, actor, result.id, "hide it", now)).rejects.toThrow("That assessment was not found.");
    }
    for (const actor of [world.actors.cio, world.actors.admin]) {
      expect((await getItAssessments(actor, world.accounts.mine.id, now)).latest?.id).toBe(result.id);
    }
    expect(await db().itAssessment.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ overall: 5 });
  });
});

describe("the assessment form", () => {
  it("refuses scores off the client's scale, naming each, and writes nothing; saves a valid one", async () => {
    signIn(world.actors.rm);
    const bad = await submit(createItAssessmentAction, { accountId: world.accounts.mine.id, assessedAt: "2026-05-20", overall: "", trust: "6", delivery: "0x3" });
    expect(Object.keys(bad.error ?? {}).sort()).toEqual(["delivery", "overall", "trust"]);
    expect(await db().itAssessment.count()).toBe(0);

    const saved = await submit(createItAssessmentAction, { accountId: world.accounts.mine.id, assessedAt: "2026-05-20", overall: "4", trust: "", delivery: "3" });
    expect(saved).toMatchObject({ status: "success", notice: expect.stringMatching(/^Assessment saved: Finance/) });
    expect(await db().itAssessment.findFirstOrThrow()).toMatchObject({ overall: 4, delivery: 3, trust: null, assessedById: world.users.rm.id });
  });
});
