import { Card, EmptyState } from "@/components/ui/card";
import { getActionPlan } from "@/lib/data/actions";
import type { Actor } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";

/**
 * The client's view of what IT did with their feedback (article 003, issue 10 §6): actions IT
 * closed as done and chose to show them, newest first. For the unit's clients only.
 */
export async function YouSaidWeDid({ actor, accountId }: { actor: Actor; accountId: string }) {
  const { youSaidWeDid } = await getActionPlan(actor, accountId);
  if (!youSaidWeDid) return null;
  return (
    <Card title="You said, we did">
      {youSaidWeDid.length === 0 ? (
        <EmptyState title="Nothing to show yet">What IT changes after your feedback and your ratings will be listed here.</EmptyState>
      ) : (
        <ul className="space-y-3 text-sm">
          {youSaidWeDid.map((item) => (
            <li key={item.id} className="rounded-md border border-slate-200 p-3">
              <p className="font-medium">{item.title}</p>
              <p className="whitespace-pre-line text-slate-700">{item.outcome}</p>
              {item.closedAt && <p className="mt-1 text-xs text-slate-500">Done {formatDate(item.closedAt)}</p>}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
