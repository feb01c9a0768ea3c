"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Asks for every stored text to be re-detected, after a confirmation the server checks too. */
export function RedetectForm({ action }: { action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: "redetect-phrases" });
  return (
    <form {...formProps} className="space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="confirm" className="mt-1" required />
        <span>I understand that every stored note, quote and rating comment is read again with the current phrase engine, and accounts whose phrases change are re-diagnosed (their stage may change).</span>
      </label>
      <SubmitButton pending={pending} pendingLabel="Queuing…">
        Re-detect phrases now
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
