import "server-only";
import type { z } from "zod";
import { db } from "../db/client";
import type { Stage } from "../generated/prisma/client";
import { diagnoseAccounts } from "../health/recompute";
import { SIGNAL_LOOKBACK_DAYS } from "../health/signals";
import { enqueueJob } from "../jobs";
import { defaultConfig, type ScoringConfig, scoringConfigSchema } from "../scoring";
import { recordAudit } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import type { Actor } from "./permissions";
import { changedPaths, type ConfigInForce, configInForce, draftHash, seesScoringSettings, tunesScoring } from "./scoring-config";
import { finishTaskRun, startTaskRun } from "./task-runs";

// The admin's scoring settings: every change is previewed (each account re-diagnosed with the
// draft, nothing written but the preview's record), then saved as a new version with a reason and
// applied to every account by the rescore-all job. Previews live in task_runs (kind
// "scoring-preview"), so any instance can serve the save that follows.

export const PREVIEW_KIND = "scoring-preview";
/** A preview older than this must be made again: the accounts have moved on since. */
const PREVIEW_VALID_MS = 24 * 3_600_000;
/** Accounts diagnosed per read during a preview, as in a rescore. */
const PREVIEW_BATCH = 250;
/** The largest score changes listed. */
const TOP_SCORE_CHANGES = 10;
/** Serialises saves (pg_advisory_xact_lock key), so two admins cannot both save over one version. */
const SAVE_LOCK = 7_000_007;

function assertTunes(actor: Actor) {
  if (!tunesScoring(actor)) throw new ForbiddenError("Only administrators change the scoring configuration.");
}

/** A library path as people read it: rules.ratingLevel.below[1].at */
export const pathName = (path: readonly PropertyKey[]) =>
  path.map((part, index) => (typeof part === "number" ? `[${part}]` : `${index === 0 ? "" : "."}${String(part)}`)).join("");

/**
 * The draft as the library's own schema reads it; otherwise an InputConflictError with every
 * problem under its path ("" for the whole object). Also refused: a window longer than the
 * records Rapport loads for a diagnosis, which would silently act as that limit.
 */
export function validateDraft(draft: unknown): ScoringConfig {
  const parsed = scoringConfigSchema.safeParse(draft);
  const problems: Record<string, string[]> = {};
  const add = (path: string, message: string) => (problems[path] ??= []).push(message);
  if (!parsed.success) {
    for (const issue of parsed.error.issues as z.core.$ZodIssue[]) add(pathName(issue.path), issue.message);
  } else {
    for (const [key, days] of Object.entries(parsed.data.windows)) {
      if (days > SIGNAL_LOOKBACK_DAYS) add(`windows.${key}`, `At most ${SIGNAL_LOOKBACK_DAYS} days: Rapport reads that far back for a diagnosis`);
    }
  }
  const count = Object.values(problems).flat().length;
  if (count > 0 || !parsed.success) {
    throw new InputConflictError(`The configuration is not valid (${count} ${count === 1 ? "problem" : "problems"}): correct it to preview or save it; nothing was changed.`, problems);
  }
  return parsed.data;
}

export interface VersionView {
  version: number;
  reason: string;
  createdByName: string | null;
  createdAt: Date;
  /** Paths that differ from the version before it (the library's defaults before the first). */
  changed: string[];
}

/** The page: the configuration in force and every version, newest first. The CIO may look. */
export async function scoringSettings(actor: Actor): Promise<{ inForce: ConfigInForce; versions: VersionView[]; canEdit: boolean }> {
  if (!seesScoringSettings(actor)) throw new ForbiddenError("Only the CIO and administrators see the scoring settings.");
  const [inForce, rows] = await Promise.all([
    configInForce(db()),
    db().scoringConfigVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, reason: true, config: true, createdAt: true, createdBy: { select: { name: true } } } }),
  ]);
  let previous: unknown = defaultConfig;
  const versions = rows.map((row) => {
    const view = { version: row.id, reason: row.reason, createdByName: row.createdBy?.name ?? null, createdAt: row.createdAt, changed: changedPaths(previous, row.config) };
    previous = row.config;
    return view;
  });
  return { inForce, versions: versions.reverse(), canEdit: tunesScoring(actor) };
}

export interface AccountChange {
  accountId: string;
  name: string;
  from: Stage;
  to: Stage;
  scoreFrom: number | null;
  scoreTo: number | null;
}

export interface PreviewView {
  id: string;
  createdAt: Date;
  hash: string;
  baseVersion: number;
  /** The version being restored, when the draft is an old version. */
  restoredFrom: number | null;
  config: ScoringConfig;
  /** Paths the draft changes against the configuration in force at the preview. */
  changed: string[];
  accounts: number;
  stageChanges: AccountChange[];
  scoreChanges: AccountChange[];
}

/**
 * Re-diagnoses every account that is not archived with the draft and with the configuration in
 * force, as of `now`, and records the comparison as a preview for the save to check. Reads in
 * batches and writes only the preview's record. Synchronous: about as long as reading every
 * account's signals once (a second or two per thousand accounts on PostgreSQL).
 */
export async function previewScoringConfig(actor: Actor, draft: unknown, { now = new Date(), restoredFrom }: { now?: Date; restoredFrom?: number } = {}): Promise<{ previewId: string }> {
  assertTunes(actor);
  const config = validateDraft(draft);
  const inForce = await configInForce(db());
  const accounts = await db().account.findMany({ where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  const changes: AccountChange[] = [];
  for (let start = 0; start < accounts.length; start += PREVIEW_BATCH) {
    const batch = accounts.slice(start, start + PREVIEW_BATCH);
    const diagnoses = await diagnoseAccounts(db(), batch.map((account) => account.id), now, [inForce.config, config]);
    for (const account of batch) {
      const [before, after] = diagnoses.get(account.id) ?? [];
      if (!before || !after) continue;
      changes.push({ accountId: account.id, name: account.name, from: before.stage, to: after.stage, scoreFrom: before.score, scoreTo: after.score });
    }
  }
  const scoreDelta = (change: AccountChange) => Math.abs((change.scoreTo ?? 0) - (change.scoreFrom ?? 0));
  const stageChanges = changes.filter((change) => change.from !== change.to);
  const scoreChanges = changes
    .filter((change) => change.scoreFrom !== change.scoreTo)
    .sort((a, b) => scoreDelta(b) - scoreDelta(a))
    .slice(0, TOP_SCORE_CHANGES);
  const changed = changedPaths(inForce.config, config);
  const { id } = await startTaskRun(db(), {
    kind: PREVIEW_KIND,
    status: "RUNNING",
    createdById: actor.id,
    total: accounts.length,
    detail: { hash: draftHash(config, inForce.version), baseVersion: inForce.version, restoredFrom: restoredFrom ?? null, config, changed, accounts: accounts.length },
  });
  const summary = `${stageChanges.length} of ${accounts.length} accounts would change stage.`;
  await finishTaskRun(db(), id, { status: "SUCCEEDED", detail: { stageChanges: stageChanges as never, scoreChanges: scoreChanges as never, summary } });
  return { previewId: id };
}

/** One of this admin's previews, for the page; another's, or an unknown id, is not found. */
export async function scoringPreview(actor: Actor, previewId: string): Promise<PreviewView> {
  assertTunes(actor);
  const run = /^[a-z0-9]{20,40}$/.test(previewId)
    ? await db().taskRun.findFirst({ where: { id: previewId, kind: PREVIEW_KIND, createdById: actor.id, status: "SUCCEEDED" } })
    : null;
  if (!run) throw new NotFoundError("preview");
  const detail = run.detail as Record<string, unknown>;
  return {
    id: run.id,
    createdAt: run.createdAt,
    hash: String(detail.hash),
    baseVersion: Number(detail.baseVersion),
    restoredFrom: typeof detail.restoredFrom === "number" ? detail.restoredFrom : null,
    config: scoringConfigSchema.parse(detail.config),
    changed: (detail.changed as string[]) ?? [],
    accounts: Number(detail.accounts),
    stageChanges: (detail.stageChanges as AccountChange[]) ?? [],
    scoreChanges: (detail.scoreChanges as AccountChange[]) ?? [],
  };
}

export interface SaveInput {
  previewId: string;
  hash: string;
  reason: string;
}

/**
 * Saves the exact draft of one of this admin's previews as the new version (who, when, why, an
 * audit event), and queues the re-diagnosis of every account (a rescore-all task run shows its
 * progress). Refused, with nothing written, unless the hash is the preview's, the preview is
 * recent, the configuration in force is still the one it was compared with, and it changes
 * something.
 */
export async function saveScoringConfig(actor: Actor, input: SaveInput, now = new Date()): Promise<{ version: number; taskRunId: string; changed: string[] }> {
  assertTunes(actor);
  const stale = (message: string) => new InputConflictError(message, { hash: [message] });
  const preview = await scoringPreview(actor, input.previewId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? stale("Preview the draft before saving it.") : error;
  });
  if (preview.hash !== input.hash || draftHash(preview.config, preview.baseVersion) !== input.hash) {
    throw stale("This is not the draft that was previewed: preview it again before saving.");
  }
  if (now.getTime() - preview.createdAt.getTime() > PREVIEW_VALID_MS) throw stale("This preview is more than a day old: preview the draft again.");

  const saved = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SAVE_LOCK})`;
    const current = await configInForce(tx);
    if (current.version !== preview.baseVersion) {
      throw stale(`The configuration in force changed since this preview (it is now version ${current.version}): preview the draft again.`);
    }
    const changed = changedPaths(current.config, preview.config);
    if (changed.length === 0) throw stale("This draft is the configuration in force: there is nothing to save.");
    const version = await tx.scoringConfigVersion.create({ data: { config: preview.config, reason: input.reason, createdById: actor.id, createdAt: now }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "scoringConfig.saved",
      entityType: "ScoringConfigVersion",
      entityId: String(version.id),
      details: { reason: input.reason, changed, restoredFrom: preview.restoredFrom, previewId: preview.id },
    });
    const run = await startTaskRun(tx, { kind: "rescore-all", createdById: actor.id, detail: { configVersion: version.id } });
    return { version: version.id, taskRunId: run.id, changed };
  });
  try {
    await enqueueJob("rescore-all", {});
  } catch (error) {
    // The version is saved and in force for every new diagnosis; the nightly rescore applies it to the rest.
    console.error("[scoring] could not queue the re-diagnosis:", error);
    await finishTaskRun(db(), saved.taskRunId, { status: "FAILED", error: "The re-diagnosis could not be queued; the next scheduled rescore applies the new version" });
  }
  return saved;
}

/** Previews an old version's configuration as the draft (restoring goes through a preview too). */
export async function restoreScoringVersion(actor: Actor, version: number, now = new Date()): Promise<{ previewId: string }> {
  assertTunes(actor);
  const row = await db().scoringConfigVersion.findUnique({ where: { id: version }, select: { config: true } });
  if (!row) throw new NotFoundError("version");
  return previewScoringConfig(actor, row.config, { now, restoredFrom: version });
}
