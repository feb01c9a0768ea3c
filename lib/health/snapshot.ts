import type { Diagnosis } from "../scoring";

/**
 * A snapshot's JSON column holds the Diagnosis that lib/scoring returned when it was written.
 * Older or foreign rows without the expected shape read as "no diagnosis" rather than crash a page.
 */
export function toDiagnosis(json: unknown): Diagnosis | null {
  if (!json || typeof json !== "object") return null;
  const value = json as Partial<Diagnosis>;
  return typeof value.stage === "string" && Array.isArray(value.evidence) && Array.isArray(value.treatments) && value.trend
    ? (value as Diagnosis)
    : null;
}
