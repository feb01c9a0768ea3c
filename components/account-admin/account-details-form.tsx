"use client";
import Link from "next/link";
import { SelectField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Criticality } from "@/lib/generated/prisma/enums";
import { accountUpdateInputSchema } from "@/lib/validation/account";
import { AccountDetailsFields } from "./account-details-fields";

interface Props {
  account: { id: string; name: string; description: string; criticality: Criticality; meetingCadenceDays: number | null; sponsorContactId: string | null };
  sponsorChoices: { id: string; name: string; title: string | null; leftAt: Date | null }[];
  action: FormActionFn;
}

/** The unit's details and its executive sponsor, chosen from its contacts. */
export function AccountDetailsForm({ account, sponsorChoices, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, accountUpdateInputSchema, {
    defaultValue: {
      name: account.name,
      description: account.description,
      criticality: account.criticality,
      meetingCadenceDays: account.meetingCadenceDays?.toString() ?? "",
      sponsorContactId: account.sponsorContactId ?? "",
    },
  });
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="accountId" value={account.id} />
      <AccountDetailsFields fields={fields} />
      <SelectField
        meta={fields.sponsorContactId}
        label="Executive sponsor"
        placeholder="Not named"
        hint={
          <>
            One of the unit&apos;s contacts.{" "}
            <Link href={`/accounts/${account.id}/contacts`} className="text-blue-800 underline">
              {sponsorChoices.length === 0 ? "Add contacts first" : "Add or edit contacts"}
            </Link>
            .
          </>
        }
        options={sponsorChoices.map((contact) => ({
          value: contact.id,
          label: [contact.name, contact.title].filter(Boolean).join(", ") + (contact.leftAt ? " (has left)" : ""),
        }))}
      />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save details
      </SubmitButton>
    </form>
  );
}
