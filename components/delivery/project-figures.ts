import { formatDate } from "@/lib/format";
import type { ProjectView } from "@/lib/data/projects";

// The numbers a person reads off a project, in words. Display only: the diagnosis judges them.

const amount = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
export const formatAmount = (value: number) => amount.format(value);
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "Delivered 3 Jun 2026, 122 days late", "62 days past the planned end", "Due 1 Feb 2027". */
export function timeline(p: ProjectView): string {
  const late = p.daysLate ?? 0;
  const versus = late > 0 ? `${days(late)} late` : late < 0 ? `${days(-late)} early` : "on time";
  if (p.status === "CANCELLED" && p.actualEnd) return `Cancelled ${formatDate(p.actualEnd)}`;
  if (p.actualEnd) return `Delivered ${formatDate(p.actualEnd)}, ${versus}`;
  return late > 0 ? `Not delivered, ${days(late)} past the planned end` : `Due ${formatDate(p.plannedEnd)}`;
}

/** "210,000 of 100,000 (2.1× budget)". */
export function spend(p: ProjectView): string {
  if (p.budget === null) return "No budget recorded";
  if (p.actualCost === null) return `Budget ${formatAmount(p.budget)}, no cost recorded yet`;
  const ratio = p.costRatio === null ? "" : ` (${amount.format(Math.round(p.costRatio * 100) / 100)}× budget)`;
  return `${formatAmount(p.actualCost)} of ${formatAmount(p.budget)}${ratio}`;
}

export function scope(p: ProjectView): string {
  return p.scopeDeliveredPercent === null ? "Not recorded" : `${p.scopeDeliveredPercent}%`;
}
