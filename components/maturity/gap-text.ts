import type { MaturityLevel } from "@/lib/generated/prisma/enums";
import { MATURITY_LABELS } from "@/lib/validation/maturity";

const levels = (n: number) => (Math.abs(n) === 1 ? "one level" : `${Math.abs(n)} levels`);

/** The gap between the two views in a sentence (IT minus the business, in levels). */
export function gapText(gap: number | null, business: MaturityLevel | null): string {
  if (gap === null || business === null) return "The business has not given its view yet: ask a client of the unit to record it.";
  if (gap === 0) return `The business sees it the same way (${MATURITY_LABELS[business]}).`;
  return gap > 0
    ? `The business sees a less mature relationship (${MATURITY_LABELS[business]}): IT rates it ${levels(gap)} higher.`
    : `The business sees a more mature relationship (${MATURITY_LABELS[business]}): IT rates it ${levels(gap)} lower.`;
}
