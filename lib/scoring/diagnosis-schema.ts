import { z } from "zod";
import { SICK_STAGES, SIDES, STAGES } from "./enums";
import { DIAGNOSIS_FORMAT_VERSION, type Diagnosis } from "./types";

// The stored shape of a Diagnosis (health_snapshots.evidence), checked when it is read back: a row
// written by an older release, edited by hand or cut short must show as "could not be read", not
// crash the page that reads it. Keep in step with types.ts: the assertions at the end fail the type
// check, and diagnosis-schema.test.ts fails, when a field is added on one side only.

const stage = z.enum([...STAGES, "INSUFFICIENT_DATA"]);
const diagnosedStage = z.enum(STAGES);
const iso = z.iso.datetime({ offset: true });

export const evidenceSchema = z.object({
  signal: z.string().min(1),
  value: z.union([z.number(), z.string(), z.boolean(), z.null()]),
  rule: z.string(),
  stage: diagnosedStage,
  weight: z.number(),
  sourceIds: z.array(z.string()),
  message: z.string(),
  decisive: z.boolean(),
});

const phraseHitSchema = z.object({
  phraseId: z.string(),
  side: z.enum(SIDES),
  stage: z.enum(SICK_STAGES),
  matchedText: z.string(),
  phrase: z.string(),
  source: z.object({ kind: z.enum(["quote", "interaction", "rating"]), id: z.string() }),
  interactionId: z.string().optional(),
  at: iso,
});

const trendSchema = z.object({
  direction: z.enum(["improving", "recovering", "stable", "worsening", "unknown"]),
  pointsPerMonth: z.number().nullable(),
  previousStage: stage.nullable(),
  nextStage: diagnosedStage.nullable(),
  riskOfNextStage: z.number().min(0).max(1),
});

const treatmentSchema = z.object({
  id: z.string(),
  title: z.string(),
  action: z.string(),
  why: z.string(),
  article: z.string(),
  signals: z.array(z.string()),
});

/** Format 2 (DIAGNOSIS_FORMAT_VERSION): what lib/scoring's diagnose returns today. */
export const diagnosisSchema = z.object({
  formatVersion: z.literal(DIAGNOSIS_FORMAT_VERSION),
  stage,
  score: z.number().min(0).max(100).nullable(),
  confidence: z.number().min(0).max(1),
  support: z.object(Object.fromEntries(STAGES.map((s) => [s, z.number()])) as Record<(typeof STAGES)[number], z.ZodNumber>),
  rawStage: stage,
  stageSince: iso,
  observations: z.number().int().min(0),
  evidence: z.array(evidenceSchema),
  phrases: z.array(phraseHitSchema),
  trend: trendSchema,
  hold: z.object({ rawStage: stage, until: iso }).nullable(),
  treatments: z.array(treatmentSchema),
  computedAt: iso,
});

/**
 * Format 1: everything stored before formats were numbered (until issue 7). The same fields less
 * `formatVersion` and `hold`: hysteresis held stages then without saying so, so a format 1 row reads
 * as holding nothing.
 */
const formatOneSchema = diagnosisSchema.omit({ formatVersion: true, hold: true }).extend({ formatVersion: z.literal(1).optional() });

export type StoredDiagnosis = { ok: true; diagnosis: Diagnosis } | { ok: false; reason: string };

/** Reads a stored diagnosis of any known format, upgraded to the current one. Never throws. */
export function parseStoredDiagnosis(json: unknown): StoredDiagnosis {
  if (!json || typeof json !== "object" || Array.isArray(json)) return { ok: false, reason: "the stored diagnosis is not an object" };
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (version === undefined || version === 1) {
    const parsed = formatOneSchema.safeParse(json);
    if (!parsed.success) return invalid(parsed.error);
    const { formatVersion: _old, ...rest } = parsed.data;
    return { ok: true, diagnosis: { ...rest, formatVersion: DIAGNOSIS_FORMAT_VERSION, hold: null } };
  }
  if (version !== DIAGNOSIS_FORMAT_VERSION) return { ok: false, reason: `unknown diagnosis format ${JSON.stringify(version)} (this version reads 1 to ${DIAGNOSIS_FORMAT_VERSION})` };
  const parsed = diagnosisSchema.safeParse(json);
  return parsed.success ? { ok: true, diagnosis: parsed.data } : invalid(parsed.error);
}

/** The first problem, with where it is: enough for a log line or a support ticket. */
function invalid(error: z.ZodError): StoredDiagnosis {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `${where}${issue?.message ?? "invalid"}` };
}

// Compile-time drift check: the schema's output and the library's type must match exactly.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
type _SchemaMatchesType = Assert<Same<z.infer<typeof diagnosisSchema>, Diagnosis>>;
