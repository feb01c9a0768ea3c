import { EmptyState } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { HistoryEntry } from "@/lib/data/history";
import { humanize } from "@/lib/format";
import { fieldLabel, valueText } from "./change-value";

const VERBS: Record<string, string> = {
  created: "Created",
  updated: "Changed",
  deleted: "Deleted",
  completed: "Marked done",
  withdrawn: "Withdrawn",
};

/** Who changed the record, when, and each field before → after, newest first. */
export function HistoryList({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) {
    return <EmptyState title="No changes recorded">It has not been changed since it was recorded, or it was recorded before changes were kept.</EmptyState>;
  }
  return (
    <ol className="space-y-4">
      {entries.map((entry) => (
        <li key={entry.id} className="rounded-md border border-slate-200 p-4">
          <p className="text-sm">
            <span className="font-medium">
              {VERBS[entry.verb] ?? humanize(entry.verb)}
              {entry.part && <> · {entry.part}</>}
            </span>{" "}
            <span className="text-slate-600">
              by {entry.actorName ?? "a user since removed"}, <LocalTime date={entry.at} />
            </span>
          </p>
          {entry.reason && (
            <p className="mt-1 text-sm text-slate-700">
              <span className="font-medium">Reason:</span> {entry.reason}
            </p>
          )}
          {entry.changes.length > 0 && (
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {entry.changes.map((change) => (
                <div key={change.field} className="contents">
                  <dt className="text-slate-500">{fieldLabel(change.field)}</dt>
                  <dd className="break-words">
                    {"before" in change ? (
                      <>
                        <del className="text-slate-500">{valueText(change.before)}</del> <span aria-hidden="true">→</span>
                        <span className="sr-only">changed to</span> <ins className="no-underline">{valueText(change.after)}</ins>
                      </>
                    ) : (
                      valueText(change.after)
                    )}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </li>
      ))}
    </ol>
  );
}
