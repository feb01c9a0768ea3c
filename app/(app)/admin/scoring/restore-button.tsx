"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Previews an old version as the draft; saving it from the preview restores it. */
export function RestoreButton({ action, version }: { action: FormActionFn; version: number }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `restore-${version}` });
  return (
    <form {...formProps}>
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={pending} pendingLabel="Previewing…" variant="secondary" size="sm">
        Preview restoring version {version}
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
