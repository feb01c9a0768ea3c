import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import { Fact, Facts } from "@/components/ui/facts";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { GoalView } from "@/lib/data/goals";
import type { Actor } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";
import { GOAL_RESULT_LABELS } from "@/lib/validation/goal";
import { GoalForm } from "./goal-form";
import { GoalReviewForm } from "./goal-review-form";

export interface GoalActions {
  updateGoal: FormActionFn;
  deleteGoal: FormActionFn;
  createReview: FormActionFn;
  updateReview: FormActionFn;
  deleteReview: FormActionFn;
}

const RESULT_STYLE = { MET: "bg-green-100 text-green-900", PARTLY: "bg-amber-100 text-amber-900", MISSED: "bg-red-100 text-red-900" } as const;

/** The goals agreed with the unit, each with when its next review is due and the reviews so far. */
export function GoalList({ actor, goals, accountId, today, actions }: { actor: Actor; goals: GoalView[]; accountId: string; today: string; actions: GoalActions }) {
  return (
    <ul className="space-y-4">
      {goals.map((goal) => (
        <li key={goal.id} id={`record-${goal.id}`} className="scroll-mt-4 space-y-3 rounded-md border border-slate-200 p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <h3 className="font-medium">
              {goal.title}
              <ReviewStatus goal={goal} />
            </h3>
            <span className="flex items-center gap-3">
              <HistoryLink actor={actor} entityType="Goal" entityId={goal.id} label={`goal “${goal.title}”`} />
              <DeleteRecordDialog action={actions.deleteGoal} recordId={goal.id} name={`goal “${goal.title}”`} consequence="It and its reviews leave the diagnosis." />
            </span>
          </div>
          <Facts>
            <Fact term="Measure">{goal.measure}</Fact>
            <Fact term="Target">{goal.target}</Fact>
            <Fact term="Owner">{goal.ownerName}</Fact>
            <Fact term="Agreed">
              {formatDate(goal.agreedAt)}, reviewed every {goal.reviewEveryDays} days
            </Fact>
          </Facts>

          <section aria-label={`Reviews of “${goal.title}”`}>
            {goal.reviews.length === 0 ? (
              <p className="text-sm text-slate-500">Not reviewed with the business yet.</p>
            ) : (
              <ol className="space-y-2">
                {goal.reviews.map((review) => (
                  <li key={review.id} id={`record-${review.id}`} className="scroll-mt-4 rounded-md bg-slate-50 p-3 text-sm">
                    <div className="flex flex-wrap items-start justify-between gap-2">
                      <p>
                        <span className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${RESULT_STYLE[review.result]}`}>{GOAL_RESULT_LABELS[review.result]}</span>
                        Reviewed {formatDate(review.reviewedAt)}
                      </p>
                      <span className="flex items-center gap-3">
                        <HistoryLink actor={actor} entityType="GoalReview" entityId={review.id} label={`review of ${formatDate(review.reviewedAt)}`} />
                        <DeleteRecordDialog
                          action={actions.deleteReview}
                          recordId={review.id}
                          name={`review of ${formatDate(review.reviewedAt)}`}
                          consequence="The goal's review schedule and the diagnosis no longer count it."
                        />
                      </span>
                    </div>
                    {review.notes && <p className="mt-1 whitespace-pre-line text-slate-700">{review.notes}</p>}
                    <div className="mt-2">
                      <Disclosure summary="Edit" label={`review of ${formatDate(review.reviewedAt)}`}>
                        <GoalReviewForm goalId={goal.id} review={review} today={today} action={actions.updateReview} />
                      </Disclosure>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <div className="flex flex-col gap-2">
            {!goal.closedAt && (
              <Disclosure summary="Record a review" label={`of “${goal.title}”`} open={goal.overdue}>
                <GoalReviewForm accountId={accountId} goalId={goal.id} today={today} action={actions.createReview} />
              </Disclosure>
            )}
            <Disclosure summary="Edit or close the goal" label={`“${goal.title}”`}>
              <GoalForm goal={goal} today={today} action={actions.updateGoal} />
            </Disclosure>
          </div>
        </li>
      ))}
    </ul>
  );
}

function ReviewStatus({ goal }: { goal: GoalView }) {
  const badge = "ml-2 rounded px-1.5 py-0.5 align-middle text-xs font-medium";
  if (goal.closedAt) return <span className={`${badge} bg-slate-200 text-slate-700`}>Closed {formatDate(goal.closedAt)}</span>;
  if (!goal.nextReviewDue) return null;
  return goal.overdue ? (
    <span className={`${badge} bg-red-100 text-red-900`}>Review overdue since {formatDate(goal.nextReviewDue)}</span>
  ) : (
    <span className={`${badge} bg-slate-100 text-slate-700`}>Next review due {formatDate(goal.nextReviewDue)}</span>
  );
}
