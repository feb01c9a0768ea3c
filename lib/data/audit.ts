import type { Prisma } from "../generated/prisma/client";

export type Tx = Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  accountId?: string | null;
  details?: Prisma.InputJsonValue;
}

/** Written in the same transaction as the change it describes. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, [entry]);
}

/**
 * Many entries in one statement: a change that touches hundreds of rows (a rating replacing a
 * client's earlier ones, an interaction deleted with its quotes) must not hold its transaction for
 * a round trip per row.
 */
export async function recordAudits(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({ data: entries.map((entry) => ({ ...entry, accountId: entry.accountId ?? null })) });
}
