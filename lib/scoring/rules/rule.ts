import type { ScoringConfig } from "../config";
import type { Model } from "../model";
import type { Evidence } from "../types";

export interface RuleContext {
  model: Model;
  /** Evaluation time, epoch milliseconds. */
  now: number;
  config: ScoringConfig;
}

/** A rule reads the signals and returns the symptoms (or signs of health) it found. */
export type Rule = (ctx: RuleContext) => Evidence[];

/** The mean of one field of the records, without building an array of the values first. */
export function meanOf<T>(list: readonly T[], value: (item: T) => number): number {
  let sum = 0;
  for (const item of list) sum += value(item);
  return sum / list.length;
}
