"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { addCoreSystemSchema, editCoreSystemSchema } from "@/lib/validation/core-system";

type Props =
  | { accountId: string; system?: undefined; action: FormActionFn }
  | { accountId?: undefined; system: { id: string; name: string; description: string }; action: FormActionFn };

/** Adds a core system to the unit, or corrects one (`system`). */
export function CoreSystemForm({ accountId, system, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, system ? editCoreSystemSchema : addCoreSystemSchema, {
    id: system ? `core-system-${system.id}` : "new-core-system",
    defaultValue: system ? { name: system.name, description: system.description } : undefined,
  });
  return (
    <form {...formProps} className="space-y-3">
      {system ? <input type="hidden" name="recordId" value={system.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField meta={fields.name} label="System" placeholder="General ledger" autoComplete="off" required />
        <TextField meta={fields.description} label="What the unit uses it for" autoComplete="off" />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={system ? "secondary" : "primary"}>
        {system ? "Save system" : "Add core system"}
      </SubmitButton>
    </form>
  );
}
