import { STAGE_LABELS, type Stage } from "@/lib/scoring";
import { STAGE_COLORS } from "./stage-style";

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border px-2.5 py-0.5 text-xs font-medium"
      style={{ borderColor: STAGE_COLORS[stage], color: STAGE_COLORS[stage] }}
    >
      <span aria-hidden="true" className="size-2 rounded-full" style={{ backgroundColor: STAGE_COLORS[stage] }} />
      {STAGE_LABELS[stage]}
    </span>
  );
}
