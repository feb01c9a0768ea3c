import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import { Fact, Facts } from "@/components/ui/facts";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { StructuralEventView } from "@/lib/data/structure";
import { formatDate } from "@/lib/format";
import { ResolveEventForm } from "./resolve-event-form";
import { StructuralEventForm } from "./structural-event-form";
import { STRUCTURAL_KIND_TEXT } from "./structural-kinds";

interface Props {
  actor: Actor;
  events: StructuralEventView[];
  today: string;
  actions: { update: FormActionFn; resolve: FormActionFn; remove: FormActionFn };
}

/** The unit's structural signs, latest first: what happened, when, whether it is over. */
export function StructuralEventList({ actor, events, today, actions }: Props) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {events.map((event) => {
        const { label } = STRUCTURAL_KIND_TEXT[event.kind];
        const name = `${label.toLowerCase()} of ${formatDate(event.occurredAt)}`;
        return (
          <li key={event.id} id={`record-${event.id}`} className="scroll-mt-4 space-y-3 p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <p className="font-medium">
                {label}
                {event.resolvedAt ? (
                  <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-700">Resolved {formatDate(event.resolvedAt)}</span>
                ) : (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">Ongoing</span>
                )}
              </p>
              <span className="flex items-center gap-3">
                <HistoryLink actor={actor} entityType="StructuralEvent" entityId={event.id} label={name} />
                <DeleteRecordDialog action={actions.remove} recordId={event.id} name={name} consequence="It leaves the diagnosis." />
              </span>
            </div>
            <Facts>
              <Fact term="Happened">{formatDate(event.occurredAt)}</Fact>
              {event.size !== null && <Fact term="Team size">{event.size} people</Fact>}
              {event.subject && <Fact term="Engaged on">{event.subject}</Fact>}
              {event.forced !== null && <Fact term="Forced">{event.forced ? "Yes" : "No"}</Fact>}
            </Facts>
            {event.note && <p className="whitespace-pre-line text-sm text-slate-700">{event.note}</p>}
            {!event.resolvedAt && <ResolveEventForm eventId={event.id} label={name} today={today} action={actions.resolve} />}
            <Disclosure summary="Edit" label={name}>
              <StructuralEventForm event={event} today={today} action={actions.update} />
            </Disclosure>
          </li>
        );
      })}
    </ul>
  );
}
