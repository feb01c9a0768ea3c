import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { ItAssessmentView } from "@/lib/data/it-assessments";
import { formatDate } from "@/lib/format";
import { RATING_DIMENSIONS } from "@/lib/validation/rating";
import { ASPECT_LABELS } from "./aspects";
import { ItAssessmentForm } from "./it-assessment-form";

/** IT's assessments of the relationship, latest first. */
export function AssessmentList({ actor, assessments, today, actions }: { actor: Actor; assessments: ItAssessmentView[]; today: string; actions: { update: FormActionFn; remove: FormActionFn } }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {assessments.map((assessment) => {
        const name = `assessment of ${formatDate(assessment.assessedAt)}`;
        const rated = RATING_DIMENSIONS.filter(({ key }) => assessment[key] !== null);
        return (
          <li key={assessment.id} id={`record-${assessment.id}`} className="scroll-mt-4 space-y-2 p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <p>
                <span className="font-medium">Overall {assessment.overall}/5</span>{" "}
                <span className="text-sm text-slate-600">
                  on {formatDate(assessment.assessedAt)}
                  {assessment.assessedBy && ` by ${assessment.assessedBy.name}`}
                </span>
              </p>
              <span className="flex items-center gap-3">
                <HistoryLink actor={actor} entityType="ItAssessment" entityId={assessment.id} label={name} />
                <DeleteRecordDialog action={actions.remove} recordId={assessment.id} name={name} consequence="It leaves the comparison and the diagnosis." />
              </span>
            </div>
            {rated.length > 0 && <p className="text-sm text-slate-700">{rated.map(({ key }) => `${ASPECT_LABELS[key]} ${assessment[key]}`).join(" · ")}</p>}
            {assessment.notes && <p className="whitespace-pre-line text-sm text-slate-700">{assessment.notes}</p>}
            <Disclosure summary="Edit" label={name}>
              <ItAssessmentForm assessment={assessment} today={today} action={actions.update} />
            </Disclosure>
          </li>
        );
      })}
    </ul>
  );
}
