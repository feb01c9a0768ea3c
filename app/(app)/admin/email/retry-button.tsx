"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Puts one failed email back in the queue. */
export function RetryButton({ action, emailId, to }: { action: FormActionFn; emailId: string; to: string }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `retry-email-${emailId}` });
  return (
    <form {...formProps}>
      <input type="hidden" name="emailId" value={emailId} />
      <SubmitButton pending={pending} pendingLabel="Queuing…" variant="secondary" size="sm" aria-label={`Retry the email to ${to}`}>
        Retry
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
