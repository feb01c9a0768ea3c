import type { AlertKind } from "../generated/prisma/enums";
import { type DiagnosedStage, type Stage, STAGE_LABELS, STAGES, severity } from "../scoring";

// Which changes in an account's stored health deserve a person's attention (issue 10 §3). Pure:
// the detect-alerts job (lib/alerts/detect.ts) feeds it the health_changes rows the database
// triggers wrote, and stores what it returns.

/** Risk of the next stage (0–1) from which a unit is flagged: the diagnosis panel's "Risk of …" at 70%. */
export const RISK_THRESHOLD = 0.7;
/** A risk that crossed the threshold is not flagged again for the same stage within this many days (a risk hovering around it). */
export const RISK_QUIET_DAYS = 7;
/** Changes diagnosed longer ago than this are history being replayed (the seed, a backfill), not news. */
export const STALE_AFTER_DAYS = 2;

export interface HealthChangeRow {
  id: bigint;
  accountId: string;
  at: Date;
  fromStage: Stage | null;
  toStage: Stage | null;
  fromRisk: number | null;
  toRisk: number | null;
  /** [{ signal, stage, message }] of evidence that became decisive. */
  newSymptoms: unknown;
}

export interface AlertDraft {
  accountId: string;
  kind: AlertKind;
  message: string;
  fromStage: Stage | null;
  toStage: Stage | null;
  risk: number | null;
  signal: string | null;
  detectedAt: Date;
  /** One alert per change, whichever run or instance processes it. */
  dedupeKey: string;
}

const isDiagnosed = (stage: Stage | null): stage is DiagnosedStage => stage !== null && stage !== "INSUFFICIENT_DATA";
/** Both diagnosed, the later worse. */
const worsened = ({ fromStage, toStage }: Pick<HealthChangeRow, "fromStage" | "toStage">) =>
  isDiagnosed(fromStage) && isDiagnosed(toStage) && severity(toStage) > severity(fromStage);
const nextStage = (stage: DiagnosedStage): DiagnosedStage | null => STAGES[severity(stage) + 1] ?? null;
const label = (stage: Stage) => STAGE_LABELS[stage].toLowerCase();

interface Symptom {
  signal: string;
  stage: Stage;
  message: string;
}

function symptomsOf(value: unknown): Symptom[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is Symptom => typeof item?.signal === "string" && typeof item?.message === "string" && typeof item?.stage === "string" && item.stage !== "HEALTHY",
  );
}

/**
 * The alerts one health change raises for the account named `accountName`:
 * - its stage worsened (a first diagnosis, from "insufficient data", is not a worsening);
 * - its risk of the next stage rose to RISK_THRESHOLD or above while the stage held;
 * - evidence of a sickness became decisive that was not before (one alert per signal), unless
 *   the same diagnosis worsened the stage: that alert says it already.
 * `worsenedAt` holds the diagnosis times at which the account's stage worsened in this batch.
 */
export function alertsFor(change: HealthChangeRow, accountName: string, worsenedAt: ReadonlySet<number>): AlertDraft[] {
  const base = { accountId: change.accountId, detectedAt: change.at, fromStage: change.fromStage, toStage: change.toStage, risk: change.toRisk, signal: null };
  const key = `${change.accountId}:${change.id}`;
  const drafts: AlertDraft[] = [];
  const { fromStage, toStage } = change;
  if (worsened(change) && fromStage && toStage) {
    drafts.push({ ...base, kind: "STAGE_WORSENED", dedupeKey: `${key}:stage`, message: `${accountName} worsened from ${label(fromStage)} to ${label(toStage)}.` });
  }
  const next = isDiagnosed(toStage) ? nextStage(toStage) : null;
  if (next && fromStage === toStage && change.toRisk !== null && change.toRisk >= RISK_THRESHOLD && (change.fromRisk === null || change.fromRisk < RISK_THRESHOLD)) {
    drafts.push({
      ...base,
      kind: "RISK_RISING",
      dedupeKey: `${key}:risk`,
      message: `${accountName}'s risk of ${label(next)} rose to ${Math.round(change.toRisk * 100)}%.`,
    });
  }
  if (!worsenedAt.has(change.at.getTime())) {
    for (const symptom of symptomsOf(change.newSymptoms)) {
      drafts.push({
        ...base,
        fromStage: null,
        risk: null,
        kind: "NEW_SYMPTOM",
        signal: symptom.signal,
        dedupeKey: `${key}:symptom:${symptom.signal}`,
        message: `New at ${accountName} (${label(symptom.stage)}): ${symptom.message}`,
      });
    }
  }
  return drafts;
}

/** Diagnosis times at which some account's stage worsened, per account: to fold symptoms into that alert. */
export function worseningTimes(changes: readonly HealthChangeRow[]): Map<string, Set<number>> {
  const times = new Map<string, Set<number>>();
  for (const change of changes) {
    if (worsened(change)) {
      times.set(change.accountId, (times.get(change.accountId) ?? new Set()).add(change.at.getTime()));
    }
  }
  return times;
}

export const isStale = (change: Pick<HealthChangeRow, "at">, now: Date) => now.getTime() - change.at.getTime() > STALE_AFTER_DAYS * 86_400_000;
