import "server-only";
import { db } from "../db/client";
import type { Prisma, Stage } from "../generated/prisma/client";
import { recomputeAccountHealth } from "../health/recompute";
import { openAccount } from "./accounts";
import { type AuditEntry, recordAudit, type Tx } from "./audit";
import { type AccountAccess, type Actor, canLogInteraction } from "./permissions";

/** What a write did to the account's diagnosis, for the confirmation ("Sales moved from Flu to Pneumonia"). */
export interface StageChange {
  accountId: string;
  accountName: string;
  from: Stage;
  to: Stage;
}

export interface AccountWriteResult<T> {
  result: T;
  change: StageChange;
}

type Audit = Omit<AuditEntry, "actorId" | "accountId">;

/**
 * The one way IT's records of an account are written: the caller's access to the account is
 * checked, then the change, its audit event and the account's re-diagnosis happen in one
 * transaction, so the dashboard never shows a stage older than the data and no change goes
 * unaudited. `work` returns its result and the audit event describing it (null: nothing changed).
 */
export async function writeForAccount<T>(
  actor: Actor,
  accountId: string,
  work: (tx: Tx) => Promise<{ result: T; audit: Audit | null }>,
  { now = new Date(), allowed = canLogInteraction }: { now?: Date; allowed?: (access: AccountAccess) => boolean } = {},
): Promise<AccountWriteResult<T>> {
  await openAccount(actor, accountId, allowed);
  return db().$transaction(async (tx) => {
    const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, healthStage: true } });
    const { result, audit } = await work(tx);
    if (audit) await recordAudit(tx, { ...audit, actorId: actor.id, accountId });
    const diagnosis = await recomputeAccountHealth(tx, accountId, now);
    return { result, change: { accountId, accountName: before.name, from: before.healthStage, to: diagnosis.stage } };
  });
}

/** A row as JSON for the audit log: dates as ISO strings, decimals as strings. */
export function auditJson(row: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(row)) as Prisma.InputJsonValue;
}

/** The fields whose values differ, before and after: what the change history shows. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): Prisma.InputJsonValue {
  const b = auditJson(before) as Record<string, unknown>;
  const a = auditJson(after) as Record<string, unknown>;
  const keys = Object.keys(a).filter((key) => key !== "updatedAt" && JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  return auditJson({ before: Object.fromEntries(keys.map((k) => [k, b[k] ?? null])), after: Object.fromEntries(keys.map((k) => [k, a[k] ?? null])) });
}
