"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { endStageOverrideSchema } from "@/lib/validation/stage-override";

/** Ends the override in force before its expiry, asking why: the reason is kept in its history. */
export function EndStageOverride({ overrideId, stageLabel, action }: { overrideId: string; stageLabel: string; action: FormActionFn }) {
  const actionForm = useActionForm(action, endStageOverrideSchema, { id: `end-override-${overrideId}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="secondary" size="sm">
          End override
        </Button>
      }
      title={`End the ${stageLabel} override?`}
      description="The computed stage then stands alone again. The override and your reason stay in its history."
      confirmLabel="End override"
      pendingLabel="Ending…"
    >
      <input type="hidden" name="overrideId" value={overrideId} />
      <TextareaField meta={actionForm.fields.reason} label="Why end it now?" rows={2} required />
    </ConfirmDialog>
  );
}
