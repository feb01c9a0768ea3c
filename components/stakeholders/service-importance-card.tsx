import { ScorecardView } from "@/components/campaigns/campaign-results";
import { Card, EmptyState } from "@/components/ui/card";
import type { Actor } from "@/lib/data/permissions";
import { getServiceImportance } from "@/lib/data/service-importance";
import { formatDate } from "@/lib/format";

/** The unit's IT services by importance and satisfaction, with what to fix first said in words. */
export async function ServiceImportanceCard({ actor, accountId }: { actor: Actor; accountId: string }) {
  const { points, since, sinceEpoch } = await getServiceImportance(actor, accountId);
  const answered = points.filter((point) => point.answers > 0);
  const fixFirst = points.filter((point) => point.fixFirst).map((point) => point.name);
  return (
    <Card title="Importance × satisfaction of IT's services">
      {points.length === 0 ? (
        <EmptyState title="No core systems recorded">Add the unit&apos;s core systems in its settings; rating campaigns with the scorecard then ask how each matters and satisfies.</EmptyState>
      ) : answered.length === 0 ? (
        <EmptyState title="No scorecard answers yet">
          Start a rating campaign for this unit with the scorecard ticked: its clients then rate how important each core system is and how satisfied they are with it.
        </EmptyState>
      ) : (
        <div className="space-y-3">
          <p className={`text-sm ${fixFirst.length ? "font-medium text-red-800" : "text-slate-700"}`}>
            {fixFirst.length
              ? `Fix first: ${fixFirst.join(", ")}: important to the unit and unsatisfying.`
              : "Nothing in the fix-first quadrant: no system is both important to the unit and unsatisfying."}
          </p>
          <p className="text-xs text-slate-500">
            From the campaigns&apos; scorecard answers since {formatDate(since)}
            {sinceEpoch ? ", when the current epoch began" : ""}.
          </p>
          <ScorecardView
            rows={points.map((point) => ({ ...point, accountId, hidden: point.answers === 0 }))}
            anonymous={false}
            minGroupSize={1}
          />
        </div>
      )}
    </Card>
  );
}
