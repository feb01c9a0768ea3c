import { z } from "zod";
import { GOAL_REVIEW_RESULTS } from "../scoring/enums";
import { idSchema, intInRange, optionalPastDateOnly, optionalText, pastDateOnly, trimmed } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

// Goals agreed with the business and their reviews (article 002: "clear, achievable and
// measurable goals that are regularly reviewed and assessed").

export const goalInputSchema = z
  .object({
    title: trimmed("The goal", 3, 200),
    measure: trimmed("How it is measured", 3, 500),
    target: trimmed("The target", 1, 200),
    ownerName: trimmed("The owner", 2, 120),
    agreedAt: pastDateOnly("when it was agreed"),
    reviewEveryDays: intInRange("The review cadence", 7, 730),
    closedAt: optionalPastDateOnly("when it was closed"),
  })
  .superRefine((goal, ctx) => {
    if (goal.closedAt && goal.closedAt < goal.agreedAt) ctx.addIssue({ code: "custom", path: ["closedAt"], message: "A goal cannot close before it was agreed" });
  });

export const GOAL_RESULT_LABELS = { MET: "Met", PARTLY: "Partly met", MISSED: "Missed" } as const satisfies Record<(typeof GOAL_REVIEW_RESULTS)[number], string>;

/** A review of one goal; the server checks the goal is the account's and was agreed by then. */
export const goalReviewInputSchema = z.object({
  goalId: idSchema,
  reviewedAt: pastDateOnly("the date of the review"),
  result: z.enum(GOAL_REVIEW_RESULTS, { error: "Choose the result: met, partly met or missed" }),
  notes: optionalText("The notes", 2000),
});

export const addGoalSchema = newRecordFormSchema(goalInputSchema);
export const editGoalSchema = editRecordFormSchema(goalInputSchema);
export const addGoalReviewSchema = newRecordFormSchema(goalReviewInputSchema);
export const editGoalReviewSchema = editRecordFormSchema(goalReviewInputSchema);

export type GoalInput = z.output<typeof goalInputSchema>;
export type GoalReviewInput = z.output<typeof goalReviewInputSchema>;
