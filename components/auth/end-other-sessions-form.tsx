"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Ends every session of the caller but this one: a plain form, so it works before JavaScript loads. */
export function EndOtherSessionsForm({ action }: { action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action);
  return (
    <form {...formProps} className="space-y-3">
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Signing out…" variant="secondary">
        Sign out of all other sessions
      </SubmitButton>
    </form>
  );
}
