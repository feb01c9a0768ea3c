"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Sends one finished delivery again. */
export function ReplayButton({ action, deliveryId, label }: { action: FormActionFn; deliveryId: string; label: string }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `replay-${deliveryId}` });
  return (
    <form {...formProps}>
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <SubmitButton pending={pending} pendingLabel="Queuing…" variant="secondary" size="sm" aria-label={label}>
        Replay
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
