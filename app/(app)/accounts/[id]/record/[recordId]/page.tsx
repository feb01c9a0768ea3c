import { redirect } from "next/navigation";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { locateOnTimeline } from "@/lib/data/timeline";
import { notFoundOnMissing } from "@/lib/http/not-found";
import { timelineSearch } from "@/lib/validation/timeline";

/**
 * A permanent address for an interaction, or a quote or follow-up of one (evidence links, the
 * page after a correction): it sends the reader to the timeline page that starts with it,
 * scrolled to it, however old it is.
 */
export default async function RecordPage({ params }: { params: Promise<{ id: string; recordId: string }> }) {
  const { id, recordId } = await params;
  const actor = await requireActorOrRedirect();
  const { from, anchor } = await notFoundOnMissing(locateOnTimeline(actor, id, recordId));
  redirect(`/accounts/${id}${timelineSearch({ from })}#${anchor}`);
}
