import "server-only";
import { db } from "../db/client";
import type { Prisma, Stage } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { overrideExpiryProblem, type StageOverrideInput } from "../validation/stage-override";
import { openAccount } from "./accounts";
import { auditJson } from "./account-write";
import { recordAudit, type Tx } from "./audit";
import { InputConflictError, NotFoundError } from "./errors";
import { type Actor, canLogInteraction } from "./permissions";

// A human's manual stage beside the engine's (never instead of it: the computed stage stays on the
// account and is what the diagnosis, trend and history use). One is active per account at a time;
// setting a new one ends the previous. Active is decided when read (ended_at null and expires_at
// still ahead), so an override lapses on its expiry with no job to run. IT only: the CIO, admins
// and the account's relationship manager read and write them; anyone else finds nothing (decision 002).

/** Overrides still in force at `now`. */
export const activeOverrideWhere = (now: Date) => ({ endedAt: null, expiresAt: { gt: now } }) satisfies Prisma.StageOverrideWhereInput;

const ENTITY = "StageOverride";

/** A stored override with who set and who ended it (null when that user has since been removed). */
type OverrideRow = {
  id: string;
  stage: Stage;
  reason: string;
  expires_at: Date;
  created_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  by_name: string | null;
  ended_by_name: string | null;
};

export type OverrideStatus = "active" | "ended" | "lapsed";

export interface StageOverrideView {
  id: string;
  stage: Stage;
  reason: string;
  expiresAt: Date;
  createdAt: Date;
  /** Null when that user has since been removed. */
  byName: string | null;
  status: OverrideStatus;
  endedAt: Date | null;
  endedByName: string | null;
  endReason: string | null;
}

const statusAt = (row: { endedAt: Date | null; expiresAt: Date }, now: Date): OverrideStatus =>
  row.endedAt ? "ended" : row.expiresAt > now ? "active" : "lapsed";

const view = (row: OverrideRow, now: Date): StageOverrideView => {
  const expiresAt = new Date(row.expires_at);
  const endedAt = row.ended_at === null ? null : new Date(row.ended_at);
  return {
    id: row.id,
    stage: row.stage,
    reason: row.reason,
    expiresAt,
    createdAt: new Date(row.created_at),
    byName: row.by_name,
    status: statusAt({ endedAt, expiresAt }, now),
    endedAt,
    endedByName: row.ended_by_name,
    endReason: row.end_reason,
  };
};

/**
 * The account's override in force at `now` (or null) and every override it has had, newest first.
 * One statement, the two users' names joined in: with Prisma's relation selects it was three, on
 * every account page (the header reads them), even for an account that never had an override.
 */
export async function getStageOverrides(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const rows = await db().$queryRaw<OverrideRow[]>`
    SELECT o.id, o.stage::text AS stage, o.reason, o.expires_at, o.created_at, o.ended_at, o.end_reason, c.name AS by_name, e.name AS ended_by_name
    FROM stage_overrides o LEFT JOIN users c ON c.id = o.created_by_id LEFT JOIN users e ON e.id = o.ended_by_id
    WHERE o.account_id = ${accountId}
    ORDER BY o.created_at DESC, o.id DESC`;
  const history = rows.map((row) => view(row, now));
  return { active: history.find((o) => o.status === "active") ?? null, history };
}

/** Ends an override in the caller's transaction, audited with why. */
async function endOverride(tx: Tx, actor: Actor, override: { id: string; accountId: string }, reason: string, now: Date) {
  const ended = await tx.stageOverride.update({ where: { id: override.id }, data: { endedAt: now, endedById: actor.id, endReason: reason }, select: { endedAt: true, endReason: true } });
  await recordAudit(tx, {
    actorId: actor.id,
    accountId: override.accountId,
    action: "stageOverride.ended",
    entityType: ENTITY,
    entityId: override.id,
    details: auditJson({ before: { endedAt: null, endReason: null }, after: ended, reason }),
  });
}

/** Serializes writes to one account's overrides, so two people setting one at once still leave one active. */
const lockAccount = (tx: Tx, accountId: string) => tx.$queryRaw`SELECT id FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`;

export interface SetOverrideResult {
  accountName: string;
  /** The engine's stage, which the override stands beside. */
  computedStage: Stage;
  override: { id: string; stage: Stage; expiresAt: Date };
  /** The override this one ended, if one was in force. */
  replaced: { id: string; stage: Stage } | null;
}

/**
 * Sets a manual stage on the account: the caller must have full access to it (the CIO, admins,
 * its relationship manager), the expiry must lie ahead of `now` and within a year. An override in
 * force is ended first ("replaced"), in the same transaction, each step audited.
 */
export async function setStageOverride(actor: Actor, input: StageOverrideInput, now = new Date()): Promise<SetOverrideResult> {
  await openAccount(actor, input.accountId, canLogInteraction);
  const problem = overrideExpiryProblem(input.expiresAt, now);
  if (problem) throw new InputConflictError(problem, { until: [problem] });
  return db().$transaction(async (tx) => {
    await lockAccount(tx, input.accountId);
    const account = await tx.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { name: true, healthStage: true } });
    const previous = await tx.stageOverride.findFirst({ where: { accountId: input.accountId, ...activeOverrideWhere(now) }, select: { id: true, accountId: true, stage: true } });
    if (previous) await endOverride(tx, actor, previous, "Replaced by a new override", now);
    const created = await tx.stageOverride.create({
      data: { accountId: input.accountId, stage: input.stage, reason: input.reason, expiresAt: input.expiresAt, createdById: actor.id, createdAt: now },
    });
    const { id } = created;
    const after = { stage: created.stage, reason: created.reason, expiresAt: created.expiresAt };
    await recordAudit(tx, { actorId: actor.id, accountId: input.accountId, action: "stageOverride.created", entityType: ENTITY, entityId: id, details: auditJson({ after }) });
    return {
      accountName: account.name,
      computedStage: account.healthStage,
      override: { id, stage: created.stage, expiresAt: created.expiresAt },
      replaced: previous && { id: previous.id, stage: previous.stage },
    };
  });
}

/** Ends the override in force early, with a reason, so the engine's stage speaks alone again. */
export async function endStageOverride(actor: Actor, overrideId: string, reason: string, now = new Date()) {
  const id = idSchema.safeParse(overrideId);
  const found = id.success ? await db().stageOverride.findUnique({ where: { id: id.data }, select: { accountId: true } }) : null;
  if (!found) throw new NotFoundError("override");
  await openAccount(actor, found.accountId, canLogInteraction).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("override") : error;
  });
  return db().$transaction(async (tx) => {
    await lockAccount(tx, found.accountId);
    const override = await tx.stageOverride.findUniqueOrThrow({
      where: { id: id.data },
      select: { id: true, accountId: true, stage: true, endedAt: true, expiresAt: true, account: { select: { name: true, healthStage: true } } },
    });
    const status = statusAt(override, now);
    if (status !== "active") {
      throw new InputConflictError(status === "ended" ? "This override was already ended: nothing changed." : "This override has already lapsed: nothing changed.");
    }
    await endOverride(tx, actor, override, reason, now);
    return { accountId: override.accountId, accountName: override.account.name, computedStage: override.account.healthStage, stage: override.stage };
  });
}
