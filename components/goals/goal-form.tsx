"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { GoalView } from "@/lib/data/goals";
import { addGoalSchema, editGoalSchema } from "@/lib/validation/goal";
import { dateInputValue } from "@/lib/validation/record-form";

type Props = { action: FormActionFn; today: string } & ({ accountId: string; goal?: undefined } | { accountId?: undefined; goal: GoalView });

/** Records a goal agreed with the business, or corrects or closes one (`goal`). */
export function GoalForm({ accountId, goal, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, goal ? editGoalSchema : addGoalSchema, {
    id: goal ? `goal-${goal.id}` : "new-goal",
    defaultValue: goal
      ? {
          title: goal.title,
          measure: goal.measure,
          target: goal.target,
          ownerName: goal.ownerName,
          agreedAt: dateInputValue(goal.agreedAt),
          reviewEveryDays: String(goal.reviewEveryDays),
          closedAt: dateInputValue(goal.closedAt),
        }
      : { agreedAt: today, reviewEveryDays: "90" },
  });
  return (
    <form {...formProps} className="space-y-4">
      {goal ? <input type="hidden" name="recordId" value={goal.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextField meta={fields.title} label="The goal" required hint="As agreed with the business, e.g. “Close the books in 5 working days”." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.measure} label="How it is measured" required />
        <TextField meta={fields.target} label="Target" required />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.ownerName} label="Owner" required hint="Who answers for it." autoComplete="off" />
        <TextField meta={fields.agreedAt} label="Agreed on" type="date" required />
        <TextField meta={fields.reviewEveryDays} label="Review every (days)" type="number" min={7} max={730} inputMode="numeric" required />
      </div>
      {goal && <TextField meta={fields.closedAt} label="Closed on" type="date" hint="When the goal was achieved or dropped; leave blank while it is pursued." className="sm:w-1/3" />}
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={goal ? "secondary" : "primary"}>
        {goal ? "Save goal" : "Add goal"}
      </SubmitButton>
    </form>
  );
}
