import type { Tx } from "../data/audit";
import type { PrismaClient } from "../generated/prisma/client";
import { type AlertDraft, alertsFor, type HealthChangeRow, isStale, RISK_QUIET_DAYS, worseningTimes } from "./rules";

// The detect-alerts job's work (docs/decisions/022-actions-and-alerts.md): health_changes rows,
// written by database triggers in the same transaction as each stored diagnosis, become alerts,
// one notification per recipient (the unit's relationship manager and every CIO) and, for those
// who did not turn alert emails off, an ALERT email in the outbox. Each batch is one transaction
// that deletes the rows it processed, and takes them FOR UPDATE SKIP LOCKED: two runs at once (two
// instances, a retried job) never process a change twice, and alerts carry a unique dedupe key.

const DAY = 86_400_000;
const BATCH = 500;

export interface DetectResult {
  changes: number;
  alerts: number;
  notifications: number;
  emails: number;
}

export async function detectAlerts(prisma: PrismaClient, now: Date, { batch = BATCH }: { batch?: number } = {}): Promise<DetectResult> {
  const total: DetectResult = { changes: 0, alerts: 0, notifications: 0, emails: 0 };
  for (;;) {
    const done = await prisma.$transaction((tx) => processBatch(tx, now, batch));
    for (const key of Object.keys(total) as (keyof DetectResult)[]) total[key] += done[key];
    if (done.changes < batch) return total;
  }
}

async function processBatch(tx: Tx, now: Date, batch: number): Promise<DetectResult> {
  const changes = await tx.$queryRaw<HealthChangeRow[]>`
    SELECT id, account_id AS "accountId", "at", from_stage::text AS "fromStage", to_stage::text AS "toStage",
      from_risk AS "fromRisk", to_risk AS "toRisk", new_symptoms AS "newSymptoms"
    FROM health_changes ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED`;
  const result: DetectResult = { changes: changes.length, alerts: 0, notifications: 0, emails: 0 };
  if (changes.length === 0) return result;

  const fresh = changes.filter((change) => !isStale(change, now));
  const accounts = await tx.account.findMany({
    where: { id: { in: [...new Set(fresh.map((c) => c.accountId))] }, archivedAt: null },
    select: { id: true, name: true, relationshipManager: { select: { id: true, deactivatedAt: true } } },
  });
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const worsened = worseningTimes(fresh);
  const drafts = fresh.flatMap((change) => {
    const account = byId.get(change.accountId);
    return account ? alertsFor(change, account.name, worsened.get(change.accountId) ?? new Set()) : [];
  });

  const cios = await tx.user.findMany({ where: { role: "CIO", deactivatedAt: null }, select: { id: true } });
  for (const draft of drafts) {
    if (await alreadyAlerted(tx, draft)) continue;
    const alert = await tx.alert.create({ data: { ...draft, createdAt: now }, select: { id: true } });
    result.alerts++;
    const manager = byId.get(draft.accountId)?.relationshipManager;
    const recipients = new Set([...(manager && !manager.deactivatedAt ? [manager.id] : []), ...cios.map((cio) => cio.id)]);
    for (const userId of recipients) {
      const notification = await tx.notification.create({
        data: { userId, alertId: alert.id, createdAt: now },
        select: { id: true, user: { select: { email: true, name: true, alertEmails: true } } },
      });
      result.notifications++;
      if (!notification.user.alertEmails) continue;
      await tx.emailMessage.create({
        data: {
          kind: "ALERT",
          notificationId: notification.id,
          toAddress: notification.user.email,
          toName: notification.user.name,
          subject: `Rapport alert: ${draft.message}`.slice(0, 250),
          createdAt: now,
          nextAttemptAt: now,
        },
      });
      result.emails++;
    }
  }
  await tx.healthChange.deleteMany({ where: { id: { in: changes.map((change) => change.id) } } });
  return result;
}

/**
 * The same change was alerted already (its dedupe key), or, for a risk hovering around the
 * threshold, the same account and stage were flagged within RISK_QUIET_DAYS.
 */
async function alreadyAlerted(tx: Tx, draft: AlertDraft): Promise<boolean> {
  if (await tx.alert.findUnique({ where: { dedupeKey: draft.dedupeKey }, select: { id: true } })) return true;
  if (draft.kind !== "RISK_RISING") return false;
  const recent = await tx.alert.findFirst({
    where: { accountId: draft.accountId, kind: "RISK_RISING", toStage: draft.toStage, detectedAt: { gte: new Date(draft.detectedAt.getTime() - RISK_QUIET_DAYS * DAY) } },
    select: { id: true },
  });
  return recent !== null;
}
