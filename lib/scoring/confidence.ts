import type { ScoringConfig } from "./config";
import { round } from "./evidence";
import type { Stage } from "./enums";
import type { Support } from "./stage";

/**
 * 0–1: more observations and a clearer margin over the stage's threshold give more confidence.
 * Healthy is clearer with more positive evidence and fewer stray symptoms.
 */
export function confidenceOf(stage: Stage, support: Support, observations: number, config: ScoringConfig): number {
  const data = Math.min(1, observations / config.confidence.fullAtObservations);
  if (stage === "INSUFFICIENT_DATA") return round(0.5 * data);
  let clarity: number;
  if (stage === "HEALTHY") {
    const positive = Math.min(1, support.HEALTHY / config.stages.healthySupport);
    const stray = Math.min(1, support.SNIFFLES / config.stages.threshold.SNIFFLES);
    clarity = 0.5 + 0.5 * positive - 0.3 * stray;
  } else {
    const t = config.stages.threshold[stage];
    clarity = 0.5 + 0.5 * Math.min(1, (support[stage] - t) / t);
  }
  return round(Math.max(0.05, Math.sqrt(data) * clarity));
}
