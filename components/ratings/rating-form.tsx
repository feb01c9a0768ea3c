"use client";
import { TextareaField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { ratingInputSchema } from "@/lib/validation/rating";
import { RatingQuestions } from "./rating-questions";

interface Props {
  accountId: string;
  idempotencyKey: string;
  action: FormActionFn;
}

/** On success the action redirects to the account, where the thank-you notice is shown. */
export function RatingForm({ accountId, idempotencyKey, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, ratingInputSchema);
  return (
    <form {...formProps} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <RatingQuestions fields={fields} />
      <TextareaField meta={fields.comment} label="Anything you want IT to know? (optional)" rows={3} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send rating
      </SubmitButton>
    </form>
  );
}
