"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { changePasswordInputSchema } from "@/lib/validation/user";

export function ChangePasswordForm({ action }: { action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, changePasswordInputSchema);
  return (
    <form {...formProps} className="space-y-4">
      <TextField meta={fields.currentPassword} label="Current password" type="password" autoComplete="current-password" required />
      <TextField meta={fields.password} label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." required />
      <TextField meta={fields.confirmPassword} label="New password again" type="password" autoComplete="new-password" required />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Changing…">
        Change password
      </SubmitButton>
    </form>
  );
}
