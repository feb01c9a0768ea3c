// The diagnosis engine: one account's signals in, a stage with its evidence, trend and
// treatments out. Pure: no I/O, no clock. See docs/scoring.md.

export {
  STAGES,
  SICK_STAGES,
  STAGE_LABELS,
  INTERACTION_TYPES,
  SENTIMENTS,
  CANCELLED_BY,
  INTERACTION_OUTCOMES,
  PROJECT_STATUSES,
  GOAL_REVIEW_RESULTS,
  SIDES,
  STRUCTURAL_KINDS,
  severity,
  type Stage,
  type DiagnosedStage,
  type SickStage,
  type InteractionType,
  type Sentiment,
  type CancelledBy,
  type InteractionOutcome,
  type ProjectStatus,
  type GoalReviewResult,
  type Side,
  type StructuralKind,
} from "./enums";
export {
  accountSignalsSchema,
  validateSignals,
  storedPhraseHitSchema,
  parseSignals,
  describeIssues,
  type AccountSignals,
  type ParsedSignals,
  type ParseResult,
  type StoredPhraseHit,
} from "./input";
export { defaultConfig, scoringConfigSchema, type ScoringConfig, type ScoringConfigInput } from "./config";
export { diagnose, diagnoseParsed, safeDiagnose, type DiagnoseOptions, type SafeDiagnosis } from "./diagnose";
export { detectPhrases } from "./phrases/match";
export { PHRASE_ENGINE_VERSION } from "./phrases/version";
export { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "./phrases/sources";
export { PHRASE_CATALOGUE, type CatalogueEntry } from "./phrases/catalogue";
export { TREATMENTS, type TreatmentEntry } from "./treatments/catalogue";
export type { Diagnosis, Evidence, Hold, PhraseHit, PhraseSourceKind, Trend, Treatment, HistoryEntry } from "./types";
export { DIAGNOSIS_FORMAT_VERSION } from "./types";
export { diagnosisSchema, evidenceSchema, parseStoredDiagnosis, type StoredDiagnosis } from "./diagnosis-schema";
