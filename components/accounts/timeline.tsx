import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/card";
import type { OpenFollowUps } from "@/lib/data/follow-ups";
import type { Actor } from "@/lib/data/permissions";
import type { TimelinePage } from "@/lib/data/timeline";
import { formatDate } from "@/lib/format";
import { timelineSearch } from "@/lib/validation/timeline";
import type { CompleteFollowUpAction } from "./complete-follow-up-button";
import { TimelineEntry } from "./timeline-entry";
import { TimelineFilters } from "./timeline-filters";
import { OpenFollowUpsSummary } from "./timeline-follow-ups";

interface Props {
  actor: Actor;
  accountId: string;
  page: TimelinePage;
  open: OpenFollowUps;
  emptyHint: React.ReactNode;
  /** Given to those who may mark follow-ups done. */
  completeFollowUp?: CompleteFollowUpAction;
}

/**
 * What each side owes, then the interactions a page at a time, newest first. Paging and filters
 * are links and a GET form, so they work before JavaScript loads and can be bookmarked.
 */
export function Timeline({ actor, accountId, page, open, emptyHint, completeFollowUp }: Props) {
  const { query } = page;
  const filtered = Boolean(query.kind || query.side);
  const base = `/accounts/${accountId}`;
  return (
    <div className="space-y-4">
      <OpenFollowUpsSummary accountId={accountId} open={open} completeFollowUp={completeFollowUp} />
      <TimelineFilters accountId={accountId} access={page.access} query={query} />
      {query.from && (
        <p className="text-sm text-slate-600">
          Showing interactions from {formatDate(query.from.at)} and older.{" "}
          <Link href={`${base}${timelineSearch({ kind: query.kind, side: query.side })}#card-timeline`} className="text-blue-800 underline">
            Back to the newest
          </Link>
        </p>
      )}
      {page.interactions.length === 0 ? (
        filtered ? (
          <EmptyState title="No interactions match these filters">Choose another kind or side, or clear the filters.</EmptyState>
        ) : (
          <EmptyState title="No interactions logged yet">{emptyHint}</EmptyState>
        )
      ) : (
        <ol className="space-y-4" aria-label="Interactions, newest first">
          {page.interactions.map((interaction) => (
            <TimelineEntry
              key={interaction.id}
              interaction={interaction}
              accountId={accountId}
              actor={actor}
              canCorrect={page.access === "full"}
              completeFollowUp={completeFollowUp}
            />
          ))}
        </ol>
      )}
      {page.older && (
        <ButtonLink variant="secondary" href={`${base}${timelineSearch({ kind: query.kind, side: query.side, from: page.older })}#card-timeline`}>
          Older interactions
        </ButtonLink>
      )}
    </div>
  );
}
