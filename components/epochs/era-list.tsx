import { DeleteRecordDialog } from "@/components/forms/delete-record-dialog";
import { StageBadge } from "@/components/health/stage-badge";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { Era } from "@/lib/data/epochs";
import { formatDate } from "@/lib/format";
import { EPOCH_REASON_LABELS } from "@/lib/validation/epoch";

const span = (era: Era) =>
  era.startsAt ? `${formatDate(era.startsAt)} – ${era.endsAt ? formatDate(era.endsAt) : "now"}` : `until ${era.endsAt ? formatDate(era.endsAt) : "now"}`;

/**
 * The relationship's eras, newest first: each epoch with what changed, why and who recorded it,
 * and how its diagnosis stood at its end (the current one: now). The CIO may delete an epoch
 * recorded by mistake (`remove`).
 */
export function EraList({ eras, now, remove }: { eras: Era[]; now: Date; remove?: FormActionFn }) {
  const current = eras.findLast((era) => era.startsAt === null || era.startsAt <= now);
  return (
    <ol className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {[...eras].reverse().map((era) => {
        const title = era.reasonKind ? EPOCH_REASON_LABELS[era.reasonKind] : "Before the first recorded epoch";
        return (
          <li key={era.id ?? "first"} id={era.id ? `record-${era.id}` : undefined} className="scroll-mt-4 space-y-2 p-4">
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div>
                <h3 className="font-medium">
                  {title}
                  {era === current && <span className="ml-2 rounded bg-blue-50 px-2 py-0.5 text-xs font-medium text-blue-800">Current epoch</span>}
                  {era.startsAt && era.startsAt > now && <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Starts {formatDate(era.startsAt)}</span>}
                </h3>
                <p className="text-sm text-slate-600">
                  {span(era)}
                  {era.recordedBy && ` · recorded by ${era.recordedBy}`}
                </p>
              </div>
              {era.id && remove && (
                <DeleteRecordDialog
                  action={remove}
                  recordId={era.id}
                  name={`the epoch of ${formatDate(era.startsAt as Date)}`}
                  consequence="The diagnosis then reads from the epoch before it again."
                />
              )}
            </div>
            {era.reason && <p className="whitespace-pre-line text-sm text-slate-700">{era.reason}</p>}
            <p className="flex flex-wrap items-center gap-2 text-sm">
              {era.lastDiagnosis ? (
                <>
                  <span className="text-slate-600">{era === current ? "Diagnosis now:" : "Diagnosis at its end:"}</span>
                  <StageBadge stage={era.lastDiagnosis.stage} />
                  {era.lastDiagnosis.score !== null && <span>Score {era.lastDiagnosis.score}</span>}
                  <span className="text-slate-500">on {formatDate(era.lastDiagnosis.computedAt)}</span>
                </>
              ) : (
                <span className="text-slate-500">No diagnosis was made in this epoch.</span>
              )}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
