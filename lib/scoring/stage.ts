import type { ScoringConfig } from "./config";
import { SICK_STAGES, STAGES, severity, type DiagnosedStage, type SickStage, type Stage } from "./enums";
import type { Evidence } from "./types";

export type Support = Record<DiagnosedStage, number>;

export interface StageDecision {
  stage: Stage;
  support: Support;
  /** The evidence that carried the stage (its own and worse symptoms), or the healthy evidence. */
  carriedBy: Evidence[];
}

/** Evidence for a stage counts for every milder stage too: a flu symptom is at least a sniffle. */
function supporting(evidence: readonly Evidence[], stage: SickStage): Evidence[] {
  const s = severity(stage);
  return evidence.filter((e) => e.stage !== "HEALTHY" && severity(e.stage) >= s);
}

function reached(items: readonly Evidence[], threshold: number, minDistinct: number): boolean {
  let total = 0;
  let strongest = 0;
  const signals = new Set<string>();
  for (const e of items) {
    total += e.weight;
    strongest = Math.max(strongest, e.weight);
    signals.add(e.signal);
  }
  // Tiny epsilon: weights like 0.6 + 0.4 must reach 1 despite floating point.
  return total + 1e-9 >= threshold && (signals.size >= minDistinct || strongest + 1e-9 >= threshold);
}

/**
 * The most advanced stage whose own symptoms are well supported wins. Without any, the account
 * is healthy only if there is something to go on: enough observations and either ratings or a
 * positive sign. Unknown is never healthy.
 */
export function decideStage(
  evidence: readonly Evidence[],
  observations: number,
  ratingsInWindow: number,
  config: ScoringConfig,
): StageDecision {
  const { threshold, minDistinctSignals } = config.stages;
  const support = Object.fromEntries(STAGES.map((s) => [s, 0])) as Support;
  for (const e of evidence) if (e.stage === "HEALTHY") support.HEALTHY += e.weight;
  let worst: SickStage | undefined;
  let carriedBy: Evidence[] = [];
  for (const stage of SICK_STAGES) {
    const items = supporting(evidence, stage);
    support[stage] = items.reduce((sum, e) => sum + e.weight, 0);
    if (reached(items, threshold[stage], minDistinctSignals)) {
      worst = stage;
      carriedBy = items;
    }
  }
  for (const s of STAGES) support[s] = Math.round(support[s] * 1000) / 1000;
  if (worst) return { stage: worst, support, carriedBy };
  const enough =
    observations >= config.minimumObservations &&
    (ratingsInWindow >= config.rules.ratingLevel.minRatings || support.HEALTHY > 0);
  if (!enough) return { stage: "INSUFFICIENT_DATA", support, carriedBy: [] };
  return { stage: "HEALTHY", support, carriedBy: evidence.filter((e) => e.stage === "HEALTHY") };
}
