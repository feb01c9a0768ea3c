"use client";
import { SelectField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { assignManagerInputSchema } from "@/lib/validation/account";

interface Props {
  accountId: string;
  managerId: string | null;
  managers: { id: string; name: string; email: string }[];
  action: FormActionFn;
}

/** Assigns the one accountable relationship manager (article 004), or leaves the unit without one. */
export function ManagerForm({ accountId, managerId, managers, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, assignManagerInputSchema, { defaultValue: { managerId: managerId ?? "" } });
  return (
    <form {...formProps} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <SelectField
          meta={fields.managerId}
          label="Relationship manager"
          placeholder="Nobody (unassigned)"
          className="grow"
          options={managers.map((manager) => ({ value: manager.id, label: `${manager.name} (${manager.email})` }))}
        />
        <SubmitButton pending={pending} pendingLabel="Assigning…">
          Assign
        </SubmitButton>
      </div>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
