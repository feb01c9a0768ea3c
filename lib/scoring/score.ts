import type { ScoringConfig } from "./config";
import { SICK_STAGES, severity, type DiagnosedStage } from "./enums";
import { within, type Model } from "./model";
import { meanOf } from "./rules/rule";
import type { Evidence } from "./types";

/**
 * Signals that inform the stage but not the score. They compare a period with the one before it,
 * so they would reward a worse old rating (a smaller fall), and a worse rating must never raise
 * the score.
 */
const UNSCORED = new Set(["ratings.overall.trend", "badNews.surprisedClient"]);

/**
 * 0–100, half the clients' own ratings and half the symptoms. Each stage's support (its symptoms
 * and worse ones, as for the stage itself) takes up to its penalty off the symptom part, with
 * diminishing returns; signs of health add a little. Cumulative support is what keeps the score
 * monotone: a symptom moving to a worse band never lightens any stage's load.
 */
export function healthScore(evidence: readonly Evidence[], model: Model, now: number, config: ScoringConfig): number {
  const c = config.score;
  const ratings = within(model.ratings, now, config.windows.recentDays);
  const fromRatings =
    ratings.length === 0
      ? c.withoutRatings
      : c.overallShare * ((meanOf(ratings, (r) => r.overall) - 1) / 4) * 100 +
        (1 - c.overallShare) * meanOf(ratings, (r) => r.recommend) * 10;
  // One pass, adding each item to its stage and every milder one, in evidence order (so the sums
  // are the same to the last bit as one pass per stage).
  const support = [0, 0, 0, 0, 0];
  for (const e of evidence) {
    if (UNSCORED.has(e.signal)) continue;
    if (e.stage === "HEALTHY") support[0]! += e.weight;
    else for (let s = severity(e.stage); s >= 1; s--) support[s]! += e.weight;
  }
  let fromSymptoms = 100;
  for (const stage of SICK_STAGES) {
    fromSymptoms -= c.penalty[stage] * (1 - Math.exp(-support[severity(stage)]! / c.penaltyScale));
  }
  fromSymptoms += c.healthyBonus * support[0]!;
  const score = c.ratingsShare * fromRatings + (1 - c.ratingsShare) * Math.min(100, Math.max(0, fromSymptoms));
  return Math.round(Math.min(100, Math.max(0, score)));
}

/**
 * The score kept within the stage's band (`score.bands`), held or not: a stage and its score
 * never contradict each other ("pneumonia, 86" cannot be shown).
 */
export function scoreInBand(score: number, stage: DiagnosedStage, config: ScoringConfig): number {
  const band = config.score.bands[stage];
  return Math.min(band.max, Math.max(band.min, score));
}
