"use server";
import { recordFormActions } from "@/lib/actions/record-form";
import { goalKind } from "@/lib/data/kinds/goal";
import { goalReviewKind } from "@/lib/data/kinds/goal-review";

const goals = recordFormActions(goalKind, "Goal");
export const createGoalAction = goals.create;
export const updateGoalAction = goals.update;
export const deleteGoalAction = goals.remove;

const reviews = recordFormActions(goalReviewKind, "Goal review");
export const createGoalReviewAction = reviews.create;
export const updateGoalReviewAction = reviews.update;
export const deleteGoalReviewAction = reviews.remove;
