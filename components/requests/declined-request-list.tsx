import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { HistoryLink } from "@/components/history/history-link";
import { Disclosure } from "@/components/ui/disclosure";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Actor } from "@/lib/data/permissions";
import type { DeclinedRequestView } from "@/lib/data/declined-requests";
import { formatDate } from "@/lib/format";
import { DeclinedRequestForm } from "./declined-request-form";

/** The requests IT declined, latest first; a "no" without a reason stands out. */
export function DeclinedRequestList({ actor, requests, today, actions }: { actor: Actor; requests: DeclinedRequestView[]; today: string; actions: { update: FormActionFn; remove: FormActionFn } }) {
  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {requests.map((request) => {
        const name = `declined request of ${formatDate(request.declinedAt)}`;
        return (
          <li key={request.id} id={`record-${request.id}`} className="scroll-mt-4 space-y-2 p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="space-y-1">
                <p className="font-medium whitespace-pre-line">{request.request}</p>
                <p className="text-sm text-slate-600">
                  Declined {formatDate(request.declinedAt)}{" "}
                  {request.reasonExplained ? (
                    <span className="ml-1 rounded bg-green-100 px-1.5 py-0.5 text-xs font-medium text-green-900">Reason explained</span>
                  ) : (
                    <span className="ml-1 rounded bg-red-100 px-1.5 py-0.5 text-xs font-medium text-red-900">Not explained</span>
                  )}
                </p>
              </div>
              <span className="flex items-center gap-3">
                <HistoryLink actor={actor} entityType="DeclinedRequest" entityId={request.id} label={name} />
                <DeleteRecordDialog action={actions.remove} recordId={request.id} name={name} consequence="It leaves the diagnosis." />
              </span>
            </div>
            {request.reason && (
              <p className="text-sm text-slate-700">
                <span className="font-medium">{request.reasonExplained ? "Told the business: " : "IT's reason (not told): "}</span>
                {request.reason}
              </p>
            )}
            <Disclosure summary="Edit" label={name}>
              <DeclinedRequestForm request={request} today={today} action={actions.update} />
            </Disclosure>
          </li>
        );
      })}
    </ul>
  );
}
