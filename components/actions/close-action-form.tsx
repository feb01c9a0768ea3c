"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField, TextareaField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { closeActionSchema } from "@/lib/validation/action";

const CLOSINGS = [
  { value: "DONE", label: "Done" },
  { value: "DROPPED", label: "Dropped (not done)" },
] as const;

/** Closes an action, recording what was done (or why not): what the reports and the client read. */
export function CloseActionForm({ action, actionId, visibleToClient }: { action: FormActionFn; actionId: string; visibleToClient: boolean }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, closeActionSchema, {
    id: `close-${actionId}`,
    defaultValue: { status: "DONE", visibleToClient: visibleToClient ? "on" : undefined },
  });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="actionId" value={actionId} />
      <SelectField meta={fields.status} label="Outcome" options={CLOSINGS} required className="sm:w-1/2" />
      <TextareaField meta={fields.outcome} label="What was done" required rows={3} hint="In words the client would recognise, e.g. “Month-end batch moved to 2 am: reports ready by 7 am since 3 March”." />
      <CheckboxField meta={fields.visibleToClient} label="Show the client (“You said, we did”)" hint="Only actions closed as done are shown." />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Closing…">
        Close the action
      </SubmitButton>
    </form>
  );
}
