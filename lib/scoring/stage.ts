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

/**
 * The kind of signal an evidence item is, for corroboration: everything people said is one kind
 * ("phrases": one voice, read from text), every other signal is a kind of its own.
 */
export function kindOf(signal: string): string {
  return signal.startsWith("phrases.") ? "phrases" : signal;
}

interface Reach {
  threshold: number;
  minDistinct: number;
  /** Whether an item may carry the stage alone (not against consistently happy clients). */
  alone: (e: Evidence) => boolean;
}

/**
 * Evidence at severity `s` or worse (a flu symptom is at least a sniffle), leaving out one kind
 * if given; `kinds[i]` is the kind of `evidence[i]`, computed once per decision.
 */
function reached(evidence: readonly Evidence[], kinds: readonly string[], s: number, reach: Reach, withoutKind?: string): boolean {
  let total = 0;
  let strongest = 0;
  const signals = new Set<string>();
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (e.stage === "HEALTHY" || severity(e.stage) < s || kinds[i] === withoutKind) continue;
    total += e.weight;
    if (reach.alone(e)) strongest = Math.max(strongest, e.weight);
    signals.add(e.signal);
  }
  // Tiny epsilon: weights like 0.6 + 0.4 must reach 1 despite floating point.
  return total + 1e-9 >= reach.threshold && (signals.size >= reach.minDistinct || strongest + 1e-9 >= reach.threshold);
}

/**
 * The illness progresses (001): the stage is corroborated when, without any one kind of signal
 * (one sign, or all the phrases heard), the rest of the evidence still reaches the milder stage
 * `by`. So words alone, or one structural fact alone, never carry an account to the end stages
 * against good ratings and meetings. Monotone: more evidence never takes corroboration away.
 */
function corroborated(evidence: readonly Evidence[], kinds: readonly string[], by: SickStage, reach: Reach): boolean {
  const s = severity(by);
  const present = new Set<string>();
  for (let i = 0; i < evidence.length; i++) {
    const e = evidence[i]!;
    if (e.stage !== "HEALTHY" && severity(e.stage) >= s) present.add(kinds[i]!);
  }
  for (const kind of present) if (!reached(evidence, kinds, s, reach, kind)) return false;
  return present.size > 0 && reached(evidence, kinds, s, reach);
}

/**
 * The most advanced stage whose own symptoms are well supported (and, for the later stages,
 * corroborated) wins. Without any, the account is healthy only if there is something to go on:
 * enough observations and either ratings or a positive sign. Unknown is never healthy.
 */
export function decideStage(
  evidence: readonly Evidence[],
  observations: number,
  ratingsInWindow: number,
  config: ScoringConfig,
): StageDecision {
  const { threshold, minDistinctSignals, corroboration, happyClients } = config.stages;
  const support = Object.fromEntries(STAGES.map((s) => [s, 0])) as Support;
  let happy = false;
  for (const e of evidence) {
    if (e.stage !== "HEALTHY") continue;
    support.HEALTHY += e.weight;
    if (e.signal === happyClients.signal) happy = true;
  }
  // Against consistently happy clients one sign alone is not enough, except what people said.
  const alone = happy ? (e: Evidence) => happyClients.aloneDespite.includes(kindOf(e.signal)) : () => true;
  const reachOf = (stage: SickStage): Reach => ({ threshold: threshold[stage], minDistinct: minDistinctSignals, alone });
  const kinds = evidence.map((e) => kindOf(e.signal));
  let worst: SickStage | undefined;
  for (const stage of SICK_STAGES) {
    const s = severity(stage);
    for (const e of evidence) if (e.stage !== "HEALTHY" && severity(e.stage) >= s) support[stage] += e.weight;
    if (!reached(evidence, kinds, s, reachOf(stage))) continue;
    const by = stage === "SNIFFLES" ? null : corroboration[stage];
    if (by === null || corroborated(evidence, kinds, by, reachOf(by))) worst = stage;
  }
  for (const s of STAGES) support[s] = Math.round(support[s] * 1000) / 1000;
  if (worst) {
    const w = severity(worst);
    return { stage: worst, support, carriedBy: evidence.filter((e) => e.stage !== "HEALTHY" && severity(e.stage) >= w) };
  }
  const enough =
    observations >= config.minimumObservations &&
    (ratingsInWindow >= config.rules.ratingLevel.minRatings || support.HEALTHY > 0);
  if (!enough) return { stage: "INSUFFICIENT_DATA", support, carriedBy: [] };
  return { stage: "HEALTHY", support, carriedBy: evidence.filter((e) => e.stage === "HEALTHY") };
}
