import type { ScoringConfig } from "./config";
import { STAGES, severity, type DiagnosedStage, type Stage } from "./enums";
import { round } from "./evidence";
import { DAY } from "./model";
import type { Support } from "./stage";
import type { Trend } from "./types";

export interface PastScore {
  at: number;
  stage: Stage;
  score: number | null;
}

/** Least-squares slope of score against time, in points per 30 days. */
function slopePerMonth(points: readonly { at: number; score: number }[]): number | null {
  if (points.length < 2) return null;
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.at, 0) / n;
  const my = points.reduce((s, p) => s + p.score, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of points) {
    num += (p.at - mx) * (p.score - my);
    den += (p.at - mx) ** 2;
  }
  return den === 0 ? null : (num / den) * 30 * DAY;
}

export function computeTrend(
  stage: Stage,
  score: number | null,
  previous: Stage | null,
  history: readonly PastScore[],
  support: Support,
  now: number,
  config: ScoringConfig,
  held = false,
): Trend {
  const from = now - config.trend.windowDays * DAY;
  const points = history
    .filter((h): h is PastScore & { score: number } => h.score !== null && h.at > from && h.at < now)
    .map((h) => ({ at: h.at, score: h.score }));
  if (score !== null) points.push({ at: now, score });
  const slope = slopePerMonth(points);
  let direction: Trend["direction"] = "unknown";
  const diagnosed = stage !== "INSUFFICIENT_DATA" && previous !== null && previous !== "INSUFFICIENT_DATA";
  if (held) {
    // The signals point milder but hysteresis holds the stage: recovering, not yet improved.
    direction = "recovering";
  } else if (diagnosed && severity(stage as DiagnosedStage) !== severity(previous as DiagnosedStage)) {
    direction = severity(stage as DiagnosedStage) > severity(previous as DiagnosedStage) ? "worsening" : "improving";
  } else if (slope !== null) {
    const band = config.trend.stablePointsPerMonth;
    direction = slope > band ? "improving" : slope < -band ? "worsening" : "stable";
  }
  const nextStage =
    stage === "INSUFFICIENT_DATA" || stage === "DEATH_AND_REINCARNATION"
      ? null
      : (STAGES[severity(stage) + 1] as DiagnosedStage);
  let risk = 0;
  if (nextStage && nextStage !== "HEALTHY") {
    // How much of the next stage's threshold its symptoms already fill, raised when worsening.
    const fill = Math.min(1, support[nextStage] / config.stages.threshold[nextStage]);
    risk = Math.min(1, 0.8 * fill + (direction === "worsening" ? 0.2 : 0));
  }
  return {
    direction,
    pointsPerMonth: slope === null ? null : round(slope, 1),
    previousStage: previous,
    nextStage,
    riskOfNextStage: round(risk, 2),
  };
}
