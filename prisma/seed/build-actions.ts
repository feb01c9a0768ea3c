import type { UnitContext } from "./build-rows";
import { hashOf } from "./build-records";
import { seededRandom } from "./random";

/**
 * The unit's alerts (as the detect-alerts job writes them: a notification each for the manager
 * and the CIO, read by whoever the story says) and its actions (open, overdue, closed with what
 * was done, some shown to the client), with their own draws, so the story's other rows stay as
 * they were.
 */
export function addActionsAndAlerts(ctx: UnitContext): void {
  const { rows, unit, accountId } = ctx;
  const draws = seededRandom(hashOf(`${unit.key}/actions-alerts`));
  const recipients = [...new Set([ctx.ownerAt(0), ctx.cioId])];
  const alertIds = unit.alerts.map((alert, index) => {
    const id = draws.id();
    const detectedAt = ctx.at(alert.daysAgo);
    rows.alerts.push({
      id,
      accountId,
      kind: alert.kind,
      message: alert.message,
      fromStage: alert.fromStage ?? null,
      toStage: alert.toStage ?? null,
      risk: alert.risk ?? null,
      signal: alert.signal ?? null,
      detectedAt,
      dedupeKey: `seed:${unit.key}:${index}`,
      createdAt: detectedAt,
    });
    const readBy = new Set(alert.readBy.map((key) => ctx.staffId(key)));
    for (const userId of recipients) {
      rows.notifications.push({ id: draws.id(), userId, alertId: id, createdAt: detectedAt, readAt: readBy.has(userId) ? detectedAt : null });
    }
    return id;
  });
  for (const action of unit.actions) {
    const ownerId = action.owner ? ctx.staffId(action.owner) : ctx.ownerAt(0);
    const createdAt = ctx.at(action.plannedDaysAgo);
    const closedAt = action.closed ? ctx.at(action.closed.daysAgo) : null;
    rows.actions.push({
      id: draws.id(),
      accountId,
      title: action.title,
      treatmentId: action.treatment ?? null,
      alertId: action.alert === undefined ? null : alertIds[action.alert],
      ownerId,
      dueDate: ctx.day(action.dueDaysAgo),
      status: action.closed?.status ?? "OPEN",
      outcome: action.closed?.outcome ?? null,
      visibleToClient: action.visibleToClient,
      createdById: ctx.ownerAt(action.plannedDaysAgo),
      createdAt,
      updatedAt: closedAt ?? createdAt,
      closedById: action.closed ? ownerId : null,
      closedAt,
    });
  }
}
