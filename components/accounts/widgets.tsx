import { RatingHistory } from "@/components/accounts/rating-history";
import type { CompleteFollowUpAction } from "@/components/accounts/complete-follow-up-button";
import { Timeline } from "@/components/accounts/timeline";
import { ScoreLineChart } from "@/components/charts/score-line-chart";
import { DiagnosisPanel } from "@/components/health/diagnosis-panel";
import { describePointChange } from "@/components/health/point-change";
import { ScoreChangesTable } from "@/components/health/score-changes-table";
import { UnreadableDiagnosis } from "@/components/health/unreadable-diagnosis";
import { WhatChanged, whatChangedTitle } from "@/components/health/what-changed";
import { Card, EmptyState } from "@/components/ui/card";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { EvidenceSources } from "@/lib/data/evidence-sources";
import { getAccountDiagnosis, getScoreHistory } from "@/lib/data/diagnoses";
import { listEpochMarkers } from "@/lib/data/epochs";
import { getOpenFollowUps } from "@/lib/data/follow-ups";
import { getRatingsOverview } from "@/lib/data/ratings";
import type { Actor } from "@/lib/data/permissions";
import { getTimeline } from "@/lib/data/timeline";
import type { TimelineQuery } from "@/lib/validation/timeline";

// The account page's widgets; each fetches its own data (and the data layer re-checks access).

interface Props {
  actor: Actor;
  accountId: string;
}

export async function DiagnosisWidget({ actor, accountId }: Props) {
  // With the diagnosis it is compared with, and the records behind both named and linked.
  const { current, comparison, sources } = await getAccountDiagnosis(actor, accountId);
  if (current && !current.readable) {
    return (
      <Card title="Diagnosis">
        <UnreadableDiagnosis computedAt={current.computedAt} />
      </Card>
    );
  }
  const diagnosis = current?.diagnosis ?? null;
  const linked = onThisPage(sources, `/accounts/${accountId}`);
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Diagnosis" className={comparison ? "lg:col-span-2" : "lg:col-span-3"}>
        <DiagnosisPanel diagnosis={diagnosis} sources={linked} planHref={(treatmentId) => `/accounts/${accountId}/actions?treatment=${encodeURIComponent(treatmentId)}#plan`} />
      </Card>
      {diagnosis && comparison && (
        <Card title={whatChangedTitle(comparison)} className="self-start">
          <WhatChanged diagnosis={diagnosis} comparison={comparison} sources={linked} />
        </Card>
      )}
    </div>
  );
}

/**
 * The records shown on this page (its ratings) linked by their fragment alone, `#record-<id>`: a
 * third of the characters of a link the heaviest account's page holds hundreds of, and a click
 * stays on the page as it is (its timeline's filters and page too) instead of loading it again.
 */
function onThisPage(sources: EvidenceSources, page: string): EvidenceSources {
  const prefix = `${page}#`;
  return Object.fromEntries(Object.entries(sources).map(([id, source]) => [id, source.href.startsWith(prefix) ? { ...source, href: source.href.slice(page.length) } : source]));
}

export async function ScoreHistoryWidget({ actor, accountId }: Props) {
  // Points without a score (insufficient data) are not drawn; what changed at each one is.
  const [points, markers] = await Promise.all([getScoreHistory(actor, accountId), listEpochMarkers(actor, accountId)]);
  const history = points.flatMap((point) =>
    point.score === null ? [] : [{ ...point, score: point.score, changes: point.change ? describePointChange(point.change) : [] }],
  );
  return (
    <Card title="Health score over time">
      {history.length === 0 ? (
        <EmptyState title="No scored history yet" />
      ) : (
        <>
          <ScoreLineChart
            name="Health score"
            data={history.map((point) => ({ at: point.computedAt.toISOString(), score: point.score, ...(point.changes.length > 0 && { changes: point.changes }) }))}
            markers={markers}
            description={`Health score from ${history[0]?.score} to ${history.at(-1)?.score} over ${history.length} diagnoses.`}
          />
          <ScoreChangesTable points={history.filter((point) => point.changes.length > 0).reverse().map((point) => ({ at: point.computedAt, score: point.score, changes: point.changes }))} />
        </>
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
  const overview = await getRatingsOverview(actor, accountId);
  return (
    <Card title="Ratings">
      <RatingHistory overview={overview} emptyHint={emptyHint} actor={actor} withdraw={withdraw} />
    </Card>
  );
}
