import { createHash } from "node:crypto";
import type { PrismaClient } from "../generated/prisma/client";
import { defaultConfig, type ScoringConfig, scoringConfigSchema } from "../scoring";
import type { Tx } from "./audit";
import type { Actor } from "./permissions";

// The scoring configuration in force: the newest scoring_config_versions row (its id is the
// version number), or the library's defaults (version 0) when there is none. Read by every
// diagnosis, so no "server-only" marker: the rescore script and the jobs use it too. The
// admin's operations on it (preview, save, restore) are in scoring-settings.ts.

type Client = PrismaClient | Tx;

/** Admins change the scoring configuration; the CIO may look at it and its versions. */
export const tunesScoring = (actor: Actor) => actor.role === "ADMIN";
export const seesScoringSettings = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";

export interface ConfigInForce {
  /** scoring_config_versions.id; 0 for the library's defaults. */
  version: number;
  config: ScoringConfig;
}

export const DEFAULTS_IN_FORCE: ConfigInForce = { version: 0, config: defaultConfig };

// Versions never change once written, so a parsed one can be kept by id: each read still asks the
// database which version is newest (several instances share it), but parses only a new one.
let lastParsed: ConfigInForce | undefined;

/**
 * The configuration in force now: one primary-key probe for the newest version, and its row only
 * when it is not the one read last. A row the library's schema refuses (written by an older
 * release, or by hand) is not used: the defaults are, and the problem is logged.
 */
export async function configInForce(db: Client): Promise<ConfigInForce> {
  const newest = await db.scoringConfigVersion.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
  if (!newest) return DEFAULTS_IN_FORCE;
  if (lastParsed?.version === newest.id) return lastParsed;
  const row = await db.scoringConfigVersion.findUnique({ where: { id: newest.id }, select: { config: true } });
  const parsed = scoringConfigSchema.safeParse(row?.config);
  if (!parsed.success) {
    console.error(`[scoring] configuration version ${newest.id} is not valid; diagnosing with the library's defaults:`, parsed.error.issues.slice(0, 3));
    return DEFAULTS_IN_FORCE;
  }
  lastParsed = { version: newest.id, config: parsed.data };
  return lastParsed;
}

/** How far back prior diagnoses matter: the trend window or recovery period, whichever is longer, plus a margin. */
export const historyDays = (config: ScoringConfig) => Math.max(config.trend.windowDays, config.hysteresis.recoveryDays) + 30;

/** JSON with object keys sorted, so that equal configurations read the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * The fingerprint of a draft as previewed against a version in force: saving must send it back, so
 * only the exact draft previewed, against the configuration it was compared with, can be saved.
 */
export function draftHash(config: ScoringConfig, baseVersion: number): string {
  return createHash("sha256").update(canonicalJson({ baseVersion, config })).digest("hex");
}

/** The leaf paths ("stages.threshold.FLU", "rules.phrases.disabled") whose values differ; a list counts as one leaf. */
export function changedPaths(before: unknown, after: unknown, prefix = ""): string[] {
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedPaths(before[key], after[key], prefix ? `${prefix}.${key}` : key));
  }
  return canonicalJson(before) === canonicalJson(after) ? [] : [prefix];
}
