import { STAGE_LABELS, type Diagnosis } from "@/lib/scoring";
import { formatDate } from "@/lib/format";

/** Why the stage shown is worse than the signals say: slow recovery holds it for a while (hysteresis). */
export function HoldNotice({ stage, hold }: Pick<Diagnosis, "stage" | "hold">) {
  if (!hold) return null;
  return (
    <p className="rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900">
      Held at {STAGE_LABELS[stage]} until {formatDate(new Date(hold.until))}: the signals point to {STAGE_LABELS[hold.rawStage]}.
    </p>
  );
}
