"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Revokes one token: a plain form, so it works before JavaScript loads. */
export function RevokeTokenForm({ action, tokenId, name }: { action: FormActionFn; tokenId: string; name: string }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `revoke-${tokenId}` });
  return (
    <form {...formProps} className="space-y-1">
      <input type="hidden" name="tokenId" value={tokenId} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Revoking…" variant="secondary" size="sm" aria-label={`Revoke ${name}`}>
        Revoke
      </SubmitButton>
    </form>
  );
}
