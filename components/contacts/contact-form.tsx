"use client";
import { SelectField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { ContactView } from "@/lib/data/contacts";
import { addContactSchema, CONTACT_ROLE_LABELS, CONTACT_ROLES, editContactSchema, LEVEL_LABELS, LEVELS } from "@/lib/validation/contact";

type Props =
  | { accountId: string; contact?: undefined; action: FormActionFn }
  | { accountId?: undefined; contact: ContactView; action: FormActionFn };

const levels = LEVELS.map((value) => ({ value, label: LEVEL_LABELS[value] }));

/** Adds a person at the unit, or corrects one (`contact`). */
export function ContactForm({ accountId, contact, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, contact ? editContactSchema : addContactSchema, {
    id: contact ? `contact-${contact.id}` : "new-contact",
    defaultValue: contact
      ? { name: contact.name, title: contact.title ?? "", email: contact.email ?? "", phone: contact.phone ?? "", role: contact.role, influence: contact.influence, interest: contact.interest }
      : { role: "KEY_USER", influence: "MEDIUM", interest: "MEDIUM" },
  });
  return (
    <form {...formProps} className="space-y-4">
      {contact ? <input type="hidden" name="recordId" value={contact.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.name} label="Name" autoComplete="off" required />
        <TextField meta={fields.title} label="Job title" autoComplete="off" />
        <TextField meta={fields.email} label="Email" type="email" autoComplete="off" />
        <TextField meta={fields.phone} label="Phone" type="tel" autoComplete="off" />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          meta={fields.role}
          label="Part in the relationship"
          options={CONTACT_ROLES.map((value) => ({ value, label: CONTACT_ROLE_LABELS[value] }))}
        />
        <SelectField meta={fields.influence} label="Influence" hint="Over decisions about IT." options={levels} />
        <SelectField meta={fields.interest} label="Interest" hint="In what IT does for them." options={levels} />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={contact ? "secondary" : "primary"}>
        {contact ? "Save contact" : "Add contact"}
      </SubmitButton>
    </form>
  );
}
