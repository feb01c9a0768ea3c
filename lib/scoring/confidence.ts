import type { ScoringConfig } from "./config";
import { round } from "./evidence";
import type { Stage } from "./enums";
import type { Support } from "./stage";

/**
 * 0–1: more observations and a clearer margin over the stage's threshold give more confidence.
 * Healthy is clearer with more positive evidence and fewer stray symptoms. A stage held by
 * hysteresis is only as sure as the time left in its hold: the signals already point milder, and
 * the held stage rests on what they said before (`holdLeft`, the share of the recovery period
 * still to run, 0–1, null when not held).
 */
export function confidenceOf(
  stage: Stage,
  support: Support,
  observations: number,
  config: ScoringConfig,
  holdLeft: number | null = null,
): number {
  const data = Math.min(1, observations / config.confidence.fullAtObservations);
  if (stage === "INSUFFICIENT_DATA") return round(0.5 * data);
  let clarity: number;
  if (holdLeft !== null) {
    clarity = 0.25 + 0.5 * holdLeft;
  } else if (stage === "HEALTHY") {
    const positive = Math.min(1, support.HEALTHY / config.stages.healthySupport);
    const stray = Math.min(1, support.SNIFFLES / config.stages.threshold.SNIFFLES);
    clarity = 0.5 + 0.5 * positive - 0.3 * stray;
  } else {
    const t = config.stages.threshold[stage];
    clarity = 0.5 + 0.5 * Math.min(1, (support[stage] - t) / t);
  }
  return round(Math.max(0.05, Math.sqrt(data) * clarity));
}
