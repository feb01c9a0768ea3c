import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { Card, EmptyState } from "@/components/ui/card";
import { getScoreHistory } from "@/lib/data/diagnoses";
import { type Era, epochMarkerLabel } from "@/lib/data/epochs";
import type { Actor } from "@/lib/data/permissions";

/** The health score over the last year with each epoch's start marked: where the new baseline began. */
export async function EpochScoreChart({ actor, accountId, eras }: { actor: Actor; accountId: string; eras: Era[] }) {
  const history = (await getScoreHistory(actor, accountId)).flatMap((point) => (point.score === null ? [] : [{ at: point.computedAt.toISOString(), score: point.score }]));
  const markers = eras.flatMap((era) => (era.startsAt && era.reasonKind ? [{ at: era.startsAt.toISOString(), label: epochMarkerLabel(era.reasonKind) }] : []));
  return (
    <Card title="Health score across epochs">
      {history.length === 0 ? (
        <EmptyState title="No scored history yet">The score appears here once the unit has enough signals to diagnose.</EmptyState>
      ) : (
        <ScoreLineChart
          name="Health score"
          data={history}
          markers={markers}
          description={`Health score over the last year, from ${history[0]?.score} to ${history.at(-1)?.score}, over ${history.length} diagnoses.`}
        />
      )}
    </Card>
  );
}
