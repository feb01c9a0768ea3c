"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Role } from "@/lib/generated/prisma/enums";
import { editUserInputSchema } from "@/lib/validation/user";
import { RoleFields } from "./role-fields";

interface Props {
  user: { id: string; name: string; role: Role; accountId: string | null };
  accounts: { id: string; name: string }[];
  action: FormActionFn;
}

export function EditUserForm({ user, accounts, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, editUserInputSchema, {
    defaultValue: { userId: user.id, name: user.name, role: user.role, accountId: user.accountId ?? "" },
  });
  return (
    <form {...formProps} className="grid gap-4 sm:grid-cols-2">
      <input type="hidden" name="userId" value={user.id} />
      <TextField meta={fields.name} label="Name" autoComplete="off" required className="sm:col-span-2" />
      <RoleFields role={fields.role} account={fields.accountId} accounts={accounts} />
      <div className="sm:col-span-2">
        <FormStatus form={form} lastResult={lastResult} />
        <SubmitButton pending={pending} pendingLabel="Saving…" className="mt-2">
          Save details
        </SubmitButton>
      </div>
    </form>
  );
}
