import type { ScoringConfig } from "./config";
import { countWithin, DAY, latestAt, type Model } from "./model";

/** The optional lists counted over the structural window. */
function structuralLists(model: Model): (readonly { at: number }[] | undefined)[] {
  return [model.itAssessments, model.projects, model.slaPeriods, model.incidents, model.structuralEvents, model.badNews];
}

/**
 * When the last record observed now leaves its window (epoch ms), or null if nothing is observed:
 * how long a stage held on thinning data can last if nothing new is recorded.
 */
export function observedUntil(model: Model, now: number, config: ScoringConfig): number | null {
  const { recentDays, structuralDays } = config.windows;
  let end: number | null = null;
  const consider = (list: readonly { at: number }[] | undefined, days: number) => {
    const at = list && latestAt(list, now);
    if (at !== undefined && at > now - days * DAY) end = Math.max(end ?? at + days * DAY, at + days * DAY);
  };
  for (const list of [model.ratings, model.interactions, model.declinedRequests]) consider(list, recentDays);
  for (const list of structuralLists(model)) consider(list, structuralDays);
  return end;
}

/** How many things we have seen about the account: too few means "insufficient data". */
export function countObservations(model: Model, now: number, config: ScoringConfig): number {
  const { recentDays, structuralDays } = config.windows;
  let n = countWithin(model.ratings, now, recentDays) + countWithin(model.interactions, now, recentDays);
  if (model.declinedRequests) n += countWithin(model.declinedRequests, now, recentDays);
  for (const list of structuralLists(model)) {
    if (list) n += countWithin(list, now, structuralDays);
  }
  return n;
}
