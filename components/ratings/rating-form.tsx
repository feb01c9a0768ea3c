"use client";
import Link from "next/link";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/form-action";
import type { RatingReceipt } from "@/lib/data/ratings";
import { RATING_DIMENSIONS } from "@/lib/validation/rating";
import { ScoreChoice } from "./score-choice";

interface Props {
  accountId: string;
  idempotencyKey: string;
  action: (previous: ActionResult<RatingReceipt> | null, formData: FormData) => Promise<ActionResult<RatingReceipt>>;
}

export function RatingForm({ accountId, idempotencyKey, action }: Props) {
  const { state, pending, onSubmit, errorsFor } = useFormAction(action);

  if (state?.ok) {
    return (
      <div className="rounded-lg border border-green-200 bg-green-50 p-6">
        <FormStatus state={state} />
        <Link href={`/accounts/${accountId}`} className="mt-4 inline-block text-blue-800 underline">
          See your account&apos;s ratings
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ScoreChoice name="overall" legend="Overall, how satisfied are you with IT's service?" min={1} max={5} lowLabel="very dissatisfied" highLabel="very satisfied" errors={errorsFor("overall")} required />
      <ScoreChoice name="recommend" legend="How likely are you to recommend IT to a colleague?" min={0} max={10} lowLabel="not at all" highLabel="extremely likely" errors={errorsFor("recommend")} required />
      <details className="rounded-md border border-slate-200 p-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Rate in more detail (optional)</summary>
        <div className="mt-4 space-y-4">
          {RATING_DIMENSIONS.map((dimension) => (
            <ScoreChoice key={dimension.key} name={dimension.key} legend={dimension.label} min={1} max={5} lowLabel="poor" highLabel="excellent" errors={errorsFor(dimension.key)} />
          ))}
        </div>
      </details>
      <TextAreaField name="comment" label="Anything you want IT to know? (optional)" rows={3} errors={errorsFor("comment")} />
      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send rating"}
      </Button>
    </form>
  );
}
