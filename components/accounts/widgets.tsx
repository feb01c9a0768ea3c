import { RatingHistory } from "@/components/accounts/rating-history";
import type { CompleteFollowUpAction } from "@/components/accounts/complete-follow-up-button";
import { Timeline } from "@/components/accounts/timeline";
import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { DiagnosisPanel } from "@/components/health/diagnosis-panel";
import { Card, EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import { getLatestDiagnosis, getRatingHistory, getScoreHistory } from "@/lib/data/accounts";
import { getEvidenceSources } from "@/lib/data/evidence-sources";
import { getOpenFollowUps } from "@/lib/data/follow-ups";
import type { Actor } from "@/lib/data/permissions";
import { getTimeline } from "@/lib/data/timeline";
import { toDiagnosis } from "@/lib/health/snapshot";
import type { TimelineQuery } from "@/lib/validation/timeline";

// The account page's widgets; each fetches its own data (and the data layer re-checks access).

interface Props {
  actor: Actor;
  accountId: string;
}

export async function DiagnosisWidget({ actor, accountId }: Props) {
  const snapshot = await getLatestDiagnosis(actor, accountId);
  const diagnosis = snapshot ? toDiagnosis(snapshot.evidence) : null;
  // The records behind the evidence, named and linked: one query per kind for the whole panel.
  const sources = await getEvidenceSources(actor, accountId, diagnosis);
  return (
    <Card title="Diagnosis">
      <DiagnosisPanel diagnosis={diagnosis} sources={sources} />
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
  query,
  emptyHint,
  completeFollowUp,
}: Props & { query: TimelineQuery; emptyHint: React.ReactNode; completeFollowUp?: CompleteFollowUpAction }) {
  const [page, open] = await Promise.all([getTimeline(actor, accountId, query), getOpenFollowUps(actor, accountId)]);
  return (
    <Card title="Timeline">
      <Timeline actor={actor} accountId={accountId} page={page} open={open} emptyHint={emptyHint} completeFollowUp={completeFollowUp} />
    </Card>
  );
}

export async function RatingsWidget({ actor, accountId, emptyHint, withdraw }: Props & { emptyHint: React.ReactNode; withdraw?: FormActionFn }) {
  const ratings = await getRatingHistory(actor, accountId);
  return (
    <Card title="Ratings">
      <RatingHistory ratings={ratings} emptyHint={emptyHint} actor={actor} withdraw={withdraw} />
    </Card>
  );
}
