import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// Reads for the account's Goals section (IT only: a client or another manager gets 404).

const DAY_MS = 86_400_000;

/** Midnight UTC of `now`: goal dates are calendar days. */
const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/**
 * When the goal is next due for review: its cadence after the latest review (or after it was
 * agreed, before any). A closed goal is due no more. Overdue once the due day has passed.
 */
export function reviewSchedule(
  goal: { agreedAt: Date; reviewEveryDays: number; closedAt: Date | null },
  lastReviewedAt: Date | null,
  now: Date,
): { nextReviewDue: Date | null; overdue: boolean } {
  if (goal.closedAt && goal.closedAt <= now) return { nextReviewDue: null, overdue: false };
  const from = lastReviewedAt ?? goal.agreedAt;
  const nextReviewDue = new Date(from.getTime() + goal.reviewEveryDays * DAY_MS);
  return { nextReviewDue, overdue: nextReviewDue < startOfDay(now) };
}

const goalSelect = {
  id: true,
  title: true,
  measure: true,
  target: true,
  ownerName: true,
  agreedAt: true,
  reviewEveryDays: true,
  closedAt: true,
  reviews: {
    where: { deletedAt: null },
    orderBy: [{ reviewedAt: "desc" as const }, { createdAt: "desc" as const }],
    select: { id: true, goalId: true, reviewedAt: true, result: true, notes: true },
  },
} satisfies Prisma.GoalSelect;

/** The account's goals, open ones first, each with its reviews (latest first) and review schedule. */
export async function getGoals(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const goals = await db().goal.findMany({
    where: { accountId, deletedAt: null },
    orderBy: [{ closedAt: { sort: "desc", nulls: "first" } }, { agreedAt: "desc" }, { createdAt: "desc" }],
    select: goalSelect,
  });
  return goals.map((goal) => ({ ...goal, ...reviewSchedule(goal, goal.reviews[0]?.reviewedAt ?? null, now) }));
}

export type GoalView = Awaited<ReturnType<typeof getGoals>>[number];

/** Open goals whose review is overdue, longest overdue first: what the account overview flags. */
export async function getGoalReviewsDue(actor: Actor, accountId: string, now = new Date()) {
  const goals = await getGoals(actor, accountId, now);
  return goals
    .filter((goal) => goal.overdue)
    .map(({ id, title, nextReviewDue }) => ({ id, title, dueSince: nextReviewDue as Date }))
    .sort((a, b) => a.dueSince.getTime() - b.dueSince.getTime());
}
