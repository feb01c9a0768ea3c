import { StageBadge } from "@/components/health/stage-badge";
import { formatDate } from "@/lib/format";
import type { Stage } from "@/lib/scoring";
import { lastDayOf } from "@/lib/validation/stage-override";

interface Props {
  override: { stage: Stage; byName: string | null; expiresAt: Date; reason?: string | null };
  className?: string;
}

/**
 * "Override: Flu — by Dana, until 15 Jan 2027: <reason>", always shown beside the computed stage,
 * never instead of it. The reason is left out where the viewer may not read the account's notes.
 */
export function StageOverrideNote({ override, className }: Props) {
  return (
    <span className={className}>
      <span className="font-medium">Override:</span> <StageBadge stage={override.stage} />
      <span className="text-slate-600">
        {" "}
        — by {override.byName ?? "a former user"}, until {formatDate(lastDayOf(override.expiresAt))}
        {override.reason ? ": " : ""}
      </span>
      {override.reason && <q className="text-slate-800">{override.reason}</q>}
    </span>
  );
}
