import { getGoalReviewsDue } from "@/lib/data/goals";
import type { Actor } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";

/**
 * For the account overview (IT with full access only: the read refuses anyone else): the goals
 * whose review with the business is overdue (article 002: goals "regularly reviewed and
 * assessed"). Renders nothing when every review is on schedule.
 */
export async function GoalReviewsDue({ actor, accountId }: { actor: Actor; accountId: string }) {
  const due = await getGoalReviewsDue(actor, accountId);
  if (due.length === 0) return null;
  return (
    <section aria-labelledby="goal-reviews-due" className="rounded-lg border border-red-200 bg-red-50 p-4">
      <h2 id="goal-reviews-due" className="text-sm font-semibold text-red-900">
        Goal reviews overdue
      </h2>
      <ul className="mt-2 space-y-1 text-sm text-red-900">
        {due.map((goal) => (
          <li key={goal.id}>
            {/* A plain anchor, so the browser lands on the goal and sets :target (its highlight). */}
            <a href={`/accounts/${accountId}/goals#record-${goal.id}`} className="underline">
              Review of ‘{goal.title}’ overdue since {formatDate(goal.dueSince)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
