"use client";
import { TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { ScoreChoice } from "@/components/ratings/score-choice";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { ItAssessmentView } from "@/lib/data/it-assessments";
import { RATING_DIMENSIONS } from "@/lib/validation/rating";
import { addItAssessmentSchema, editItAssessmentSchema } from "@/lib/validation/it-assessment";
import { dateInputValue } from "@/lib/validation/record-form";
import { ASPECT_LABELS } from "./aspects";

type Props = { action: FormActionFn; today: string } & ({ accountId: string; assessment?: undefined } | { accountId?: undefined; assessment: ItAssessmentView });

const score = (value: number | null) => (value === null ? "" : String(value));

/** IT rates the relationship on the client's own 1–5 scale, overall and per dimension; or corrects an assessment. */
export function ItAssessmentForm({ accountId, assessment, action, today }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, assessment ? editItAssessmentSchema : addItAssessmentSchema, {
    id: assessment ? `it-assessment-${assessment.id}` : "new-it-assessment",
    defaultValue: assessment
      ? {
          assessedAt: dateInputValue(assessment.assessedAt),
          overall: score(assessment.overall),
          ...Object.fromEntries(RATING_DIMENSIONS.map(({ key }) => [key, score(assessment[key])])),
          notes: assessment.notes,
        }
      : { assessedAt: today },
  });
  return (
    <form {...formProps} className="space-y-5">
      {assessment ? <input type="hidden" name="recordId" value={assessment.id} /> : <input type="hidden" name="accountId" value={accountId} />}
      <TextField meta={fields.assessedAt} label="Assessed on" type="date" required className="sm:w-1/3" />
      <ScoreChoice meta={fields.overall} legend="Overall, how well does IT serve this unit?" min={1} max={5} lowLabel="very poorly" highLabel="very well" required />
      <div className="grid gap-4 lg:grid-cols-2">
        {RATING_DIMENSIONS.map(({ key }) => (
          <ScoreChoice key={key} meta={fields[key]} legend={ASPECT_LABELS[key]} min={1} max={5} lowLabel="poor" highLabel="excellent" />
        ))}
      </div>
      <TextareaField meta={fields.notes} label="Notes" rows={2} hint="Why you rate it so: what IT does well and where the unit may see it differently." />
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…" variant={assessment ? "secondary" : "primary"}>
        {assessment ? "Save changes" : "Save assessment"}
      </SubmitButton>
    </form>
  );
}
