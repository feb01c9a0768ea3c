import type { ScoringConfig } from "./config";
import { within, type Model } from "./model";

/** How many things we have seen about the account: too few means "insufficient data". */
export function countObservations(model: Model, now: number, config: ScoringConfig): number {
  const { recentDays, structuralDays } = config.windows;
  let n = within(model.ratings, now, recentDays).length + within(model.interactions, now, recentDays).length;
  const lists: (readonly { at: number }[] | undefined)[] = [
    model.itAssessments,
    model.projects,
    model.slaPeriods,
    model.incidents,
    model.structuralEvents,
    model.badNews,
  ];
  for (const list of lists) {
    if (list) n += within(list, now, structuralDays).length;
  }
  return n;
}
