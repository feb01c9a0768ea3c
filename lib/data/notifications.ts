import "server-only";
import { db } from "../db/client";
import { idSchema } from "../validation/fields";
import { recordAudit } from "./audit";
import { ForbiddenError, NotFoundError } from "./errors";
import { type Actor, accountAccess } from "./permissions";

// A person's notifications: the alerts about units they look after (lib/alerts). Each person
// reads and marks only their own. An alert stays readable through a notification only while its
// reader still has full access to the unit (a relationship manager who handed the unit over
// keeps the row, not the unit's news).

const PAGE = 50;

/** Alerts are IT's: a client has no notifications to read or settings to change. */
function itOnly(actor: Actor) {
  if (actor.role === "CLIENT") throw new ForbiddenError("Alerts and notifications are for IT staff.");
}

/** The header's badge: unread notifications. */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  if (actor.role === "CLIENT") return 0;
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}

/**
 * The person's notifications, newest first, with their alert, its unit and the actions already
 * planned for it (so the page offers "turn into an action" only while none is, and links it).
 */
export async function listNotifications(actor: Actor, { limit = PAGE }: { limit?: number } = {}) {
  if (actor.role === "CLIENT") return { items: [], alertEmails: false };
  const [rows, user, leadership] = await Promise.all([
    db().notification.findMany({
      where: { userId: actor.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        id: true,
        createdAt: true,
        readAt: true,
        alert: {
          select: {
            id: true,
            kind: true,
            message: true,
            detectedAt: true,
            account: { select: { id: true, name: true, relationshipManagerId: true, relationshipManager: { select: { id: true, name: true, deactivatedAt: true } } } },
            actions: { select: { id: true, title: true, status: true }, orderBy: { createdAt: "asc" } },
          },
        },
      },
    }),
    db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { alertEmails: true } }),
    db().user.findMany({ where: { role: { in: ["CIO", "ADMIN"] }, deactivatedAt: null }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  // Who may own an action about each unit (as lib/data/actions.ts checks): its manager and IT leadership.
  const ownersOf = (manager: { id: string; name: string; deactivatedAt: Date | null } | null) => [
    ...(manager && !manager.deactivatedAt ? [{ id: manager.id, name: manager.name }] : []),
    ...leadership.filter((person) => person.id !== manager?.id),
  ];
  const items = rows.map((row) => {
    const canAct = accountAccess(actor, row.alert.account) === "full";
    return { ...row, canAct, owners: canAct ? ownersOf(row.alert.account.relationshipManager) : [] };
  });
  return { items, alertEmails: user.alertEmails };
}

export type NotificationItem = Awaited<ReturnType<typeof listNotifications>>["items"][number];

/** Marks the person's notifications read: the ones named, or all. Returns how many changed. */
export async function markNotificationsRead(actor: Actor, ids: readonly string[] | "all", now = new Date()): Promise<number> {
  itOnly(actor);
  if (ids !== "all" && ids.some((id) => !idSchema.safeParse(id).success)) throw new NotFoundError("notification");
  const { count } = await db().notification.updateMany({
    where: { userId: actor.id, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: now },
  });
  return count;
}

/** Whether alerts also come by email (in-app notifications always come). */
export async function setAlertEmails(actor: Actor, on: boolean): Promise<void> {
  itOnly(actor);
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { alertEmails: true } });
    if (before.alertEmails === on) return;
    await tx.user.update({ where: { id: actor.id }, data: { alertEmails: on } });
    await recordAudit(tx, { actorId: actor.id, action: "user.alertEmails", entityType: "User", entityId: actor.id, details: { before: before.alertEmails, after: on } });
  });
}

/** After an action answers an alert: the person's notifications of it are read. */
export async function markAlertRead(actor: Actor, alertId: string, now = new Date()): Promise<void> {
  await db().notification.updateMany({ where: { userId: actor.id, alertId, readAt: null }, data: { readAt: now } });
}
