import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { interactionEditDefaults } from "@/components/interactions/interaction-defaults";
import { EditInteractionForm } from "@/components/interactions/interaction-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { getAttendeeOptions } from "@/lib/data/accounts";
import { getInteractionForEdit } from "@/lib/data/interactions";
import { formatDate, humanize } from "@/lib/format";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { deleteInteractionAction, updateInteractionAction } from "./actions";

export const metadata: Metadata = { title: "Correct an interaction" };

export default async function EditInteractionPage({ params }: { params: Promise<{ id: string; interactionId: string }> }) {
  const { id, interactionId } = await params;
  const actor = await requireActorOrRedirect();
  const interaction = await notFoundOnMissing(getInteractionForEdit(actor, interactionId));
  // The URL names the account too: an interaction of another account is not at this address.
  if (interaction.accountId !== id) notFound();
  const options = await getAttendeeOptions(actor, id);
  // Someone who came and has since left the unit still came: keep them choosable.
  const contacts = [...options.contacts, ...interaction.attendees.flatMap((a) => (a.contact && !options.contacts.some((c) => c.id === a.contact?.id) ? [a.contact] : []))];
  const name = `${humanize(interaction.type).toLowerCase()} of ${formatDate(interaction.occurredAt)}`;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href={`/accounts/${id}/record/${interaction.id}`} className="text-sm text-blue-800 underline">
          ← Back to the timeline
        </Link>
        <div className="mt-2 flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">Correct the {name}</h1>
          <HistoryLink actor={actor} entityType="Interaction" entityId={interaction.id} label={`the ${name}`} />
        </div>
        <p className="text-sm text-slate-600">
          Change what is wrong; removing a quote or follow-up here deletes it. The change is kept in the record&apos;s history and the account is re-diagnosed
          when you save.
        </p>
      </div>
      <EditInteractionForm defaults={interactionEditDefaults(interaction)} contacts={contacts} itPeople={options.itPeople} action={updateInteractionAction} />
      <Card title="Delete this interaction">
        <div className="flex flex-wrap items-center justify-between gap-4">
          <p className="text-sm text-slate-600">Logged against the wrong unit, or never happened? Its quotes and follow-ups go with it and leave the diagnosis.</p>
          <DeleteRecordDialog
            action={deleteInteractionAction}
            recordId={interaction.id}
            name={`the ${name}`}
            consequence="It leaves the timeline and the diagnosis, with its quotes and follow-ups."
          />
        </div>
      </Card>
    </div>
  );
}
