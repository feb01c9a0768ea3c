import type { Metadata } from "next";
import { DeclinedRequestForm } from "@/components/requests/declined-request-form";
import { DeclinedRequestList } from "@/components/requests/declined-request-list";
import { Card, EmptyState } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getDeclinedRequests } from "@/lib/data/declined-requests";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { createDeclinedRequestAction, deleteDeclinedRequestAction, updateDeclinedRequestAction } from "./actions";

export const metadata: Metadata = { title: "Declined requests" };

/** Requests IT declined and whether it said why (article 002), for IT with full access (others get 404). */
export default async function DeclinedRequestsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireActorOrRedirect();
  const requests = await notFoundOnMissing(getDeclinedRequests(actor, id));
  const today = dateInputValue(new Date());

  return (
    <div className="space-y-6">
      <Card title="Declined requests">
        <p className="mb-4 text-sm text-slate-600">
          Article 002: “We commonly hear complaints that ‘IT just says no’ … It makes a world of difference to be told that remote access to an application may not be
          possible due to a lack of encryption capabilities rather than being flatly refused.”
        </p>
        {requests.length === 0 ? (
          <EmptyState title="No declined requests recorded">When IT turns a request down, record it here and whether the business was told why.</EmptyState>
        ) : (
          <DeclinedRequestList actor={actor} requests={requests} today={today} actions={{ update: updateDeclinedRequestAction, remove: deleteDeclinedRequestAction }} />
        )}
      </Card>
      <Card title="Record a declined request">
        <DeclinedRequestForm accountId={id} today={today} action={createDeclinedRequestAction} />
      </Card>
    </div>
  );
}
