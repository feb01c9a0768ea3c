"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { resetPasswordInputSchema } from "@/lib/validation/user";

export function ResetPasswordForm({ userId, action }: { userId: string; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, resetPasswordInputSchema);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="userId" value={userId} />
      <TextField
        meta={fields.password}
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Every session they have ends; share the password privately."
        required
      />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Resetting…" variant="secondary">
        Reset password
      </SubmitButton>
    </form>
  );
}
