import { EmptyState } from "@/components/ui/card";
import type { getTimeline } from "@/lib/data/timeline";
import { formatDate, formatDateTime, humanize } from "@/lib/format";
import { CompleteFollowUpButton, type CompleteFollowUpAction } from "./complete-follow-up-button";

type TimelineData = Awaited<ReturnType<typeof getTimeline>>;

const SIDE = { BUSINESS: "Business", IT: "IT" } as const;
const CANCELLER = { IT: "IT", CLIENT: "the client" } as const;

/** `completeFollowUp` is given to those who may mark follow-ups done. */
export function Timeline({ data, emptyHint, completeFollowUp }: { data: TimelineData; emptyHint: React.ReactNode; completeFollowUp?: CompleteFollowUpAction }) {
  if (data.interactions.length === 0) return <EmptyState title="No interactions logged yet">{emptyHint}</EmptyState>;
  return (
    <ol className="space-y-4">
      {data.interactions.map((interaction) => (
        <li key={interaction.id} id={`record-${interaction.id}`} className="scroll-mt-4 rounded-md border border-slate-200 p-4">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium">
              {humanize(interaction.type)}
              {interaction.summary && `: ${interaction.summary}`}
            </h3>
            <time dateTime={interaction.occurredAt.toISOString()} className="text-xs text-slate-500">
              {formatDateTime(interaction.occurredAt)}
            </time>
          </div>
          <p className="mt-1 text-xs text-slate-500">
            {interaction.cancelledBy !== "NOBODY" && <span className="mr-2 font-medium text-amber-700">Cancelled by {CANCELLER[interaction.cancelledBy]}</span>}
            {interaction.sentiment && <span className="mr-2">Sentiment: {humanize(interaction.sentiment)}</span>}
            {interaction.itOnTime === false && <span className="mr-2 text-red-700">IT late</span>}
            {interaction.itPrepared === false && <span className="mr-2 text-red-700">IT unprepared</span>}
            {interaction.loggedBy && <span>Logged by {interaction.loggedBy.name}</span>}
          </p>
          {interaction.attendees.length > 0 && (
            <p className="mt-1 text-sm text-slate-600">
              With{" "}
              {interaction.attendees
                .map((attendee) => `${attendee.contact?.name ?? attendee.user?.name} (${SIDE[attendee.side]})`)
                .join(", ")}
            </p>
          )}
          {interaction.notes && <p className="mt-2 whitespace-pre-line text-sm text-slate-800">{interaction.notes}</p>}
          {interaction.quotes && interaction.quotes.length > 0 && (
            <ul className="mt-2 space-y-1">
              {interaction.quotes.map((quote) => (
                <li key={quote.id} id={`record-${quote.id}`}>
                  <blockquote className="border-l-4 border-slate-300 pl-3 text-sm italic text-slate-700">
                    &ldquo;{quote.text}&rdquo; <span className="not-italic text-xs text-slate-500">— {SIDE[quote.side]}</span>
                  </blockquote>
                </li>
              ))}
            </ul>
          )}
          {interaction.followUps.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {interaction.followUps.map((followUp) => (
                <li key={followUp.id} id={`record-${followUp.id}`} className="flex gap-2">
                  <span aria-hidden="true">{followUp.doneAt ? "✓" : "○"}</span>
                  <span>
                    {followUp.description} — owed by {SIDE[followUp.owedBy]}, due {formatDate(followUp.dueDate)}
                    {followUp.doneAt ? `, done ${formatDate(followUp.doneAt)}` : ""}
                    {!followUp.doneAt && completeFollowUp && (
                      <CompleteFollowUpButton followUpId={followUp.id} description={followUp.description} action={completeFollowUp} />
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
