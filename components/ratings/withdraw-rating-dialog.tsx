"use client";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { TextareaField } from "@/components/forms/fields";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { FormActionFn } from "@/lib/actions/form-action";
import { withdrawRatingSchema } from "@/lib/validation/rating";

/** A client takes back a rating they gave (a mistake, a rating of the wrong unit); saying why is optional. */
export function WithdrawRatingDialog({ ratingId, label, action }: { ratingId: string; label: string; action: FormActionFn }) {
  const actionForm = useActionForm(action, withdrawRatingSchema, { id: `withdraw-${ratingId}` });
  return (
    <ConfirmDialog
      actionForm={actionForm}
      trigger={
        <Button variant="link" size="inline" className="ml-2 text-xs" aria-label={`Withdraw your ${label}`}>
          Withdraw
        </Button>
      }
      title={`Withdraw your ${label}?`}
      description="It no longer counts towards how IT is doing, and leaves your ratings. You can rate again at any time."
      confirmLabel="Withdraw rating"
      pendingLabel="Withdrawing…"
    >
      <input type="hidden" name="ratingId" value={ratingId} />
      <TextareaField meta={actionForm.fields.reason} label="Why? (optional)" rows={2} />
    </ConfirmDialog>
  );
}
