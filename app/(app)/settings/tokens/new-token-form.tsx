"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SelectField, TextField } from "@/components/forms/fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { newApiTokenInputSchema, TOKEN_EXPIRY_DAYS } from "@/lib/validation/api-token";
import type { NewTokenState } from "./actions";

const scopes = [
  { value: "READ", label: "Read only" },
  { value: "WRITE", label: "Read and write" },
];
const expiries = TOKEN_EXPIRY_DAYS.map((days) => ({ value: String(days), label: days === 365 ? "In a year" : `In ${days} days` }));

/** Name, scope and expiry; after a create the secret is shown here, once, to copy. */
export function NewTokenForm({ action }: { action: (previous: NewTokenState | undefined, formData: FormData) => Promise<NewTokenState> }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action as FormActionFn, newApiTokenInputSchema, { defaultValue: { scope: "READ", expiresInDays: "90" } as never });
  const secret = (lastResult as NewTokenState | undefined)?.secret;
  return (
    <div className="space-y-4">
      {secret && (
        <div className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3" role="region" aria-label="Your new token">
          <p className="text-sm font-medium text-green-900">Your new token. Copy it now: Rapport keeps only a fingerprint of it and cannot show it again.</p>
          <output className="block break-all rounded bg-white px-2 py-1 font-mono text-sm" data-testid="new-token-secret">
            {secret}
          </output>
          <button type="button" className="text-sm text-blue-800 underline" onClick={() => void navigator.clipboard?.writeText(secret)}>
            Copy to the clipboard
          </button>
        </div>
      )}
      <form {...formProps} className="space-y-3">
        <FormStatus form={form} lastResult={lastResult} />
        <TextField meta={fields.name} label="Name" hint="What the token is for, e.g. “ITSM sync”." required maxLength={80} />
        <SelectField meta={fields.scope} label="May" options={scopes} hint="Read only cannot change anything." />
        <SelectField meta={fields.expiresInDays} label="Expires" options={expiries} />
        <SubmitButton pending={pending} pendingLabel="Making the token…">
          Make a token
        </SubmitButton>
      </form>
    </div>
  );
}
