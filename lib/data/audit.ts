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
  await tx.auditEvent.create({ data: { ...entry, accountId: entry.accountId ?? null } });
}
