import type { Metadata } from "next";
import { GoalForm } from "@/components/goals/goal-form";
import { GoalList } from "@/components/goals/goal-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getGoals } from "@/lib/data/goals";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { createGoalAction, createGoalReviewAction, deleteGoalAction, deleteGoalReviewAction, updateGoalAction, updateGoalReviewAction } from "./actions";

export const metadata: Metadata = { title: "Goals" };

/** Goals agreed with the business and their reviews (article 002), for IT with full access (others get 404). */
export default async function GoalsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const goals = await notFoundOnMissing(getGoals(actor, id));
  const today = dateInputValue(new Date());

  return (
    <div className="space-y-6">
      <Card title="Goals agreed with the business">
        <p className="mb-4 text-sm text-slate-600">
          Article 002: the most satisfied users are found where IT and the business set “clear, achievable and measurable goals that are regularly reviewed and
          assessed.” Without reviews there is “friction … due to differences in expectation and interpretation.”
        </p>
        {goals.length === 0 ? (
          <EmptyState title="No goals agreed yet">Agree one or two measurable goals with the unit, record them here, and review them with the business on the cadence you agree.</EmptyState>
        ) : (
          <GoalList
            actor={actor}
            goals={goals}
            accountId={id}
            today={today}
            actions={{
              updateGoal: updateGoalAction,
              deleteGoal: deleteGoalAction,
              createReview: createGoalReviewAction,
              updateReview: updateGoalReviewAction,
              deleteReview: deleteGoalReviewAction,
            }}
          />
        )}
      </Card>
      <Card title="Add a goal">
        <GoalForm accountId={id} today={today} action={createGoalAction} />
      </Card>
    </div>
  );
}
