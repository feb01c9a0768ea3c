import type { FieldMetadata } from "@conform-to/react";
import { RATING_DIMENSIONS } from "@/lib/validation/rating";
import { ScoreChoice } from "./score-choice";

type QuestionFields = Record<"overall" | "recommend" | (typeof RATING_DIMENSIONS)[number]["key"], FieldMetadata<unknown>>;

/** The rating's questions, the same in the app and through an emailed link. */
export function RatingQuestions({ fields }: { fields: QuestionFields }) {
  return (
    <>
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
    </>
  );
}
