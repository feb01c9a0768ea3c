import type { ScoringConfig } from "./config";
import { countWithin, type Model } from "./model";

/** How many things we have seen about the account: too few means "insufficient data". */
export function countObservations(model: Model, now: number, config: ScoringConfig): number {
  const { recentDays, structuralDays } = config.windows;
  let n = countWithin(model.ratings, now, recentDays) + countWithin(model.interactions, now, recentDays);
  if (model.declinedRequests) n += countWithin(model.declinedRequests, now, recentDays);
  const lists: (readonly { at: number }[] | undefined)[] = [
    model.itAssessments,
    model.projects,
    model.slaPeriods,
    model.incidents,
    model.structuralEvents,
    model.badNews,
  ];
  for (const list of lists) {
    if (list) n += countWithin(list, now, structuralDays);
  }
  return n;
}
