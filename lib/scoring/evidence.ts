import type { Band } from "./config";
import type { DiagnosedStage } from "./enums";
import type { Evidence } from "./types";

/** Rounds for stable, readable JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function makeEvidence(e: {
  signal: string;
  value: Evidence["value"];
  rule: string;
  stage: DiagnosedStage;
  weight: number;
  sourceIds: Iterable<string>;
  message: string;
}): Evidence {
  return {
    ...e,
    decisive: false,
    value: typeof e.value === "number" ? round(e.value, 3) : e.value,
    weight: round(e.weight, 3),
    // Sorted and unique so that input order never shows in the output.
    sourceIds: [...new Set(e.sourceIds)].sort(),
  };
}

/** Evidence for a band met by a value. */
export function bandEvidence(
  band: Band,
  e: { signal: string; value: number; rule: string; sourceIds: Iterable<string>; message: string },
): Evidence {
  return makeEvidence({ ...e, stage: band.stage, weight: band.weight });
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
