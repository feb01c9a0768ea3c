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

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
