import type { Metadata } from "next";
import { Suspense } from "react";
import { ResponseRateCard } from "@/components/accounts/response-rate-card";
import { ActionPlanSummary } from "@/components/actions/action-plan-summary";
import { ExportLink } from "@/components/export/export-link";
import { DiagnosisWidget, RatingsWidget, ScoreHistoryWidget, TimelineWidget } from "@/components/accounts/widgets";
import { YouSaidWeDid } from "@/components/actions/you-said-we-did";
import { PointOfContact } from "@/components/client-view/point-of-contact";
import { GoalReviewsDue } from "@/components/goals/goal-reviews-due";
import { ButtonLink } from "@/components/ui/button";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { timelineQuerySchema } from "@/lib/validation/timeline";
import { completeFollowUpAction } from "./follow-ups/actions";
import { withdrawRatingAction } from "./rate/actions";

export const metadata: Metadata = { title: "Account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AccountPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  // The timeline's page and filters live in the URL; a mangled one shows the newest page.
  const query = timelineQuerySchema.parse(await searchParams);
  const actor = await requireActorOrRedirect();
  const { access, account } = await notFoundOnMissing(getAccountSummary(actor, id));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap justify-end gap-2">
        {access === "full" && <ButtonLink href={`/accounts/${account.id}/interactions/new`}>Log an interaction</ButtonLink>}
        <ExportLink href={`/api/export/timeline?accountId=${account.id}`} label="the timeline" />
        <ExportLink href={`/api/export/ratings?accountId=${account.id}`} label="ratings" />
        {access === "client" && <ButtonLink href={`/accounts/${account.id}/rate`}>Rate IT&apos;s service</ButtonLink>}
        {access === "client" && (
          <ButtonLink href={`/accounts/${account.id}/maturity`} variant="secondary">
            Where IT stands with you
          </ButtonLink>
        )}
      </div>

      {access === "full" ? (
        <>
          {/* Streamed in two parts, each the widgets that load together: the diagnosis with what
              it calls for (overdue goal reviews, the action plan), then the score, the ratings and
              the response rate. Each streamed boundary is a segment, a script and a write of its
              own; and the goal reviews, which render nothing when none is due, no longer stream in
              above a diagnosis already drawn. */}
          <Suspense
            fallback={
              <>
                <CardSkeleton title="Diagnosis" />
                <CardSkeleton title="Action plan" height="h-24" />
              </>
            }
          >
            <GoalReviewsDue actor={actor} accountId={account.id} />
            <DiagnosisWidget actor={actor} accountId={account.id} />
            <ActionPlanSummary actor={actor} accountId={account.id} />
          </Suspense>
          <Suspense
            fallback={
              <>
                <div className="grid gap-6 lg:grid-cols-2">
                  <CardSkeleton title="Health score over time" />
                  <CardSkeleton title="Ratings" />
                </div>
                <CardSkeleton title="Response rate" />
              </>
            }
          >
            <div className="grid gap-6 lg:grid-cols-2">
              <ScoreHistoryWidget actor={actor} accountId={account.id} />
              <RatingsWidget actor={actor} accountId={account.id} emptyHint="The account's business clients have not rated IT yet." />
            </div>
            <ResponseRateCard actor={actor} accountId={account.id} />
          </Suspense>
          {/* Not streamed: its paging links, filters and record anchors must be in the page as
              served, so they work without JavaScript and a link to #record-<id> finds its target. */}
          <TimelineWidget
            actor={actor}
            accountId={account.id}
            query={query}
            emptyHint="Log the first meeting, call or email with this business unit."
            completeFollowUp={completeFollowUpAction}
          />
        </>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <PointOfContact unitName={account.name} manager={account.relationshipManager} />
          {/* One streamed part: the two load together. */}
          <Suspense
            fallback={
              <>
                <CardSkeleton title="You said, we did" />
                <CardSkeleton title="Ratings" />
              </>
            }
          >
            <YouSaidWeDid actor={actor} accountId={account.id} />
            <RatingsWidget actor={actor} accountId={account.id} emptyHint="Tell IT how it is doing: it takes a minute." withdraw={withdrawRatingAction} />
          </Suspense>
          <TimelineWidget actor={actor} accountId={account.id} query={query} emptyHint="Your meetings with IT will appear here." />
        </div>
      )}
    </div>
  );
}
