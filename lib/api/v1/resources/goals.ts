import { z } from "zod";
import { goalList, goalReviewList } from "../../../data/api-lists/it-record-lists";
import { goalKind } from "../../../data/kinds/goal";
import { goalReviewKind } from "../../../data/kinds/goal-review";
import { GOAL_REVIEW_RESULTS } from "../../../scoring/enums";
import { timestamp } from "../schemas";
import { recordOperations } from "./record-operations";

// Goals agreed with the business and their reviews (the unit's Goals tab): IT with full access.

const goalSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    title: z.string(),
    measure: z.string(),
    target: z.string(),
    ownerName: z.string(),
    agreedAt: timestamp,
    reviewEveryDays: z.number().int(),
    closedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Goal" });

const goalReviewSchema = z
  .object({
    id: z.string(),
    goalId: z.string(),
    accountId: z.string().meta({ description: "The goal's unit." }),
    reviewedAt: timestamp,
    result: z.enum(GOAL_REVIEW_RESULTS),
    notes: z.string(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "GoalReview" });

export const operations = [
  ...recordOperations({
    kind: goalKind,
    plural: "goals",
    singular: "goal",
    noun: "goal",
    tag: "Goals",
    time: "agreedAt",
    item: goalSchema,
    list: goalList,
    example: { title: "Month-end close in 3 days", measure: "Working days to close", target: "3", ownerName: "Dana Finance", agreedAt: "2026-09-01", reviewEveryDays: 90 },
  }),
  ...recordOperations({
    kind: goalReviewKind,
    plural: "goal-reviews",
    singular: "goalReview",
    noun: "goal review",
    tag: "Goals",
    time: "reviewedAt",
    item: goalReviewSchema,
    list: goalReviewList,
    example: { goalId: "cmh8z2k4e0000abcd1234efgh", reviewedAt: "2026-11-30", result: "PARTLY", notes: "Down to 4 days" },
  }),
];
