"use client";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { GoalView } from "@/lib/data/goals";
import { GOAL_REVIEW_RESULTS } from "@/lib/scoring/enums";
import { addGoalReviewSchema, editGoalReviewSchema, GOAL_RESULT_LABELS } from "@/lib/validation/goal";
import { dateInputValue } from "@/lib/validation/record-form";

type Review = GoalView["reviews"][number];
type Props = { action: FormActionFn; today: string; goalId: string } & ({ accountId: string; review?: undefined } | { accountId?: undefined; review: Review });

const results = GOAL_REVIEW_RESULTS.map((value) => ({ value, label: GOAL_RESULT_LABELS[value] }));

/** Records a review of one goal with the business, or corrects one (`review`). */
export function GoalReviewForm({ accountId, goalId, review, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, review ? editGoalReviewSchema : addGoalReviewSchema, {
    id: review ? `goal-review-${review.id}` : `new-goal-review-${goalId}`,
    defaultValue: review ? { reviewedAt: dateInputValue(review.reviewedAt), result: review.result, notes: review.notes } : { reviewedAt: today },
  });
  return (
    <form {...formProps} className="space-y-4">
      {review ? <input type="hidden" name="recordId" value={review.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <input type="hidden" name="goalId" value={goalId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.reviewedAt} label="Reviewed on" type="date" required />
        <SelectField meta={fields.result} label="Result" options={results} placeholder="Choose…" required />
      </div>
      <TextareaField meta={fields.notes} label="Notes" rows={2} hint="What the business said, and what happens next." />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary">
        {review ? "Save review" : "Record review"}
      </SubmitButton>
    </form>
  );
}
