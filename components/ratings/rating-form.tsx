"use client";
import { TextareaField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { RATING_DIMENSIONS, ratingInputSchema } from "@/lib/validation/rating";
import { ScoreChoice } from "./score-choice";

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
      <ScoreChoice meta={fields.overall} legend="Overall, how satisfied are you with IT's service?" min={1} max={5} lowLabel="very dissatisfied" highLabel="very satisfied" required />
      <ScoreChoice meta={fields.recommend} legend="How likely are you to recommend IT to a colleague?" min={0} max={10} lowLabel="not at all" highLabel="extremely likely" required />
      <details className="rounded-md border border-slate-200 p-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Rate in more detail (optional)</summary>
        <div className="mt-4 space-y-4">
          {RATING_DIMENSIONS.map((dimension) => (
            <ScoreChoice key={dimension.key} meta={fields[dimension.key]} legend={dimension.label} min={1} max={5} lowLabel="poor" highLabel="excellent" />
          ))}
        </div>
      </details>
      <TextareaField meta={fields.comment} label="Anything you want IT to know? (optional)" rows={3} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send rating
      </SubmitButton>
    </form>
  );
}
