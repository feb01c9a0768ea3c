import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { FollowUpForm } from "@/components/interactions/follow-up-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getFollowUpForEdit } from "@/lib/data/follow-ups";
import { formatDate, humanize } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { dateInputValue } from "@/lib/validation/record-form";
import { deleteFollowUpAction, updateFollowUpAction } from "../../actions";

export const metadata: Metadata = { title: "Correct a follow-up" };

export default async function EditFollowUpPage({ params }: { params: Promise<{ id: string; followUpId: string }> }) {
  const { id, followUpId } = await params;
  const actor = await requireActorOrRedirect();
  const followUp = await notFoundOnMissing(getFollowUpForEdit(actor, followUpId));
  if (followUp.accountId !== id) notFound();
  const from = followUp.interaction && `From the ${humanize(followUp.interaction.type).toLowerCase()} of ${formatDate(followUp.interaction.occurredAt)}: ${followUp.interaction.summary}.`;

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <Link href={`/accounts/${id}/record/${followUp.id}`} className="text-sm text-blue-800 underline">
          ← Back to the timeline
        </Link>
        <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">Correct a follow-up</h1>
          <HistoryLink actor={actor} entityType="FollowUp" entityId={followUp.id} label="this follow-up" />
        </div>
        <p className="text-sm text-slate-600">
          {from} {followUp.doneAt ? `Done ${formatDate(followUp.doneAt)}.` : "Still open."} The account is re-diagnosed when you save.
        </p>
      </div>
      <FollowUpForm
        followUp={{ id: followUp.id, description: followUp.description, owedBy: followUp.owedBy, dueDate: dateInputValue(followUp.dueDate) }}
        action={updateFollowUpAction}
      />
      <Card title="Delete this follow-up">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className="text-sm text-slate-600">Never agreed, or recorded twice? It leaves the timeline and the diagnosis.</p>
          <DeleteRecordDialog
            action={deleteFollowUpAction}
            recordId={followUp.id}
            name={`the follow-up “${followUp.description}”`}
            consequence="It leaves the timeline, the open follow-ups and the diagnosis."
          />
        </div>
      </Card>
    </div>
  );
}
