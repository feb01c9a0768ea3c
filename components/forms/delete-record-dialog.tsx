"use client";
import { TextareaField } from "@/components/forms/fields";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { deleteRecordFormSchema } from "@/lib/validation/record-form";

interface Props {
  /** A `recordFormActions(…).remove` action. */
  action: FormActionFn;
  recordId: string;
  /** What is deleted, for the button and the title: "project “New ledger”". */
  name: string;
  /** What deleting it does, in a sentence. */
  consequence: string;
}

/** Delete one of IT's records of an account, asking why: the reason is kept in its change history. */
export function DeleteRecordDialog({ action, recordId, name, consequence }: Props) {
  const actionForm = useActionForm(action, deleteRecordFormSchema, { id: `delete-${recordId}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Delete ${name}`}>
          Delete
        </Button>
      }
      title={`Delete ${name}?`}
      description={`${consequence} The reason is kept in the change history.`}
      confirmLabel="Delete"
      pendingLabel="Deleting…"
    >
      <input type="hidden" name="recordId" value={recordId} />
      <TextareaField meta={actionForm.fields.reason} label="Why delete it?" rows={2} required />
    </ConfirmDialog>
  );
}
