import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState } from "@/components/ui/card";
import { getOpenActionsSummary } from "@/lib/data/actions";
import type { Actor } from "@/lib/data/permissions";
import { formatDate } from "@/lib/format";

const SHOWN = 5;

/** The account overview's action plan (IT with full access): the next open actions, overdue first to the eye. */
export async function ActionPlanSummary({ actor, accountId }: { actor: Actor; accountId: string }) {
  const open = await getOpenActionsSummary(actor, accountId);
  const overdue = open.filter((action) => action.overdue).length;
  const href = `/accounts/${accountId}/actions`;
  return (
    <Card
      title="Action plan"
      action={
        <Link href={href} className="text-sm text-blue-800 underline">
          All actions
        </Link>
      }
    >
      {open.length === 0 ? (
        <EmptyState title="No open actions">
          Turn a prescribed treatment into an action with an owner and a due date on the <Link href={href} className="text-blue-800 underline">action plan</Link>.
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-600">
            {open.length} open{overdue > 0 && <>, <span className="font-medium text-red-800">{overdue} overdue</span></>}.
          </p>
          <ul className="space-y-2 text-sm">
            {open.slice(0, SHOWN).map((action) => (
              <li key={action.id} className="flex flex-wrap items-center gap-2">
                {/* A plain anchor, so the browser lands on the action and sets :target (its highlight). */}
                <a href={`${href}#record-${action.id}`} className="font-medium text-slate-900 hover:underline">
                  {action.title}
                </a>
                {action.overdue && <Badge tone="danger">Overdue</Badge>}
                <span className="text-slate-600">
                  {action.owner.name}, due {formatDate(action.dueDate)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
