import type { DiagnosedStage, SickStage, Side, Stage } from "./enums";

/** One observed symptom (or sign of health), with the records behind it. */
export interface Evidence {
  /** Stable name of the signal, e.g. "ratings.overall.level". */
  signal: string;
  value: number | string | boolean | null;
  /** The rule met, in words, with its threshold. */
  rule: string;
  stage: DiagnosedStage;
  weight: number;
  sourceIds: string[];
  message: string;
  /** True when this item helped carry the diagnosed stage. */
  decisive: boolean;
}

export type PhraseSourceKind = "quote" | "interaction" | "rating";

export interface PhraseHit {
  phraseId: string;
  side: Side;
  stage: SickStage;
  /** The words as written in the source. */
  matchedText: string;
  /** The article's own wording of the phrase. */
  phrase: string;
  source: { kind: PhraseSourceKind; id: string };
  /** For a quote, the interaction it belongs to. */
  interactionId?: string;
  at: string;
}

export interface Trend {
  /** "recovering": the signals point to a milder stage, but hysteresis holds this one (see Diagnosis.hold). */
  direction: "improving" | "recovering" | "stable" | "worsening" | "unknown";
  /** Score points per 30 days over the trend window; null without enough scored history. */
  pointsPerMonth: number | null;
  previousStage: Stage | null;
  /** The next stage towards breakdown, or null at the end stage or without a stage. */
  nextStage: DiagnosedStage | null;
  /** 0–1: how close the account is to the next stage. */
  riskOfNextStage: number;
}

export interface Treatment {
  id: string;
  title: string;
  /** What to do, from the article. */
  action: string;
  /** Why it was chosen for this account. */
  why: string;
  article: string;
  /** Signals of the evidence that led to it. */
  signals: string[];
}

/** Bumped whenever the stored shape of a Diagnosis changes; stored snapshots carry it. */
export const DIAGNOSIS_FORMAT_VERSION = 2;

/** Why the stage shown is worse than the signals alone say: slow recovery (hysteresis). */
export interface Hold {
  /** The milder stage the signals point to now. */
  rawStage: Stage;
  /** When that milder stage is adopted if the signals stay as they are (ISO). */
  until: string;
}

/** Plain JSON: stored as a health snapshot. */
export interface Diagnosis {
  formatVersion: typeof DIAGNOSIS_FORMAT_VERSION;
  stage: Stage;
  score: number | null;
  confidence: number;
  /** Support per stage before hysteresis (evidence weight for that stage and worse). */
  support: Record<DiagnosedStage, number>;
  /** The stage the signals alone point to, before hysteresis against history. */
  rawStage: Stage;
  /** When the account entered `stage`, from history (ISO); computedAt when it has just changed. */
  stageSince: string;
  observations: number;
  evidence: Evidence[];
  phrases: PhraseHit[];
  trend: Trend;
  /** Set when hysteresis holds `stage` although the signals point to a milder one. */
  hold: Hold | null;
  treatments: Treatment[];
  computedAt: string;
}

export interface HistoryEntry {
  at: Date | string;
  stage: Stage;
  score: number | null;
}
