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

/**
 * The evidence of one decision as parallel arrays, read many times (each stage, each kind left
 * out): severities, weights, small integer ids for kinds and signals, and whether an item may
 * carry a stage alone. Plain loops over these cost a fraction of re-reading the items and
 * building a set of signals per check.
 */
interface Items {
  n: number;
  /** How many kinds: their ids are 0 to `kinds` − 1. */
  kinds: number;
  /** 0 for a sign of health, as `severity`. */
  severity: number[];
  weight: number[];
  kind: number[];
  signal: number[];
  /** Whether the item may carry a stage alone (not against consistently happy clients). */
  alone: boolean[];
  /** `seen[signal] === stamp`: the signal is counted in the current check. */
  seen: number[];
  stamp: number;
}

function itemsOf(evidence: readonly Evidence[], happy: boolean, aloneDespite: readonly string[]): Items {
  const n = evidence.length;
  const items: Items = { n, kinds: 0, severity: [], weight: [], kind: [], signal: [], alone: [], seen: [], stamp: 0 };
  const kinds = new Map<string, number>();
  const signals = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const e = evidence[i]!;
    const kind = kindOf(e.signal);
    let k = kinds.get(kind);
    if (k === undefined) kinds.set(kind, (k = kinds.size));
    let g = signals.get(e.signal);
    if (g === undefined) {
      signals.set(e.signal, (g = signals.size));
      items.seen.push(0);
    }
    items.severity.push(severity(e.stage));
    items.weight.push(e.weight);
    items.kind.push(k);
    items.signal.push(g);
    // Against consistently happy clients one sign alone is not enough, except what people said.
    items.alone.push(!happy || aloneDespite.includes(kind));
  }
  items.kinds = kinds.size;
  return items;
}

/**
 * Evidence at severity `s` or worse (a flu symptom is at least a sniffle) reaches the stage's
 * threshold: in total, from enough distinct signals or from one item that may carry it alone.
 */
function reached(items: Items, s: number, threshold: number, minDistinct: number): boolean {
  let total = 0;
  let strongest = 0;
  let distinct = 0;
  const stamp = ++items.stamp;
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i]! < s) continue;
    const w = items.weight[i]!;
    total += w;
    if (items.alone[i]) strongest = Math.max(strongest, w);
    const g = items.signal[i]!;
    if (items.seen[g] !== stamp) {
      items.seen[g] = stamp;
      distinct++;
    }
  }
  // Tiny epsilon: weights like 0.6 + 0.4 must reach 1 despite floating point.
  return total + 1e-9 >= threshold && (distinct >= minDistinct || strongest + 1e-9 >= threshold);
}

/**
 * The illness progresses (001): the stage is corroborated when, without any one kind of signal
 * (one sign, or all the phrases heard), the rest of the evidence still reaches the milder stage
 * `by`. So words alone, or one structural fact alone, never carry an account to the end stages
 * against good ratings and meetings. Monotone: more evidence never takes corroboration away.
 *
 * One pass: a signal belongs to one kind, so leaving a kind out takes its weight and its distinct
 * signals off the totals, and its strongest item off the strongest (the runner-up's then counts).
 */
function corroborated(items: Items, s: number, threshold: number, minDistinct: number): boolean {
  if (!reached(items, s, threshold, minDistinct)) return false;
  const weight = new Array<number>(items.kinds).fill(0);
  const distinct = new Array<number>(items.kinds).fill(0);
  const strongest = new Array<number>(items.kinds).fill(0);
  const stamp = ++items.stamp;
  let total = 0;
  let allDistinct = 0;
  for (let i = 0; i < items.n; i++) {
    if (items.severity[i]! < s) continue;
    const k = items.kind[i]!;
    const w = items.weight[i]!;
    weight[k]! += w;
    total += w;
    if (items.alone[i] && w > strongest[k]!) strongest[k] = w;
    const g = items.signal[i]!;
    if (items.seen[g] !== stamp) {
      items.seen[g] = stamp;
      distinct[k]!++;
      allDistinct++;
    }
  }
  let bestKind = -1;
  let best = 0;
  let runnerUp = 0;
  for (let k = 0; k < items.kinds; k++) {
    if (strongest[k]! > best) {
      runnerUp = best;
      best = strongest[k]!;
      bestKind = k;
    } else if (strongest[k]! > runnerUp) runnerUp = strongest[k]!;
  }
  let present = false;
  for (let k = 0; k < items.kinds; k++) {
    if (distinct[k] === 0) continue; // no item of this kind at `s` or worse
    present = true;
    const rest = total - weight[k]!;
    const strongestLeft = k === bestKind ? runnerUp : best;
    // Tiny epsilon, as in `reached`.
    if (!(rest + 1e-9 >= threshold && (allDistinct - distinct[k]! >= minDistinct || strongestLeft + 1e-9 >= threshold))) return false;
  }
  return present;
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
  // A literal in STAGES order (the JSON's key order): `Object.fromEntries` allocated per decision.
  const support: Support = { HEALTHY: 0, SNIFFLES: 0, FLU: 0, PNEUMONIA: 0, DEATH_AND_REINCARNATION: 0 };
  let happy = false;
  for (const e of evidence) {
    if (e.stage !== "HEALTHY") continue;
    support.HEALTHY += e.weight;
    if (e.signal === happyClients.signal) happy = true;
  }
  const items = itemsOf(evidence, happy, happyClients.aloneDespite);
  // Whether each milder stage corroborates, once per decision (two stages may share one).
  const corroborates = new Map<SickStage, boolean>();
  let worst: SickStage | undefined;
  for (const stage of SICK_STAGES) {
    const s = severity(stage);
    for (let i = 0; i < items.n; i++) if (items.severity[i]! >= s) support[stage] += items.weight[i]!;
    if (!reached(items, s, threshold[stage], minDistinctSignals)) continue;
    const by = stage === "SNIFFLES" ? null : corroboration[stage];
    if (by === null) {
      worst = stage;
      continue;
    }
    let ok = corroborates.get(by);
    if (ok === undefined) corroborates.set(by, (ok = corroborated(items, severity(by), threshold[by], minDistinctSignals)));
    if (ok) worst = stage;
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
