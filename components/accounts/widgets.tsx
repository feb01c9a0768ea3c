import { RatingHistory } from "@/components/accounts/rating-history";
import type { CompleteFollowUpAction } from "@/components/accounts/complete-follow-up-button";
import { Timeline } from "@/components/accounts/timeline";
import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { DiagnosisPanel } from "@/components/health/diagnosis-panel";
import { Card, EmptyState } from "@/components/ui/card";
import { getLatestDiagnosis, getRatingHistory, getScoreHistory } from "@/lib/data/accounts";
import type { Actor } from "@/lib/data/permissions";
import { getTimeline } from "@/lib/data/timeline";
import { toDiagnosis } from "@/lib/health/snapshot";

// The account page's widgets; each fetches its own data (and the data layer re-checks access).

interface Props {
  actor: Actor;
  accountId: string;
}

export async function DiagnosisWidget({ actor, accountId }: Props) {
  const snapshot = await getLatestDiagnosis(actor, accountId);
  return (
    <Card title="Diagnosis">
      <DiagnosisPanel diagnosis={snapshot ? toDiagnosis(snapshot.evidence) : null} />
    </Card>
  );
}

export async function ScoreHistoryWidget({ actor, accountId }: Props) {
  const history = (await getScoreHistory(actor, accountId)).filter((point) => point.score !== null);
  return (
    <Card title="Health score over time">
      {history.length === 0 ? (
        <EmptyState title="No scored history yet" />
      ) : (
        <ScoreLineChart
          name="Health score"
          data={history.map((point) => ({ at: point.computedAt.toISOString(), score: point.score ?? 0 }))}
          description={`Health score from ${history[0]?.score} to ${history.at(-1)?.score} over ${history.length} diagnoses.`}
        />
      )}
    </Card>
  );
}

export async function TimelineWidget({
  actor,
  accountId,
  emptyHint,
  completeFollowUp,
}: Props & { emptyHint: React.ReactNode; completeFollowUp?: CompleteFollowUpAction }) {
  const data = await getTimeline(actor, accountId);
  return (
    <Card title="Timeline">
      <Timeline data={data} emptyHint={emptyHint} completeFollowUp={completeFollowUp} />
    </Card>
  );
}

export async function RatingsWidget({ actor, accountId, emptyHint }: Props & { emptyHint: React.ReactNode }) {
  const ratings = await getRatingHistory(actor, accountId);
  return (
    <Card title="Ratings">
      <RatingHistory ratings={ratings} emptyHint={emptyHint} />
    </Card>
  );
}
