import "server-only";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";
import { goalReviewInputSchema } from "../../validation/goal";

/**
 * A review of a goal with the business. Reviews have no account of their own: they belong to the
 * account of their goal, which must be one of this account's live goals (a goal of another unit
 * is refused as if it did not exist), and cannot be reviewed before it was agreed.
 */
export const goalReviewKind: RecordKind<typeof goalReviewInputSchema> = {
  entityType: "GoalReview",
  label: "goal review",
  schema: goalReviewInputSchema,
  table: (tx) => tx.goalReview as unknown as RecordTable,
  toData: (review) => review,
  accountIdOf: async (tx, id) =>
    (await tx.goalReview.findFirst({ where: { id, deletedAt: null, goal: { deletedAt: null } }, select: { goal: { select: { accountId: true } } } }))?.goal
      .accountId ?? null,
  // The goal in the input joins the review to the account.
  parentData: () => ({}),
  check: async ({ goalId, reviewedAt }, { tx, accountId }) => {
    const goal = await tx.goal.findFirst({ where: { id: goalId, accountId, deletedAt: null }, select: { agreedAt: true } });
    if (!goal) throw new InputConflictError("That goal is not one of this unit's goals.", { goalId: ["Choose one of this unit's goals"] });
    if (reviewedAt < goal.agreedAt) {
      throw new InputConflictError("A goal cannot be reviewed before it was agreed.", { reviewedAt: ["A goal cannot be reviewed before it was agreed"] });
    }
  },
};
