"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** An administrator signs a user out everywhere: a plain form, so it works before JavaScript loads. */
export function EndSessionsForm({ userId, name, action }: { userId: string; name: string; action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `sessions-${userId}` });
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-600">
        Every session {name} has open stops working at once (a lost laptop, a shared screen). They can sign in again with their password.
      </p>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Signing out…" variant="secondary">
        {`Sign ${name} out everywhere`}
      </SubmitButton>
    </form>
  );
}
