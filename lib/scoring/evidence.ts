import type { Band } from "./config";
import type { DiagnosedStage } from "./enums";
import type { Evidence } from "./types";

/** Rounds for stable, readable JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  // `|| 0` turns -0 into 0, which JSON would do anyway: equal diagnoses must compare equal.
  return Math.round(value * f) / f || 0;
}

export function makeEvidence(e: {
  signal: string;
  value: Evidence["value"];
  rule: string;
  stage: DiagnosedStage;
  weight: number;
  /** Taken over, not copied: rules pass arrays they have just built. */
  sourceIds: string[];
  message: string;
}): Evidence {
  return {
    signal: e.signal,
    value: typeof e.value === "number" ? round(e.value, 3) : e.value,
    rule: e.rule,
    stage: e.stage,
    weight: round(e.weight, 3),
    // Records arrive in time-then-id order, so the list never depends on input order.
    sourceIds: e.sourceIds,
    message: e.message,
    decisive: false,
  };
}

/** Evidence for a band met by a value. */
export function bandEvidence(
  band: Band,
  e: { signal: string; value: number; rule: string; sourceIds: string[]; message: string },
): Evidence {
  // Fields named rather than spread: a spread copies through a slow generic path, per item.
  return makeEvidence({
    signal: e.signal,
    value: e.value,
    rule: e.rule,
    stage: band.stage,
    weight: band.weight,
    sourceIds: e.sourceIds,
    message: e.message,
  });
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
