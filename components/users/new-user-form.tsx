"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { newUserInputSchema } from "@/lib/validation/user";
import { RoleFields } from "./role-fields";

interface Props {
  accounts: { id: string; name: string }[];
  action: FormActionFn;
}

export function NewUserForm({ accounts, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, newUserInputSchema, { defaultValue: { role: "RELATIONSHIP_MANAGER" } });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <TextField meta={fields.name} label="Name" autoComplete="off" required />
      <TextField meta={fields.email} label="Email" type="email" autoComplete="off" required />
      <RoleFields role={fields.role} account={fields.accountId} accounts={accounts} />
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
