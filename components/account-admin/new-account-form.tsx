"use client";
import { SelectField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { newAccountInputSchema } from "@/lib/validation/account";
import { AccountDetailsFields } from "./account-details-fields";

interface Props {
  managers: { id: string; name: string }[];
  action: FormActionFn;
}

export function NewAccountForm({ managers, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, newAccountInputSchema, { defaultValue: { criticality: "MEDIUM" } });
  return (
    <form {...formProps} className="space-y-4">
      <AccountDetailsFields fields={fields} />
      <SelectField
        meta={fields.relationshipManagerId}
        label="Relationship manager"
        placeholder="Nobody yet"
        hint="The one person accountable for the relationship. You can assign or change them later in the unit's settings."
        options={managers.map((manager) => ({ value: manager.id, label: manager.name }))}
      />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Creating…">
        Create business unit
      </SubmitButton>
    </form>
  );
}
