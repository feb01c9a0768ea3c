"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { addEpochSchema, EPOCH_REASON_LABELS, EPOCH_REASONS } from "@/lib/validation/epoch";

/** The CIO starts a new epoch of the unit's relationship: the day, what changed and why, confirmed. */
export function EpochForm({ accountId, accountName, today, action }: { accountId: string; accountName: string; today: string; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, addEpochSchema, {
    id: "new-epoch",
    defaultValue: { startsAt: today, reasonKind: "NEW_IT_LEADERSHIP" },
  });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="accountId" value={accountId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.startsAt} label="The new epoch starts on" type="date" required />
        <SelectField meta={fields.reasonKind} label="What changed" options={EPOCH_REASONS.map((value) => ({ value, label: EPOCH_REASON_LABELS[value] }))} />
      </div>
      <TextareaField
        meta={fields.reason}
        label="Why the relationship starts over"
        rows={3}
        required
        hint="Who arrived or left, what was outsourced or brought back: the people reading this history later need it."
      />
      <CheckboxField
        meta={fields.confirm}
        label={`From that day on, ${accountName}'s diagnosis reads only what happens in the new epoch`}
        hint="Earlier signals stop counting (a new baseline); the earlier epochs and their diagnoses stay readable below."
      />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Starting…">
        Start the new epoch
      </SubmitButton>
    </form>
  );
}
