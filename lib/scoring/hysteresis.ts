import type { ScoringConfig } from "./config";
import { severity, type DiagnosedStage, type Stage } from "./enums";
import { DAY } from "./model";

export interface PastStage {
  at: number;
  stage: Stage;
}

/** The latest diagnosed stage before `now`, ignoring "insufficient data"; history sorted by time. */
export function previousStage(history: readonly PastStage[], now: number): PastStage | undefined {
  return history.findLast((h) => h.at <= now && h.stage !== "INSUFFICIENT_DATA");
}

export interface HysteresisResult {
  stage: Stage;
  /** Set when the stage shown is worse than the raw one: when the raw stage would be adopted, epoch ms. */
  holdUntil: number | null;
}

/**
 * Worsen at once, recover slowly: a milder stage than the previous one is adopted only if the
 * signals also pointed to it at every checkpoint over the recovery period, and then only as far
 * as the worst of those checkpoints. One good rating cannot turn pneumonia into health. Too
 * little data, now or at a checkpoint, is no proof of improvement: the previous stage holds.
 *
 * While it holds, `holdUntil` says when the raw stage would be adopted if the signals stayed as
 * they are now: a future evaluation's checkpoints fall on today's (the raw stage assumed for the
 * times from now on), so the hold ends once the latest checkpoint worse than the raw stage has
 * left the recovery period. `dataEnd` is when the last observed record leaves its window (for a
 * hold on thinning data, which lasts as long as anything is observed).
 */
export function applyHysteresis(
  raw: Stage,
  previous: Stage | undefined,
  rawStageAt: (time: number) => Stage,
  now: number,
  config: ScoringConfig,
  dataEnd: number | null,
): HysteresisResult {
  if (previous === undefined || previous === "INSUFFICIENT_DATA") return { stage: raw, holdUntil: null };
  // Thinning data is not a recovery: a sick account stays sick while anything is still observed,
  // rather than vanishing from the dashboard as "insufficient data".
  if (raw === "INSUFFICIENT_DATA") {
    return dataEnd !== null && previous !== "HEALTHY" ? { stage: previous, holdUntil: dataEnd } : { stage: raw, holdUntil: null };
  }
  if (severity(raw) >= severity(previous)) return { stage: raw, holdUntil: null };
  const { recoveryDays, checkpoints } = config.hysteresis;
  const step = (recoveryDays / checkpoints) * DAY;
  let sustained: DiagnosedStage = raw;
  // The most recent checkpoint at which the signals were not yet as mild as now.
  let firstWorse: number | undefined;
  for (let k = 1; k <= checkpoints; k++) {
    const then = rawStageAt(now - k * step);
    if (then === "INSUFFICIENT_DATA" || severity(then) > severity(raw)) firstWorse ??= k;
    if (then === "INSUFFICIENT_DATA") return { stage: previous, holdUntil: now + (checkpoints - (firstWorse ?? k) + 1) * step };
    if (severity(then) > severity(sustained)) sustained = then;
    // Signals as bad as the previous stage's: later checkpoints can change neither the stage (the
    // previous one holds) nor when the hold ends (from `firstWorse`), so they are not evaluated.
    if (severity(sustained) >= severity(previous)) return { stage: previous, holdUntil: now + (checkpoints - firstWorse! + 1) * step };
  }
  const stage = severity(sustained) < severity(previous) ? sustained : previous;
  return { stage, holdUntil: firstWorse === undefined ? null : now + (checkpoints - firstWorse + 1) * step };
}

/** When the account entered `stage`: the start of the unbroken run of it in the sorted history. */
export function stageSince(stage: Stage, history: readonly PastStage[], now: number): number {
  let since = now;
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i]!;
    if (h.at > now) continue;
    if (h.stage !== stage) break;
    since = h.at;
  }
  return since;
}

const rank = (s: Stage) => (s === "INSUFFICIENT_DATA" ? -1 : severity(s));

/** Time order; snapshots at the same instant put the more severe last, so it counts as latest. */
export function sortHistory<T extends PastStage & { score: number | null }>(history: readonly T[]): T[] {
  return [...history].sort((a, b) => a.at - b.at || rank(a.stage) - rank(b.stage) || (a.score ?? -1) - (b.score ?? -1));
}
