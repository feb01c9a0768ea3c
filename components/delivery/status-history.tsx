import { LocalTime } from "@/components/ui/local-time";
import { humanize } from "@/lib/format";
import type { ProjectView } from "@/lib/data/projects";

/** Each status the project has had, when, by whom and why, oldest first. */
export function StatusHistory({ changes }: { changes: ProjectView["statusChanges"] }) {
  if (changes.length === 0) return <p className="text-sm text-slate-500">No status changes recorded.</p>;
  return (
    <ol className="space-y-1 text-sm">
      {changes.map((change) => (
        <li key={change.id}>
          <span className="font-medium">{humanize(change.status)}</span>{" "}
          <span className="text-slate-600">
            <LocalTime date={change.changedAt} />
            {change.changedBy && ` by ${change.changedBy.name}`}
          </span>
          {change.note && <span>: {change.note}</span>}
        </li>
      ))}
    </ol>
  );
}
