import { beforeEach, describe, expect, it } from "vitest";
import {
  actionOwnerOptions,
  actionsAssignedTo,
  closeAction,
  closedActions,
  createAction,
  getActionPlan,
  getOpenActionsSummary,
  overdueActionCounts,
  updateAction,
} from "../../lib/data/actions";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { db } from "../../lib/db/client";
import { newActionSchema } from "../../lib/validation/action";
import { buildWorld, daysFromNow, type World } from "./world";

// Actions on both databases: who may plan, reassign and close them, what a client sees ("you
// said, we did"), and the counts the portfolio and the worklist read.

const DAY = 86_400_000;
const day = (offset: number) => new Date(`${daysFromNow(offset)}T00:00:00Z`);

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const input = (overrides: Record<string, unknown> = {}) => ({
  accountId: world.accounts.mine.id,
  title: "Monthly report to the sponsor",
  ownerId: world.users.rm.id,
  dueDate: day(14),
  visibleToClient: true,
  treatmentId: "toot-your-own-horn" as string | null,
  alertId: null as string | null,
  ...overrides,
});

/** An action due `dueIn` days from now, planned a month ago (so its due date may lie in the past). */
const planned = (dueIn: number, overrides: Record<string, unknown> = {}) =>
  createAction(world.actors.rm, input({ dueDate: day(dueIn), ...overrides }), new Date(Date.now() - 30 * DAY));

describe("planning an action", () => {
  it("lets IT with full access plan one, owned by someone who looks after the unit, and audits it", async () => {
    const { id } = await createAction(world.actors.rm, input());
    const stored = await db().action.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "OPEN", ownerId: world.users.rm.id, createdById: world.users.rm.id, treatmentId: "toot-your-own-horn", outcome: null });
    const audit = await db().auditEvent.findMany({ where: { entityType: "Action", entityId: id } });
    expect(audit.map((a) => a.action)).toEqual(["action.created"]);

    // The CIO may plan one for the RM to own; the owner may be a CIO too.
    await expect(createAction(world.actors.cio, input({ ownerId: world.users.cio.id }))).resolves.toMatchObject({ accountId: world.accounts.mine.id });
    const owners = await actionOwnerOptions(world.actors.rm, world.accounts.mine.id);
    expect(owners.map((o) => o.id).sort()).toEqual([world.users.admin.id, world.users.cio.id, world.users.rm.id].sort());
  });

  it("refuses other relationship managers and clients as if the unit did not exist, and writes nothing", async () => {
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(createAction(actor, input())).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db().action.count()).toBe(0);
  });

  it("refuses an owner who does not look after the unit, a past due date and another unit's alert", async () => {
    await expect(createAction(world.actors.rm, input({ ownerId: world.users.otherRm.id }))).rejects.toMatchObject({ fieldErrors: { ownerId: [expect.any(String)] } });
    await expect(createAction(world.actors.rm, input({ ownerId: world.users.client.id }))).rejects.toBeInstanceOf(InputConflictError);
    await expect(createAction(world.actors.rm, input({ dueDate: day(-3) }))).rejects.toMatchObject({ fieldErrors: { dueDate: ["An action cannot be due in the past"] } });
    const alert = await db().alert.create({
      data: { accountId: world.accounts.theirs.id, kind: "STAGE_WORSENED", message: "Sales moved", detectedAt: new Date(), dedupeKey: "x" },
    });
    await expect(createAction(world.actors.cio, input({ alertId: alert.id }))).rejects.toMatchObject({ fieldErrors: { alertId: ["Unknown alert"] } });
    expect(await db().action.count()).toBe(0);
  });

  it("validates the form: a blank owner, an unknown treatment, a due date too far ahead", () => {
    const result = newActionSchema.safeParse({ accountId: world.accounts.mine.id, title: "x", ownerId: "", dueDate: daysFromNow(400), treatmentId: "bloodletting" });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]));
    expect(fields).toMatchObject({ title: "The action must be at least 3 characters", ownerId: "Choose who owns it", treatmentId: "Unknown treatment" });
    expect(newActionSchema.safeParse({ ...input(), dueDate: daysFromNow(400), ownerId: world.users.rm.id }).error?.issues[0]?.message).toBe("An action must be due within a year");
  });
});

describe("reassigning and closing", () => {
  it("reassigns an open action (audited with before and after), closes it once with what was done", async () => {
    const { id } = await createAction(world.actors.rm, input());
    const edit = { actionId: id, title: "Monthly report to the sponsor", ownerId: world.users.cio.id, dueDate: day(7), visibleToClient: true };
    await expect(updateAction(world.actors.cio, edit)).resolves.toMatchObject({ changed: 2 });
    await expect(updateAction(world.actors.otherRm, edit)).rejects.toBeInstanceOf(NotFoundError);

    await expect(closeAction(world.actors.client, { actionId: id, status: "DONE", outcome: "Sent", visibleToClient: true })).rejects.toBeInstanceOf(NotFoundError);
    await closeAction(world.actors.rm, { actionId: id, status: "DONE", outcome: "Sent the first monthly report on 1 December", visibleToClient: true });
    await expect(closeAction(world.actors.cio, { actionId: id, status: "DROPPED", outcome: "No", visibleToClient: false })).rejects.toThrow("already closed");
    await expect(updateAction(world.actors.rm, edit)).rejects.toThrow("closed");

    const stored = await db().action.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ status: "DONE", closedById: world.users.rm.id, outcome: "Sent the first monthly report on 1 December" });
    const audit = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["action.created", "action.updated", "action.closed"]);
    expect(audit[1]?.details).toMatchObject({ before: { ownerId: world.users.rm.id }, after: { ownerId: world.users.cio.id } });
  });
});

describe("the action plan and \"you said, we did\"", () => {
  it("shows IT the open (overdue marked) and closed actions, and the client only done items marked visible", async () => {
    const late = await planned(-2, { title: "Explain the declined request" });
    await planned(10, { title: "Agree two measurable goals" });
    const shown = await planned(5, { title: "Fix the month-end batch" });
    const hidden = await planned(5, { title: "Internal retrospective", visibleToClient: false });
    const dropped = await planned(5, { title: "Workshop" });
    await closeAction(world.actors.rm, { actionId: shown.id, status: "DONE", outcome: "The batch now finishes by 6 am", visibleToClient: true });
    await closeAction(world.actors.rm, { actionId: hidden.id, status: "DONE", outcome: "Held", visibleToClient: false });
    await closeAction(world.actors.rm, { actionId: dropped.id, status: "DROPPED", outcome: "Not wanted", visibleToClient: true });

    const plan = await getActionPlan(world.actors.rm, world.accounts.mine.id);
    expect(plan.open.map((a) => [a.title, a.overdue])).toEqual([
      ["Explain the declined request", true],
      ["Agree two measurable goals", false],
    ]);
    expect(plan.closed).toHaveLength(3);
    expect(plan.open[0]?.id).toBe(late.id);

    const client = await getActionPlan(world.actors.client, world.accounts.mine.id);
    expect(client.open).toEqual([]);
    expect(client.closed).toEqual([]);
    expect(client.youSaidWeDid).toEqual([{ id: shown.id, title: "Fix the month-end batch", outcome: "The batch now finishes by 6 am", closedAt: expect.any(Date) }]);

    await expect(getActionPlan(world.actors.otherClient, world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getActionPlan(world.actors.otherRm, world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("summarises the open actions for the overview as the plan lists them, for IT with full access only", async () => {
    await planned(10, { title: "Agree two measurable goals" });
    await planned(-2, { title: "Explain the declined request" });
    const done = await planned(5, { title: "Fix the month-end batch" });
    await closeAction(world.actors.rm, { actionId: done.id, status: "DONE", outcome: "Done", visibleToClient: true });

    const plan = await getActionPlan(world.actors.rm, world.accounts.mine.id);
    const summary = await getOpenActionsSummary(world.actors.rm, world.accounts.mine.id);
    expect(summary).toEqual(plan.open.map(({ id, title, dueDate, owner, overdue }) => ({ id, title, dueDate, owner: { name: owner.name }, overdue })));
    expect(summary.map((a) => [a.title, a.overdue])).toEqual([
      ["Explain the declined request", true],
      ["Agree two measurable goals", false],
    ]);
    for (const actor of [world.actors.client, world.actors.otherClient, world.actors.otherRm]) {
      await expect(getOpenActionsSummary(actor, world.accounts.mine.id)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe("counts and lists for the portfolio, the worklist and the reports", () => {
  it("counts overdue open actions per account the viewer has full access to", async () => {
    await planned(-1);
    await planned(-5);
    await planned(0); // due today: not overdue yet
    const closed = await planned(-3);
    await closeAction(world.actors.rm, { actionId: closed.id, status: "DONE", outcome: "Done late", visibleToClient: false });
    await createAction(world.actors.otherRm, input({ accountId: world.accounts.theirs.id, ownerId: world.users.otherRm.id, dueDate: day(-4) }), new Date(Date.now() - 30 * DAY));

    const ids = [world.accounts.mine.id, world.accounts.theirs.id];
    expect(Object.fromEntries(await overdueActionCounts(world.actors.cio, ids))).toEqual({ [world.accounts.mine.id]: 2, [world.accounts.theirs.id]: 1 });
    expect(Object.fromEntries(await overdueActionCounts(world.actors.rm, ids))).toEqual({ [world.accounts.mine.id]: 2 });
    expect((await overdueActionCounts(world.actors.client, ids)).size).toBe(0);
    // A day later, today's falls overdue too.
    expect((await overdueActionCounts(world.actors.rm, ids, new Date(Date.now() + DAY))).get(world.accounts.mine.id)).toBe(3);
  });

  it("lists a person's open actions, soonest first; the CIO may look at anyone's, an RM only at their own", async () => {
    await planned(3, { title: "Second" });
    await planned(-2, { title: "First" });
    await planned(4, { title: "The CIO's", ownerId: world.users.cio.id });
    const mine = await actionsAssignedTo(world.actors.rm, world.users.rm.id);
    expect(mine.map((a) => [a.title, a.overdue, a.daysOverdue, a.account.name])).toEqual([
      ["First", true, 2, "Finance"],
      ["Second", false, 0, "Finance"],
    ]);
    expect(await actionsAssignedTo(world.actors.cio, world.users.rm.id)).toHaveLength(2);
    await expect(actionsAssignedTo(world.actors.otherRm, world.users.rm.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await actionsAssignedTo(world.actors.otherRm, world.users.otherRm.id)).toEqual([]);
  });

  it("gives the reports the actions closed in a period: all of them for IT, the client's selection for a unit's own report", async () => {
    const a = await planned(1, { title: "Visible" });
    const b = await planned(1, { title: "Internal", visibleToClient: false });
    await planned(1, { title: "Still open" });
    await closeAction(world.actors.rm, { actionId: a.id, status: "DONE", outcome: "Done", visibleToClient: true });
    await closeAction(world.actors.rm, { actionId: b.id, status: "DROPPED", outcome: "Dropped", visibleToClient: false });
    const period = { since: new Date(Date.now() - DAY), until: new Date(Date.now() + DAY) };

    expect((await closedActions(world.actors.cio, period)).map((x) => x.title).sort()).toEqual(["Internal", "Visible"]);
    expect((await closedActions(world.actors.rm, { ...period, accountId: world.accounts.mine.id, clientView: true })).map((x) => x.title)).toEqual(["Visible"]);
    expect((await closedActions(world.actors.client, { ...period, accountId: world.accounts.mine.id })).map((x) => x.title)).toEqual(["Visible"]);
    expect(await closedActions(world.actors.otherRm, period)).toEqual([]);
    await expect(closedActions(world.actors.otherClient, { ...period, accountId: world.accounts.mine.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(closedActions(world.actors.client, period)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await closedActions(world.actors.cio, { since: new Date(Date.now() + DAY), until: new Date(Date.now() + 2 * DAY) })).toEqual([]);
  });
});
