"use client";
import { TextareaField } from "@/components/forms/fields";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { deleteRecordFormSchema } from "@/lib/validation/record-form";

/** Deletes a core system entered by mistake, with the reason kept in the audit log. */
export function DeleteCoreSystem({ system, action }: { system: { id: string; name: string }; action: FormActionFn }) {
  const actionForm = useActionForm(action, deleteRecordFormSchema, { id: `delete-core-system-${system.id}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Delete ${system.name}`}>
          Delete
        </Button>
      }
      title={`Delete ${system.name}?`}
      description="It leaves the unit's core systems; its SLA periods and incidents stay, without a system. The reason is kept in the change history."
      confirmLabel="Delete system"
      pendingLabel="Deleting…"
    >
      <input type="hidden" name="recordId" value={system.id} />
      <TextareaField meta={actionForm.fields.reason} label="Why delete it?" rows={2} required />
    </ConfirmDialog>
  );
}
