"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { alertEmailsSchema } from "@/lib/validation/action";

/** Whether alerts also come by email: they always come here. */
export function AlertEmailsForm({ action, on }: { action: FormActionFn; on: boolean }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, alertEmailsSchema, { id: "alert-emails", defaultValue: { alertEmails: on ? "on" : undefined } });
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-4">
      <CheckboxField meta={fields.alertEmails} label="Also email me each alert" />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant="secondary" size="sm">
        Save
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
