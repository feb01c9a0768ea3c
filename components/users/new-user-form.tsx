"use client";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { useHydrated } from "@/components/forms/use-hydrated";
import type { FormActionFn } from "@/lib/actions/form-action";
import { newUserInputSchema, ROLE_LABELS, ROLES } from "@/lib/validation/user";

interface Props {
  accounts: { id: string; name: string }[];
  action: FormActionFn;
}

export function NewUserForm({ accounts, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, newUserInputSchema, { defaultValue: { role: "RELATIONSHIP_MANAGER" } });
  // Only business clients have an account. Before JavaScript loads the choice cannot follow the
  // role, so it is always shown (the schema refuses an account for other roles).
  const showAccount = !useHydrated() || fields.role.value === "CLIENT";
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <TextField meta={fields.name} label="Name" autoComplete="off" required />
      <TextField meta={fields.email} label="Email" type="email" autoComplete="off" required />
      <SelectField meta={fields.role} label="Role" options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
      {showAccount && (
        <SelectField
          meta={fields.accountId}
          label="Account (business unit)"
          hint="Business clients only."
          placeholder="Choose an account"
          options={accounts.map((account) => ({ value: account.id, label: account.name }))}
        />
      )}
      <TextField meta={fields.password} label="Initial password" type="password" autoComplete="new-password" hint="At least 12 characters. Share it privately." required />
      <div className="sm:col-span-2">
        <FormStatus form={form} lastResult={lastResult} />
        <SubmitButton pending={pending} pendingLabel="Creating…" className="mt-2">
          Create user
        </SubmitButton>
      </div>
    </form>
  );
}
