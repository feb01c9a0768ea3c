import type { ScoringConfig } from "./config";
import { SICK_STAGES, severity } from "./enums";
import { within, type Model } from "./model";
import { mean } from "./rules/rule";
import type { Evidence } from "./types";

/**
 * Signals that inform the stage but not the score. The rating trend would reward a worse old
 * rating (a smaller fall), and a worse rating must never raise the score.
 */
const UNSCORED = new Set(["ratings.overall.trend"]);

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
      : c.overallShare * ((mean(ratings.map((r) => r.overall)) - 1) / 4) * 100 +
        (1 - c.overallShare) * mean(ratings.map((r) => r.recommend)) * 10;
  const scored = evidence.filter((e) => !UNSCORED.has(e.signal));
  let fromSymptoms = 100;
  for (const stage of SICK_STAGES) {
    const support = scored.reduce((sum, e) => (e.stage !== "HEALTHY" && severity(e.stage) >= severity(stage) ? sum + e.weight : sum), 0);
    fromSymptoms -= c.penalty[stage] * (1 - Math.exp(-support / c.penaltyScale));
  }
  fromSymptoms += c.healthyBonus * scored.reduce((sum, e) => (e.stage === "HEALTHY" ? sum + e.weight : sum), 0);
  const score = c.ratingsShare * fromRatings + (1 - c.ratingsShare) * Math.min(100, Math.max(0, fromSymptoms));
  return Math.round(Math.min(100, Math.max(0, score)));
}
