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

/**
 * Worsen at once, recover slowly: a milder stage than the previous one is adopted only if the
 * signals also pointed to it at every checkpoint over the recovery period, and then only as far
 * as the worst of those checkpoints. One good rating cannot turn pneumonia into health. Too
 * little data, now or at a checkpoint, is no proof of improvement: the previous stage holds.
 */
export function applyHysteresis(
  raw: Stage,
  previous: Stage | undefined,
  rawStageAt: (time: number) => Stage,
  now: number,
  config: ScoringConfig,
  hasData: boolean,
): Stage {
  if (previous === undefined || previous === "INSUFFICIENT_DATA") return raw;
  // Thinning data is not a recovery: a sick account stays sick while anything is still observed,
  // rather than vanishing from the dashboard as "insufficient data".
  if (raw === "INSUFFICIENT_DATA") return hasData && previous !== "HEALTHY" ? previous : raw;
  if (severity(raw) >= severity(previous)) return raw;
  const { recoveryDays, checkpoints } = config.hysteresis;
  let sustained: DiagnosedStage = raw;
  for (let k = 1; k <= checkpoints; k++) {
    const then = rawStageAt(now - ((recoveryDays * k) / checkpoints) * DAY);
    if (then === "INSUFFICIENT_DATA") return previous;
    if (severity(then) > severity(sustained)) sustained = then;
  }
  return severity(sustained) < severity(previous) ? sustained : previous;
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
