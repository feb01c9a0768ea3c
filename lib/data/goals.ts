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

/**
 * Open goals whose review is overdue, longest overdue first: what the account overview flags.
 * One statement with each goal's latest review date, where reading the goals with their every
 * review (getGoals) is two: the overview needs the schedule, not the reviews.
 */
export async function getGoalReviewsDue(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const goals = await db().$queryRaw<{ id: string; title: string; agreed_at: Date; review_every_days: number; closed_at: Date | null; last_reviewed_at: Date | null }[]>`
    SELECT g.id, g.title, g.agreed_at, g.review_every_days, g.closed_at,
      (SELECT max(r.reviewed_at) FROM goal_reviews r WHERE r.goal_id = g.id AND r.deleted_at IS NULL) AS last_reviewed_at
    FROM goals g WHERE g.account_id = ${accountId} AND g.deleted_at IS NULL
    ORDER BY g.closed_at DESC NULLS FIRST, g.agreed_at DESC, g.created_at DESC`; // getGoals' order, for goals due the same day
  return goals
    .flatMap((goal) => {
      const schedule = { agreedAt: new Date(goal.agreed_at), reviewEveryDays: Number(goal.review_every_days), closedAt: goal.closed_at && new Date(goal.closed_at) };
      const { nextReviewDue, overdue } = reviewSchedule(schedule, goal.last_reviewed_at && new Date(goal.last_reviewed_at), now);
      return overdue ? [{ id: goal.id, title: goal.title, dueSince: nextReviewDue as Date }] : [];
    })
    .sort((a, b) => a.dueSince.getTime() - b.dueSince.getTime());
}
