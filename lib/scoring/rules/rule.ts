import type { ScoringConfig } from "../config";
import type { Model } from "../model";
import type { Evidence } from "../types";

export interface RuleContext {
  model: Model;
  /** Evaluation time, epoch milliseconds. */
  now: number;
  config: ScoringConfig;
  /**
   * Only the stage is wanted (a hysteresis checkpoint, whose evidence is thrown away): rules may
   * leave the texts (`rule`, `message`) and `sourceIds` of their evidence empty, which is most of
   * their cost. Signal, stage, weight and value stay exact: the stage is decided from them.
   */
  stageOnly?: boolean;
}

/** A rule reads the signals and returns the symptoms (or signs of health) it found. */
export type Rule = (ctx: RuleContext) => Evidence[];

/** The mean of one field of the records, without building an array of the values first. */
export function meanOf<T>(list: readonly T[], value: (item: T) => number): number {
  let sum = 0;
  for (const item of list) sum += value(item);
  return sum / list.length;
}
