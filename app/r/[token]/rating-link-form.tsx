"use client";
import { TextareaField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { RatingQuestions } from "@/components/ratings/rating-questions";
import { ScoreChoice } from "@/components/ratings/score-choice";
import type { FormActionFn } from "@/lib/actions/form-action";
import { invitationRatingSchema } from "@/lib/validation/rating";

interface Props {
  token: string;
  idempotencyKey: string;
  coreSystems: { id: string; name: string; description: string }[];
  action: FormActionFn;
}

/** The in-app rating form's questions, plus the scorecard when the campaign asks it. Works without JavaScript. */
export function RatingLinkForm({ token, idempotencyKey, coreSystems, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, invitationRatingSchema, {
    defaultValue: { systems: coreSystems.map((system) => ({ coreSystemId: system.id })) },
  });
  const systemRows = fields.systems.getFieldList();
  return (
    <form {...formProps} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <RatingQuestions fields={fields} />
      {coreSystems.length > 0 && (
        <section aria-labelledby="scorecard-heading" className="space-y-4">
          <div>
            <h2 id="scorecard-heading" className="text-base font-semibold">
              The systems you use
            </h2>
            <p className="text-sm text-slate-600">For each, how important it is to your work and how satisfied you are with it. Skip any you do not use.</p>
          </div>
          {systemRows.map((row, index) => {
            const system = coreSystems[index];
            if (!system) return null;
            const row_ = row.getFieldset();
            return (
              <fieldset key={row.key} className="space-y-3 rounded-md border border-slate-200 p-4">
                <legend className="px-1 text-sm font-semibold">{system.name}</legend>
                {system.description && <p className="text-xs text-slate-500">{system.description}</p>}
                <input type="hidden" name={row_.coreSystemId.name} value={system.id} />
                <ScoreChoice meta={row_.importance} legend={`How important is ${system.name} to your work?`} min={1} max={5} lowLabel="not important" highLabel="essential" />
                <ScoreChoice meta={row_.satisfaction} legend={`How satisfied are you with ${system.name}?`} min={1} max={5} lowLabel="very dissatisfied" highLabel="very satisfied" />
              </fieldset>
            );
          })}
        </section>
      )}
      <TextareaField meta={fields.comment} label="Anything you want IT to know? (optional)" rows={4} />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send my rating
      </SubmitButton>
    </form>
  );
}
