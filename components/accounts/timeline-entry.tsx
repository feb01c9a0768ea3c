import { HistoryLink } from "@/components/history/history-link";
import type { Actor } from "@/lib/data/permissions";
import type { TimelinePage } from "@/lib/data/timeline";
import { LocalTime } from "@/components/ui/local-time";
import { formatDate, humanize } from "@/lib/format";
import { WHAT_HAPPENED, whatHappenedOf } from "@/lib/validation/interaction";
import { CompleteFollowUpButton, type CompleteFollowUpAction } from "./complete-follow-up-button";

type Interaction = TimelinePage["interactions"][number];

export const SIDE = { BUSINESS: "Business", IT: "IT" } as const;

/** "Cancelled by IT", "Unanswered by the client", "The client did not show"; null when it was held. */
function missedText({ outcome, cancelledBy }: Pick<Interaction, "outcome" | "cancelledBy">): string | null {
  if (outcome === "HELD") return null;
  const choice = whatHappenedOf(outcome, cancelledBy);
  return choice ? WHAT_HAPPENED[choice].label : humanize(outcome);
}

interface Props {
  interaction: Interaction;
  accountId: string;
  actor: Actor;
  /** IT with full access corrects the account's records. */
  canCorrect: boolean;
  /** Given to those who may mark follow-ups done. */
  completeFollowUp?: CompleteFollowUpAction;
}

/**
 * One interaction on the timeline, under the anchor `record-<id>` that evidence links land on. Its
 * links (correct, history) are plain anchors: a page shows twenty entries, and a client-side
 * navigation to a form buys nothing worth a client component per link.
 */
export function TimelineEntry({ interaction, accountId, actor, canCorrect, completeFollowUp }: Props) {
  const missed = missedText(interaction);
  const name = `${humanize(interaction.type).toLowerCase()} of ${formatDate(interaction.occurredAt)}`;
  // The entry's styles are the timeline's (.timeline-entry in app/globals.css): a page shows twenty
  // entries, and each class on each of their elements was paid twice, in the HTML and the payload.
  return (
    <li id={`record-${interaction.id}`} className="timeline-entry">
      <div className="head">
        <h3>
          {humanize(interaction.type)}
          {/* IT's summary heads IT's view; the client's is headed by the topic written for them. */}
          {(interaction.summary || interaction.topic) && `: ${interaction.summary || interaction.topic}`}
        </h3>
        <LocalTime date={interaction.occurredAt} />
      </div>
      {interaction.summary && interaction.topic && <p className="topic">Topic shown to the client: {interaction.topic}</p>}
      <p className="facts">
        {missed && <span className="font-medium text-amber-800">{missed}</span>}
        {interaction.sentiment && <span>{`Sentiment: ${humanize(interaction.sentiment)}`}</span>}
        {interaction.itOnTime === false && <span className="text-red-700">IT late</span>}
        {interaction.itPrepared === false && <span className="text-red-700">IT unprepared</span>}
        {interaction.loggedBy && <span>{`Logged by ${interaction.loggedBy.name}`}</span>}
      </p>
      {interaction.attendees.length > 0 && (
        <p className="with">{`With ${interaction.attendees.map((attendee) => `${attendee.contact?.name ?? attendee.user?.name} (${SIDE[attendee.side]})`).join(", ")}`}</p>
      )}
      {interaction.notes && <p className="notes">{interaction.notes}</p>}
      {interaction.quotes && interaction.quotes.length > 0 && (
        <ul className="quotes">
          {interaction.quotes.map((quote) => (
            <li key={quote.id} id={`record-${quote.id}`}>
              <blockquote>
                &ldquo;{quote.text}&rdquo; <span>— {SIDE[quote.side]}</span>
              </blockquote>
            </li>
          ))}
        </ul>
      )}
      {interaction.followUps.length > 0 && (
        <ul className="follow-ups">
          {interaction.followUps.map((followUp) => (
            <li key={followUp.id} id={`record-${followUp.id}`}>
              <span aria-hidden="true">{followUp.doneAt ? "✓" : "○"}</span>
              <span>
                {`${followUp.description} — owed by ${SIDE[followUp.owedBy]}, due ${formatDate(followUp.dueDate)}`}
                {followUp.doneAt ? `, done ${formatDate(followUp.doneAt)}` : ""}
                {!followUp.doneAt && completeFollowUp && <CompleteFollowUpButton followUpId={followUp.id} description={followUp.description} action={completeFollowUp} />}
                {canCorrect && (
                  <a href={`/accounts/${accountId}/follow-ups/${followUp.id}/edit`} className="ml-2" aria-label={`Correct the follow-up: ${followUp.description}`}>
                    Edit
                  </a>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canCorrect && (
        <p className="fixes">
          <a href={`/accounts/${accountId}/interactions/${interaction.id}/edit`} aria-label={`Correct or delete the ${name}`}>
            Correct or delete
          </a>
          <HistoryLink actor={actor} entityType="Interaction" entityId={interaction.id} label={`the ${name}`} />
        </p>
      )}
    </li>
  );
}
