import { z } from "zod";
import { defaultConfig, type ScoringConfig } from "./config";
import { confidenceOf } from "./confidence";
import { severity, STAGES, type Stage } from "./enums";
import { applyHysteresis, previousStage, sortHistory, stageSince } from "./hysteresis";
import { dateInput, describeIssues, parserWithoutCopy, validateSignals, type AccountSignals, type ParsedSignals } from "./input";
import { isoString } from "./iso";
import { buildModel, countWithin, DAY, within, type Model, type TimedPhraseHit } from "./model";
import { countObservations, observedUntil } from "./observations";
import { runRules } from "./rules";
import { healthScore, scoreInBand } from "./score";
import { decideStage, type StageDecision } from "./stage";
import { selectTreatments } from "./treatments/select";
import { computeTrend } from "./trend";
import { DIAGNOSIS_FORMAT_VERSION, type Diagnosis, type Evidence, type PhraseHit } from "./types";

const historyEntrySchema = z.object({
  at: dateInput,
  stage: z.enum([...STAGES, "INSUFFICIENT_DATA"]),
  score: z.number().min(0).max(100).nullable(),
});

const optionsSchema = z.object({
  now: dateInput,
  history: z.array(historyEntrySchema).default([]),
});
const parseOptions = parserWithoutCopy(optionsSchema);

export interface DiagnoseOptions {
  /** The evaluation time: the library never reads the clock. */
  now: Date | string;
  /** Earlier diagnoses of the account (health snapshots), in any order. */
  history?: readonly z.input<typeof historyEntrySchema>[];
  config?: ScoringConfig;
}

interface Evaluation {
  evidence: Evidence[];
  observations: number;
  decision: StageDecision;
}

function byImportance(a: Evidence, b: Evidence): number {
  return (
    severity(b.stage) - severity(a.stage) ||
    b.weight - a.weight ||
    (a.signal < b.signal ? -1 : a.signal > b.signal ? 1 : 0)
  );
}

/** `isoString`, once per time: the hits of one record share it. */
function isoOnce(iso: Map<number, string>, time: number): string {
  let s = iso.get(time);
  if (s === undefined) iso.set(time, (s = isoString(time)));
  return s;
}

/** A phrase hit as output: its time in ISO, the fields in the model's order (no spread: it is slow). */
function outputHit(h: TimedPhraseHit, iso: Map<number, string>): PhraseHit {
  const { phraseId, side, stage, matchedText, phrase, source } = h;
  const hit: PhraseHit = { phraseId, side, stage, matchedText, phrase, source, at: isoOnce(iso, h.at) };
  if (h.interactionId !== undefined) hit.interactionId = h.interactionId;
  return hit;
}

/** A copy marked decisive, fields named in `makeEvidence`'s order (a spread copies slowly). */
function markedDecisive(e: Evidence): Evidence {
  const { signal, value, rule, stage, weight, sourceIds, message } = e;
  return { signal, value, rule, stage, weight, sourceIds, message, decisive: true };
}

/** The rules' evidence and the stage it decides; `stageOnly`: for a checkpoint, whose evidence is not shown. */
function evaluate(model: Model, now: number, config: ScoringConfig, stageOnly: boolean): Evaluation {
  // A checkpoint's stage does not depend on the evidence's order: only what is shown is sorted.
  const found = runRules({ model, now, config, stageOnly });
  const evidence = stageOnly ? found : found.sort(byImportance);
  const observations = countObservations(model, now, config);
  const ratings = countWithin(model.ratings, now, config.windows.recentDays);
  return { evidence, observations, decision: decideStage(evidence, observations, ratings, config) };
}

/** Diagnoses signals already validated by `accountSignalsSchema` (or `parseSignals`). */
export function diagnoseParsed(signals: ParsedSignals, options: DiagnoseOptions): Diagnosis {
  const config = options.config ?? defaultConfig;
  const parsedOptions = parseOptions({ now: options.now, history: options.history ?? [] });
  const now = parsedOptions.now.getTime();
  const history = sortHistory(parsedOptions.history.map((h) => ({ at: h.at.getTime(), stage: h.stage as Stage, score: h.score })));
  const model = buildModel(signals);
  const disabled = config.rules.phrases.disabled;
  // Switched-off phrases are ignored everywhere: rules, the phrases shown, the treatments.
  if (disabled.length > 0) model.phraseHits = model.phraseHits.filter((h) => !disabled.includes(h.phraseId));
  const { evidence, observations, decision } = evaluate(model, now, config, false);
  const previous = previousStage(history, now)?.stage;
  const { stage, holdUntil } = applyHysteresis(
    decision.stage,
    previous,
    (t) => evaluate(model, t, config, true).decision.stage,
    now,
    config,
    decision.stage === "INSUFFICIENT_DATA" ? observedUntil(model, now, config) : null,
  );
  const held = holdUntil !== null;
  const decisive = new Set(stage === decision.stage ? decision.carriedBy : []);
  const marked = evidence.map((e) => (decisive.has(e) ? markedDecisive(e) : e));
  const score = stage === "INSUFFICIENT_DATA" ? null : scoreInBand(healthScore(evidence, model, now, config), stage, config);
  const iso = new Map<number, string>();
  const recentHits = within(model.phraseHits, now, config.windows.recentDays);
  const phrases: PhraseHit[] = [];
  for (let i = 0; i < recentHits.length; i++) phrases.push(outputHit(recentHits[i]!, iso));
  const holdLeft = held ? Math.min(1, (holdUntil - now) / (config.hysteresis.recoveryDays * DAY)) : null;
  return {
    formatVersion: DIAGNOSIS_FORMAT_VERSION,
    stage,
    score,
    confidence: confidenceOf(stage, decision.support, observations, config, holdLeft),
    support: decision.support,
    rawStage: decision.stage,
    stageSince: isoString(stageSince(stage, history, now)),
    observations,
    evidence: marked,
    phrases,
    trend: computeTrend(stage, score, previous ?? null, history, decision.support, now, config, held),
    hold: held ? { rawStage: decision.stage, until: isoString(holdUntil) } : null,
    treatments: selectTreatments(stage, marked, phrases),
    computedAt: isoString(now),
  };
}

/** Validates the signals (throws a ZodError when invalid) and diagnoses them. */
export function diagnose(signals: AccountSignals, options: DiagnoseOptions): Diagnosis {
  return diagnoseParsed(validateSignals(signals), options);
}

export type SafeDiagnosis =
  | { ok: true; diagnosis: Diagnosis }
  | { ok: false; error: z.ZodError; issues: { path: string; message: string }[] };

/** Like `diagnose`, but returns what is wrong instead of throwing. */
export function safeDiagnose(signals: unknown, options: DiagnoseOptions): SafeDiagnosis {
  try {
    return { ok: true, diagnosis: diagnoseParsed(validateSignals(signals), options) };
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    return { ok: false, error, issues: describeIssues(error) };
  }
}
