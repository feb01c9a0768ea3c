import type { ScoringConfig } from "./config";
import { within, type Model } from "./model";
import { mean } from "./rules/rule";
import type { Evidence } from "./types";

/**
 * Signals that inform the stage but not the score. The rating trend would reward a worse old
 * rating (a smaller fall), and a worse rating must never raise the score.
 */
const UNSCORED = new Set(["ratings.overall.trend"]);

/**
 * 0–100: the clients' own ratings (or a neutral base without them), minus points for each
 * symptom by the severity of its stage, plus points for signs of health.
 */
export function healthScore(evidence: readonly Evidence[], model: Model, now: number, config: ScoringConfig): number {
  const c = config.score;
  const ratings = within(model.ratings, now, config.windows.recentDays);
  let score =
    ratings.length === 0
      ? c.withoutRatings
      : c.overallShare * ((mean(ratings.map((r) => r.overall)) - 1) / 4) * 100 +
        (1 - c.overallShare) * mean(ratings.map((r) => r.recommend)) * 10;
  for (const e of evidence) {
    if (UNSCORED.has(e.signal)) continue;
    score += e.stage === "HEALTHY" ? e.weight * c.healthyBonus : -e.weight * c.penalty[e.stage];
  }
  return Math.round(Math.min(100, Math.max(0, score)));
}
