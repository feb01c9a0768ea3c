"use client";
import { TextField } from "@/components/forms/fields";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { contactLeftFormSchema } from "@/lib/validation/contact";

interface Props {
  contact: { id: string; name: string; leftAt: Date | null };
  /** Today as YYYY-MM-DD, the day a leaver most often left. */
  today: string;
  markLeft: FormActionFn;
  markActive: FormActionFn;
}

/**
 * A contact who leaves is marked, never deleted: their past meetings keep their name and they
 * drop out of the attendee picker. Marking them active again undoes a mistake.
 */
export function ContactStatus({ contact, today, markLeft, markActive }: Props) {
  return contact.leftAt ? <MarkActive contact={contact} action={markActive} /> : <MarkLeft contact={contact} today={today} action={markLeft} />;
}

function MarkLeft({ contact, today, action }: { contact: Props["contact"]; today: string; action: FormActionFn }) {
  const actionForm = useActionForm(action, contactLeftFormSchema, { id: `contact-left-${contact.id}`, defaultValue: { leftAt: today } });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Mark ${contact.name} as left`}>
          Mark as left
        </Button>
      }
      title={`Has ${contact.name} left?`}
      description="They stay in this list and in the meetings they attended, and are no longer offered as an attendee."
      confirmLabel="Mark as left"
      pendingLabel="Saving…"
    >
      <input type="hidden" name="recordId" value={contact.id} />
      <TextField meta={actionForm.fields.leftAt} label="The day they left" type="date" required />
    </ConfirmDialog>
  );
}

function MarkActive({ contact, action }: { contact: Props["contact"]; action: FormActionFn }) {
  const { form, formProps, pending, lastResult } = useActionForm(action, undefined, { id: `contact-active-${contact.id}` });
  return (
    <form {...formProps}>
      <input type="hidden" name="recordId" value={contact.id} />
      <SubmitButton variant="secondary" size="sm" pending={pending} pendingLabel="Saving…" aria-label={`Mark ${contact.name} as active again`}>
        Active again
      </SubmitButton>
      <FormStatus form={form} lastResult={lastResult} />
    </form>
  );
}
