"use client";
import { FormStatus } from "@/components/forms/form-status";
import { TextareaField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { saveFormSchema } from "./save-schema";

/** Saves the previewed draft, and only it: the preview and its fingerprint go back to the server. */
export function SaveForm({ action, previewId, hash }: { action: FormActionFn; previewId: string; hash: string }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, saveFormSchema, { id: `save-${previewId}` });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="previewId" value={previewId} />
      <input type="hidden" name="hash" value={hash} />
      <TextareaField meta={fields.reason} label="Why this change" hint="Kept with the version, for whoever reads the history." rows={2} required />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save this configuration
      </SubmitButton>
    </form>
  );
}
