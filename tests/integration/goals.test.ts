import { beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { getGoalReviewsDue, getGoals, reviewSchedule } from "../../lib/data/goals";
import { goalKind } from "../../lib/data/kinds/goal";
import { goalReviewKind } from "../../lib/data/kinds/goal-review";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { goalInputSchema, goalReviewInputSchema } from "../../lib/validation/goal";
import { formError, signIn, submit } from "./action-harness";
import { buildWorld, type World } from "./world";

vi.mock("../../lib/auth/current-actor", async () => (await import("./action-harness")).currentActorModule());
vi.mock("next/headers", async () => (await import("./action-harness")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createGoalAction, createGoalReviewAction } = await import("../../app/(app)/accounts/[id]/goals/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  signIn(null);
});

const now = new Date("2026-06-01T12:00:00Z");
const goal = (overrides: Record<string, string> = {}) =>
  goalInputSchema.parse({
    title: "Close books in 5 days",
    measure: "Working days from month end to closed ledger",
    target: "5 days",
    ownerName: "Dana Finance",
    agreedAt: "2026-01-10",
    reviewEveryDays: "60",
    ...overrides,
  });
const review = (goalId: string, overrides: Record<string, string> = {}) => goalReviewInputSchema.parse({ goalId, reviewedAt: "2026-03-01", result: "PARTLY", ...overrides });

describe("goals and their reviews", () => {
  it("computes the next review from the latest review (or the agreement) and flags overdue ones", () => {
    const g = { agreedAt: new Date("2026-01-10T00:00:00Z"), reviewEveryDays: 60, closedAt: null };
    expect(reviewSchedule(g, null, now)).toEqual({ nextReviewDue: new Date("2026-03-11T00:00:00Z"), overdue: true });
    expect(reviewSchedule(g, new Date("2026-05-01T00:00:00Z"), now)).toEqual({ nextReviewDue: new Date("2026-06-30T00:00:00Z"), overdue: false });
    // Due today is not overdue yet; a closed goal is due no more.
    expect(reviewSchedule(g, new Date("2026-04-02T00:00:00Z"), now).overdue).toBe(false);
    expect(reviewSchedule({ ...g, closedAt: new Date("2026-05-01T00:00:00Z") }, null, now)).toEqual({ nextReviewDue: null, overdue: false });
  });

  it("records reviews through the goal's account, and the overview's list of overdue reviews follows them", async () => {
    const { result } = await createRecord(goalKind, world.actors.rm, world.accounts.mine.id, goal(), now);
    expect(await getGoalReviewsDue(world.actors.rm, world.accounts.mine.id, now)).toEqual([
      { id: result.id, title: "Close books in 5 days", dueSince: new Date("2026-03-11T00:00:00Z") },
    ]);

    const reviewed = await createRecord(goalReviewKind, world.actors.rm, world.accounts.mine.id, review(result.id, { reviewedAt: "2026-05-01", result: "MET" }), now);
    expect(reviewed.change.accountName).toBe("Finance");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: reviewed.result.id } });
    expect(audit).toMatchObject({ action: "goalReview.created", accountId: world.accounts.mine.id, actorId: world.users.rm.id });
    expect(await getGoalReviewsDue(world.actors.rm, world.accounts.mine.id, now)).toEqual([]);

    const [listed] = await getGoals(world.actors.cio, world.accounts.mine.id, now);
    expect(listed).toMatchObject({ id: result.id, overdue: false, nextReviewDue: new Date("2026-06-30T00:00:00Z"), reviews: [{ result: "MET" }] });

    // A review is corrected and deleted through its goal's account.
    await updateRecord(goalReviewKind, world.actors.admin, reviewed.result.id, review(result.id, { reviewedAt: "2026-05-01", result: "MISSED" }), now);
    await deleteRecord(goalReviewKind, world.actors.rm, reviewed.result.id, "Recorded for the wrong goal", now);
    expect((await getGoals(world.actors.rm, world.accounts.mine.id, now))[0]?.reviews).toEqual([]);
  });

  it("refuses a review of another account's goal, or before the goal was agreed, and writes nothing", async () => {
    const { result: theirGoal } = await createRecord(goalKind, world.actors.otherRm, world.accounts.theirs.id, goal(), now);
    const { result: mine } = await createRecord(goalKind, world.actors.rm, world.accounts.mine.id, goal(), now);
    await expect(createRecord(goalReviewKind, world.actors.rm, world.accounts.mine.id, review(theirGoal.id), now)).rejects.toMatchObject({
      fieldErrors: { goalId: ["Choose one of this unit's goals"] },
    });
    // Nor may a review of mine be moved onto their goal.
    const { result: ok } = await createRecord(goalReviewKind, world.actors.rm, world.accounts.mine.id, review(mine.id), now);
    await expect(updateRecord(goalReviewKind, world.actors.rm, ok.id, review(theirGoal.id), now)).rejects.toMatchObject({ fieldErrors: { goalId: expect.any(Array) } });
    await expect(createRecord(goalReviewKind, world.actors.rm, world.accounts.mine.id, review(mine.id, { reviewedAt: "2026-01-01" }), now)).rejects.toMatchObject({
      fieldErrors: { reviewedAt: ["A goal cannot be reviewed before it was agreed"] },
    });
    expect(await db().goalReview.findMany({ select: { goalId: true } })).toEqual([{ goalId: mine.id }]);
  });

  it("lets only the account's manager, the CIO and admin near goals; other accounts' goals and reviews look missing", async () => {
    const { result } = await createRecord(goalKind, world.actors.rm, world.accounts.mine.id, goal(), now);
    const { result: r } = await createRecord(goalReviewKind, world.actors.rm, world.accounts.mine.id, review(result.id), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(getGoals(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
      await expect(getGoalReviewsDue(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
      await expect(createRecord(goalKind, actor, world.accounts.mine.id, goal(), now)).rejects.toThrow(NotFoundError);
      await expect(createRecord(goalReviewKind, actor, world.accounts.mine.id, review(result.id), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(goalKind, actor, result.id, goal({ title: "Hijacked" }), now)).rejects.toThrow("That goal was not found.");
      await expect(updateRecord(goalReviewKind, actor, r.id, review(result.id, { result: "MET" }), now)).rejects.toThrow("That goal review was not found.");
      await expect(deleteRecord(goalReviewKind, actor, r.id, "not mine", now)).rejects.toThrow("That goal review was not found.");
    }
    for (const actor of [world.actors.cio, world.actors.admin]) {
      await expect(createRecord(goalKind, actor, world.accounts.theirs.id, goal(), now)).resolves.toBeTruthy();
    }
    expect(await db().goalReview.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ result: "PARTLY" });

    // A deleted goal takes its reviews out of reach.
    await deleteRecord(goalKind, world.actors.rm, result.id, "Replaced by a better measure", now);
    await expect(updateRecord(goalReviewKind, world.actors.rm, r.id, review(result.id), now)).rejects.toThrow(NotFoundError);
    expect(await getGoals(world.actors.rm, world.accounts.mine.id, now)).toEqual([]);
  });
});

describe("goal forms", () => {
  const goalForm = { title: "Close books in 5 days", measure: "Working days to close", target: "5", ownerName: "Dana", agreedAt: "2026-01-10", reviewEveryDays: "90" };

  it("names invalid fields and writes nothing", async () => {
    signIn(world.actors.rm);
    const bad = await submit(createGoalAction, { ...goalForm, accountId: world.accounts.mine.id, reviewEveryDays: "0", closedAt: "2026-01-01", title: "" });
    expect(Object.keys(bad.error ?? {}).sort()).toEqual(["closedAt", "reviewEveryDays", "title"]);
    const badReview = await submit(createGoalReviewAction, { accountId: world.accounts.mine.id, goalId: "not-a-goal", reviewedAt: "2026-03-01", result: "GREAT" });
    expect(Object.keys(badReview.error ?? {}).sort()).toEqual(["goalId", "result"]);
    expect(await db().goal.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it("saves a goal and a review, and refuses another account's goal with a field error", async () => {
    signIn(world.actors.rm);
    expect((await submit(createGoalAction, { ...goalForm, accountId: world.accounts.mine.id })).notice).toMatch(/^Goal saved: Finance/);
    const saved = await db().goal.findFirstOrThrow();
    expect((await submit(createGoalReviewAction, { accountId: world.accounts.mine.id, goalId: saved.id, reviewedAt: "2026-03-01", result: "MISSED" })).notice).toMatch(/^Goal review saved: Finance/);

    const { result: theirs } = await createRecord(goalKind, world.actors.otherRm, world.accounts.theirs.id, goal(), now);
    const refused = await submit(createGoalReviewAction, { accountId: world.accounts.mine.id, goalId: theirs.id, reviewedAt: "2026-03-01", result: "MET" });
    expect(refused.error?.goalId).toEqual(["Choose one of this unit's goals"]);
    expect(formError(refused)).toEqual(["That goal is not one of this unit's goals."]);
    // Naming their account instead is refused as not found.
    expect(formError(await submit(createGoalReviewAction, { accountId: world.accounts.theirs.id, goalId: theirs.id, reviewedAt: "2026-03-01", result: "MET" }))).toEqual([
      "That account was not found.",
    ]);
    expect(await db().goalReview.count()).toBe(1);
  });
});
