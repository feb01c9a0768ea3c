"use client";
import { useState } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/form-action";
import { ROLE_LABELS, ROLES } from "@/lib/validation/user";

interface Props {
  accounts: { id: string; name: string }[];
  action: (previous: ActionResult<{ id: string; email: string }> | null, formData: FormData) => Promise<ActionResult<{ id: string; email: string }>>;
}

export function NewUserForm({ accounts, action }: Props) {
  const { state, pending, onSubmit, errorsFor } = useFormAction(action);
  const [role, setRole] = useState<string>("RELATIONSHIP_MANAGER");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4 sm:grid-cols-2">
      <TextField name="name" label="Name" autoComplete="off" errors={errorsFor("name")} required />
      <TextField name="email" label="Email" type="email" autoComplete="off" errors={errorsFor("email")} required />
      <SelectField
        name="role"
        label="Role"
        value={role}
        onChange={(event) => setRole(event.target.value)}
        options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))}
        errors={errorsFor("role")}
      />
      {role === "CLIENT" && (
        <SelectField
          name="accountId"
          label="Account (business unit)"
          placeholder="Choose an account"
          options={accounts.map((account) => ({ value: account.id, label: account.name }))}
          errors={errorsFor("accountId")}
        />
      )}
      <TextField name="password" label="Initial password" type="password" autoComplete="new-password" hint="At least 12 characters. Share it privately." errors={errorsFor("password")} required />
      <div className="sm:col-span-2">
        <FormStatus state={state} />
        <Button type="submit" disabled={pending} className="mt-2">
          {pending ? "Creating…" : "Create user"}
        </Button>
      </div>
    </form>
  );
}
