"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { editActionSchema, newActionSchema, planFromAlertSchema } from "@/lib/validation/action";

const SCHEMAS = { new: newActionSchema, edit: editActionSchema, alert: planFromAlertSchema } as const;

export interface ActionFormProps {
  action: FormActionFn;
  /** new: on an account (free or from a treatment); edit: an open action; alert: answering an alert. */
  mode: keyof typeof SCHEMAS;
  /** Form id, unique on the page (one form per row). */
  id: string;
  /** Ids the form posts as they are (accountId, treatmentId, alertId, actionId). */
  hidden: Record<string, string>;
  owners: readonly { value: string; label: string }[];
  defaults: { title?: string; ownerId?: string; dueDate: string; visibleToClient?: boolean };
  submitLabel: string;
}

/** Plans an action (what, who owns it, by when, whether the client will see it done) or corrects one. */
export function ActionForm({ action, mode, id, hidden, owners, defaults, submitLabel }: ActionFormProps) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, SCHEMAS[mode], {
    id,
    defaultValue: { title: defaults.title ?? "", ownerId: defaults.ownerId ?? "", dueDate: defaults.dueDate, visibleToClient: defaults.visibleToClient ? "on" : undefined },
  });
  return (
    <form {...formProps} className="space-y-4">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextField meta={fields.title} label="What IT will do" required hint="A concrete step, e.g. “Send Finance a monthly service report”." autoComplete="off" />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.ownerId} label="Owner" options={owners} placeholder="Choose who owns it" required />
        <TextField meta={fields.dueDate} label="Due" type="date" required />
      </div>
      <CheckboxField meta={fields.visibleToClient} label="Show the client when it is done (“You said, we did”)" />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={mode === "edit" ? "secondary" : "primary"}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
