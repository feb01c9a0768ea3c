import type { Metadata } from "next";
import { Suspense } from "react";
import { DiagnosisWidget, RatingsWidget, ScoreHistoryWidget, TimelineWidget } from "@/components/accounts/widgets";
import { ButtonLink } from "@/components/ui/button";
import { CardSkeleton } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAccountSummary } from "@/lib/data/accounts";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { completeFollowUpAction } from "./follow-ups/actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const { access, account } = await notFoundOnMissing(getAccountSummary(actor, id));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap justify-end gap-2">
        {access === "full" && <ButtonLink href={`/accounts/${account.id}/interactions/new`}>Log an interaction</ButtonLink>}
        {access === "client" && <ButtonLink href={`/accounts/${account.id}/rate`}>Rate IT&apos;s service</ButtonLink>}
      </div>

      {access === "full" ? (
        <>
          <Suspense fallback={<CardSkeleton title="Diagnosis" />}>
            <DiagnosisWidget actor={actor} accountId={account.id} />
          </Suspense>
          <div className="grid gap-6 lg:grid-cols-2">
            <Suspense fallback={<CardSkeleton title="Health score over time" />}>
              <ScoreHistoryWidget actor={actor} accountId={account.id} />
            </Suspense>
            <Suspense fallback={<CardSkeleton title="Ratings" />}>
              <RatingsWidget actor={actor} accountId={account.id} emptyHint="The account's business clients have not rated IT yet." />
            </Suspense>
          </div>
          <Suspense fallback={<CardSkeleton title="Timeline" height="h-96" />}>
            <TimelineWidget
              actor={actor}
              accountId={account.id}
              emptyHint="Log the first meeting, call or email with this business unit."
              completeFollowUp={completeFollowUpAction}
            />
          </Suspense>
        </>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Suspense fallback={<CardSkeleton title="Ratings" />}>
            <RatingsWidget actor={actor} accountId={account.id} emptyHint="Tell IT how it is doing: it takes a minute." />
          </Suspense>
          <Suspense fallback={<CardSkeleton title="Timeline" />}>
            <TimelineWidget actor={actor} accountId={account.id} emptyHint="Your meetings with IT will appear here." />
          </Suspense>
        </div>
      )}
    </div>
  );
}
