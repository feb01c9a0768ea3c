"use client";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { followUpInputSchema } from "@/lib/validation/interaction";
import { editRecordFormSchema } from "@/lib/validation/record-form";
import { SIDE_OPTIONS } from "./interaction-rows";

const schema = editRecordFormSchema(followUpInputSchema);

interface Props {
  followUp: { id: string; description: string; owedBy: string; dueDate: string };
  action: FormActionFn;
}

/** Corrects one follow-up: what is owed, by whom, by when. */
export function FollowUpForm({ followUp, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, schema, {
    defaultValue: { description: followUp.description, owedBy: followUp.owedBy, dueDate: followUp.dueDate },
  });
  return (
    <form {...formProps} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <input type="hidden" name="recordId" value={followUp.id} />
      <TextField meta={fields.description} label="What is owed" required />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.owedBy} label="Owed by" options={SIDE_OPTIONS} />
        <TextField meta={fields.dueDate} label="Due" type="date" required />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        Save correction
      </SubmitButton>
    </form>
  );
}
