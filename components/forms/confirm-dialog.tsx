"use client";
import type { FormMetadata } from "@conform-to/react";
import { type ComponentProps, type ReactNode, useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent, AlertDialogDescription, AlertDialogTitle, AlertDialogTrigger } from "@/components/ui/alert-dialog";
import { DialogFooter } from "@/components/ui/dialog";
import type { FormState } from "@/lib/actions/form-action";
import { FormStatus } from "./form-status";
import { SubmitButton } from "./submit-button";

interface Props {
  /** The caller's `useActionForm(…)`, so its fields (a reason, hidden ids) are typed by its schema. */
  actionForm: { form: FormMetadata; formProps: ComponentProps<"form">; pending: boolean; lastResult: FormState | undefined };
  /** The button that opens the dialog, e.g. `<Button variant="danger">Delete</Button>`. */
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** The form's fields: hidden ids, a required reason… */
  children?: ReactNode;
}

/**
 * A confirmation for a destructive action (a delete with a reason): an alert dialog holding the
 * form. It stays open showing the server's errors, and closes when the action succeeds (its
 * notice is a toast). It needs JavaScript, like any dialog.
 */
export function ConfirmDialog({ actionForm, trigger, title, description, confirmLabel, pendingLabel, children }: Props) {
  const { form, formProps, pending, lastResult } = actionForm;
  // The result the dialog was opened with: a newer success closes it, a newer error keeps it open.
  const [openedWith, setOpenedWith] = useState<{ result: FormState | undefined } | null>(null);
  const open = openedWith !== null && (lastResult === openedWith.result || lastResult?.status !== "success");
  return (
    <AlertDialog open={open} onOpenChange={(next) => setOpenedWith(next ? { result: lastResult } : null)}>
      <AlertDialogTrigger asChild>{trigger}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogTitle>{title}</AlertDialogTitle>
        <AlertDialogDescription>{description}</AlertDialogDescription>
        <form {...formProps} className="mt-4 space-y-4">
          {children}
          <FormStatus form={form} lastResult={lastResult} />
          <DialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <SubmitButton variant="danger" pending={pending} pendingLabel={pendingLabel}>
              {confirmLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </AlertDialogContent>
    </AlertDialog>
  );
}
