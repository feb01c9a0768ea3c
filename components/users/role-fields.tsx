"use client";
import type { FieldMetadata } from "@conform-to/react";
import { SelectField } from "@/components/forms/fields";
import { useHydrated } from "@/components/forms/use-hydrated";
import { ROLE_LABELS, ROLES } from "@/lib/validation/user";

/**
 * Role, and the account for business clients. Before JavaScript loads the account cannot follow
 * the role, so it is always shown (the schema refuses an account for other roles).
 */
export function RoleFields({ role, account, accounts }: { role: FieldMetadata<unknown>; account: FieldMetadata<unknown>; accounts: { id: string; name: string }[] }) {
  const showAccount = !useHydrated() || role.value === "CLIENT";
  return (
    <>
      <SelectField meta={role} label="Role" options={ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }))} />
      {showAccount && (
        <SelectField
          meta={account}
          label="Account (business unit)"
          hint="Business clients only."
          placeholder="Choose an account"
          options={accounts.map((choice) => ({ value: choice.id, label: choice.name }))}
        />
      )}
    </>
  );
}
