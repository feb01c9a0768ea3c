import type { PointChange } from "@/lib/data/diagnoses";
import { STAGE_LABELS } from "@/lib/scoring";

const MAX = 90;
const short = (text: string) => (text.length > MAX ? `${text.slice(0, MAX - 1).trimEnd()}…` : text);

/** What changed at one point of the score chart, a line each: for its tooltip and its table. */
export function describePointChange(change: PointChange): string[] {
  if (!change.readable) return ["This diagnosis could not be read."];
  return [
    ...(change.stage ? [`Stage: ${STAGE_LABELS[change.stage.from]} → ${STAGE_LABELS[change.stage.to]}`] : []),
    ...change.added.map((item) => `Added: ${short(item.message)}`),
    ...change.removed.map((item) => `Removed: ${short(item.message)}`),
    ...(change.more > 0 ? [`and ${change.more} more ${change.more === 1 ? "change" : "changes"}`] : []),
  ];
}
