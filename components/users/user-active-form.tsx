"use client";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";

/** Deactivate or reactivate: a plain form, so it works before JavaScript loads. */
export function UserActiveForm({ userId, name, active, action }: { userId: string; name: string; active: boolean; action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `active-${userId}` });
  return (
    <form {...formProps} className="space-y-3">
      <input type="hidden" name="userId" value={userId} />
      <p className="text-sm text-slate-600">
        {active
          ? `${name} will no longer be able to sign in, and any session they hold stops working at once. Their history stays.`
          : `${name} will be able to sign in again with their password.`}
      </p>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel={active ? "Deactivating…" : "Reactivating…"} variant={active ? "danger" : "secondary"}>
        {active ? `Deactivate ${name}` : `Reactivate ${name}`}
      </SubmitButton>
    </form>
  );
}
