import { beforeEach, describe, expect, it } from "vitest";
import { createActionFromAlert } from "../../lib/data/actions";
import { ForbiddenError, NotFoundError } from "../../lib/data/errors";
import { listNotifications, markAlertRead, markNotificationsRead, setAlertEmails, unreadNotificationCount } from "../../lib/data/notifications";
import { db } from "../../lib/db/client";
import { buildWorld, daysFromNow, type World } from "./world";

// A person's notifications on both databases: each reads and marks only their own, clients have
// none, and an alert becomes an action only for IT with full access to its unit.

let world: World;
let alertId: string;
beforeEach(async () => {
  world = await buildWorld();
  const alert = await db().alert.create({
    data: { accountId: world.accounts.mine.id, kind: "STAGE_WORSENED", message: "Finance worsened from healthy to sniffles.", detectedAt: new Date(), dedupeKey: "t:1" },
  });
  alertId = alert.id;
  for (const user of [world.users.rm, world.users.cio, world.users.otherRm]) await db().notification.create({ data: { userId: user.id, alertId } });
});

describe("notifications", () => {
  it("lists and counts a person's own, with who may own an action, and marks only their own read", async () => {
    expect(await unreadNotificationCount(world.actors.rm)).toBe(1);
    const { items, alertEmails } = await listNotifications(world.actors.rm);
    expect(alertEmails).toBe(true);
    expect(items).toEqual([expect.objectContaining({ readAt: null, canAct: true, alert: expect.objectContaining({ message: "Finance worsened from healthy to sniffles." }) })]);
    expect(items[0]?.owners.map((o) => o.id).sort()).toEqual([world.users.admin.id, world.users.cio.id, world.users.rm.id].sort());
    // A manager who no longer has the unit keeps the row, not the unit's news to act on.
    expect((await listNotifications(world.actors.otherRm)).items[0]).toMatchObject({ canAct: false, owners: [] });

    const otherId = (await db().notification.findFirstOrThrow({ where: { userId: world.users.cio.id } })).id;
    expect(await markNotificationsRead(world.actors.rm, [otherId])).toBe(0);
    expect(await unreadNotificationCount(world.actors.cio)).toBe(1);
    expect(await markNotificationsRead(world.actors.rm, "all")).toBe(1);
    expect(await unreadNotificationCount(world.actors.rm)).toBe(0);
  });

  it("refuses clients, and turns emails off and on for the person alone", async () => {
    await expect(markNotificationsRead(world.actors.client, "all")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setAlertEmails(world.actors.client, false)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listNotifications(world.actors.client)).toEqual({ items: [], alertEmails: false });
    await setAlertEmails(world.actors.rm, false);
    expect((await db().user.findUniqueOrThrow({ where: { id: world.users.rm.id } })).alertEmails).toBe(false);
    expect((await db().user.findUniqueOrThrow({ where: { id: world.users.cio.id } })).alertEmails).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "user.alertEmails", actorId: world.users.rm.id } })).toBe(1);
  });

  it("turns an alert into an action on its unit for IT with full access only, and marks the planner's notification read", async () => {
    const fields = { title: "Call the CFO this week", ownerId: world.users.rm.id, dueDate: new Date(`${daysFromNow(5)}T00:00:00Z`), visibleToClient: false };
    await expect(createActionFromAlert(world.actors.otherRm, alertId, fields)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createActionFromAlert(world.actors.client, alertId, fields)).rejects.toBeInstanceOf(NotFoundError);
    const { id } = await createActionFromAlert(world.actors.rm, alertId, fields);
    await markAlertRead(world.actors.rm, alertId);
    expect(await db().action.findUniqueOrThrow({ where: { id } })).toMatchObject({ accountId: world.accounts.mine.id, alertId, treatmentId: null });
    expect((await listNotifications(world.actors.cio)).items[0]?.alert.actions).toEqual([{ id, title: "Call the CFO this week", status: "OPEN" }]);
    expect(await unreadNotificationCount(world.actors.rm)).toBe(0);
    expect(await unreadNotificationCount(world.actors.cio)).toBe(1);
  });
});
