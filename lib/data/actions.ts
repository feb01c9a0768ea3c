import "server-only";
import { db } from "../db/client";
import type { ActionStatus, Prisma } from "../generated/prisma/client";
import { TREATMENTS } from "../scoring";
import { idSchema } from "../validation/fields";
import { actionDueProblem, type CloseActionInput, type EditActionInput, type NewActionInput } from "../validation/action";
import { auditJson, changedFields } from "./account-write";
import { openAccount } from "./accounts";
import { recordAudit, type Tx } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, canLogInteraction, managesAccounts } from "./permissions";

// Actions: what IT commits to do about an account, with one owner and a due date (issue 10 §3,
// docs/decisions/022-actions-and-alerts.md). The policy follows follow-ups and interactions: IT
// with full access to the account (its relationship manager, the CIO, admins) plans, reassigns and
// closes them; the owner is one of those people; a client reads only the "you said, we did" items
// of their own account (closed as done and marked visible). Actions are not signals: writing one
// does not re-diagnose the account.

const DAY = 86_400_000;
/** Midnight UTC of `now`: due dates are calendar days, overdue once the day has passed. */
const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

const actionSelect = {
  id: true,
  accountId: true,
  title: true,
  treatmentId: true,
  alertId: true,
  dueDate: true,
  status: true,
  outcome: true,
  visibleToClient: true,
  createdAt: true,
  closedAt: true,
  owner: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  closedBy: { select: { id: true, name: true } },
} satisfies Prisma.ActionSelect;

type ActionRow = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;

/** Open past its due day. */
const isOverdue = (row: { status: ActionStatus; dueDate: Date }, today: Date) => row.status === "OPEN" && row.dueDate < today;
const withOverdue = (today: Date) => (row: ActionRow) => ({ ...row, overdue: isOverdue(row, today) });
/** Open actions listed at most, soonest due first. */
const OPEN_LISTED = 200;
export type ActionItem = ActionRow & { overdue: boolean };

/** The treatment's title, for an action made from one (null: free, or a treatment since retired). */
export const treatmentTitle = (treatmentId: string | null) => TREATMENTS.find((t) => t.id === treatmentId)?.title ?? null;

/** The action, if the caller may write its account; "not found" for unknown ids and other accounts alike. */
async function writableAction(actor: Actor, actionId: string) {
  const id = idSchema.safeParse(actionId);
  const row = id.success ? await db().action.findUnique({ where: { id: id.data }, select: { id: true, accountId: true } }) : null;
  if (!row) throw new NotFoundError("action");
  await openAccount(actor, row.accountId, canLogInteraction).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("action") : error;
  });
  return row;
}

/**
 * The people who may own an action of the account: active IT users with full access to it (the
 * CIOs, the admins and the account's relationship manager), by name.
 */
export async function actionOwnerOptions(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, canLogInteraction);
  return ownerCandidates(db(), accountId);
}

async function ownerCandidates(client: Tx | ReturnType<typeof db>, accountId: string) {
  const account = await client.account.findUniqueOrThrow({ where: { id: accountId }, select: { relationshipManagerId: true } });
  return client.user.findMany({
    where: {
      deactivatedAt: null,
      OR: [{ role: { in: ["CIO", "ADMIN"] } }, ...(account.relationshipManagerId ? [{ id: account.relationshipManagerId }] : [])],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

async function checkOwner(tx: Tx, accountId: string, ownerId: string) {
  const candidates = await ownerCandidates(tx, accountId);
  if (!candidates.some((user) => user.id === ownerId)) {
    throw new InputConflictError("The owner must be someone in IT who looks after this unit.", { ownerId: ["Choose its relationship manager, a CIO or an administrator"] });
  }
}

function checkDue(dueDate: Date, now: Date) {
  const problem = actionDueProblem(dueDate, now);
  if (problem) throw new InputConflictError(problem, { dueDate: [problem] });
}

/** Plans an action on the account (free, from a treatment, or answering one of its alerts). */
export async function createAction(actor: Actor, input: NewActionInput, now = new Date()): Promise<{ id: string; accountId: string }> {
  await openAccount(actor, input.accountId, canLogInteraction);
  checkDue(input.dueDate, now);
  return db().$transaction(async (tx) => {
    await checkOwner(tx, input.accountId, input.ownerId);
    if (input.alertId) {
      const alert = await tx.alert.findFirst({ where: { id: input.alertId, accountId: input.accountId }, select: { id: true } });
      if (!alert) throw new InputConflictError("That alert is not about this unit.", { alertId: ["Unknown alert"] });
    }
    const row = await tx.action.create({
      data: {
        accountId: input.accountId,
        title: input.title,
        treatmentId: input.treatmentId,
        alertId: input.alertId,
        ownerId: input.ownerId,
        dueDate: input.dueDate,
        visibleToClient: input.visibleToClient,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
      },
    });
    await recordAudit(tx, { actorId: actor.id, action: "action.created", entityType: "Action", entityId: row.id, accountId: row.accountId, details: auditJson({ after: row }) });
    return { id: row.id, accountId: row.accountId };
  });
}

/** Plans an action answering an alert, on the alert's unit (IT with full access to it). */
export async function createActionFromAlert(actor: Actor, alertId: string, input: Omit<NewActionInput, "accountId" | "alertId" | "treatmentId">, now = new Date()) {
  const id = idSchema.safeParse(alertId);
  const alert = id.success ? await db().alert.findUnique({ where: { id: id.data }, select: { accountId: true } }) : null;
  if (!alert) throw new NotFoundError("alert");
  return createAction(actor, { ...input, accountId: alert.accountId, alertId: id.data as string, treatmentId: null }, now).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("alert") : error;
  });
}

/** Corrects an open action: title, owner (reassigning it), due date, visibility. */
export async function updateAction(actor: Actor, input: EditActionInput, now = new Date()): Promise<{ id: string; accountId: string; changed: number }> {
  const { id, accountId } = await writableAction(actor, input.actionId);
  return db().$transaction(async (tx) => {
    const before = await tx.action.findUniqueOrThrow({ where: { id } });
    if (before.status !== "OPEN") throw new InputConflictError("That action is closed: it can no longer be changed.");
    await checkOwner(tx, accountId, input.ownerId);
    // A due date kept as it was may lie in the past (the action is overdue): only a new one is checked.
    if (before.dueDate.getTime() !== input.dueDate.getTime()) checkDue(input.dueDate, now);
    const after = await tx.action.update({
      where: { id },
      data: { title: input.title, ownerId: input.ownerId, dueDate: input.dueDate, visibleToClient: input.visibleToClient, updatedAt: now },
    });
    const details = changedFields(before, after) as { before: object };
    const changed = Object.keys(details.before).length;
    if (changed) await recordAudit(tx, { actorId: actor.id, action: "action.updated", entityType: "Action", entityId: id, accountId, details });
    return { id, accountId, changed };
  });
}

/** Closes an open action as done or dropped, with what was done; once (a second close is refused). */
export async function closeAction(actor: Actor, input: CloseActionInput, now = new Date()): Promise<{ id: string; accountId: string; status: ActionStatus }> {
  const { id, accountId } = await writableAction(actor, input.actionId);
  return db().$transaction(async (tx) => {
    // Conditional: of two closes at once, one wins and the other is told.
    const closed = await tx.action.updateMany({
      where: { id, status: "OPEN" },
      data: { status: input.status, outcome: input.outcome, visibleToClient: input.visibleToClient, closedById: actor.id, closedAt: now, updatedAt: now },
    });
    if (closed.count === 0) throw new InputConflictError("That action is already closed.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "action.closed",
      entityType: "Action",
      entityId: id,
      accountId,
      details: auditJson({ before: { status: "OPEN" }, after: { status: input.status, outcome: input.outcome, visibleToClient: input.visibleToClient, closedAt: now } }),
    });
    return { id, accountId, status: input.status };
  });
}

/**
 * The account's action plan. IT with full access: open actions (soonest due first, overdue
 * marked) and the latest closed ones. A client of the account: only "you said, we did" (done and
 * visible to them), without IT's names. Others: not found.
 */
export async function getActionPlan(actor: Actor, accountId: string, now = new Date()) {
  const access = await openAccount(actor, accountId);
  const today = startOfDay(now);
  if (access === "client") return { access, open: [], closed: [], youSaidWeDid: await youSaidWeDid(accountId) };
  const [open, closed] = await Promise.all([
    db().action.findMany({ where: { accountId, status: "OPEN" }, orderBy: [{ dueDate: "asc" }, { id: "asc" }], take: OPEN_LISTED, select: actionSelect }),
    db().action.findMany({ where: { accountId, status: { not: "OPEN" } }, orderBy: [{ closedAt: "desc" }, { id: "desc" }], take: 50, select: actionSelect }),
  ]);
  return { access, open: open.map(withOverdue(today)), closed: closed.map(withOverdue(today)), youSaidWeDid: null };
}

export type ActionPlan = Awaited<ReturnType<typeof getActionPlan>>;

/**
 * The account overview's action plan (IT with full access: anyone else gets 404): the open
 * actions as getActionPlan orders them, with what the overview shows of each. One statement, the
 * owner's name joined in, where the whole plan reads three users per action (Prisma reads each
 * relation with a statement of its own): three statements fewer on every account page.
 */
export async function getOpenActionsSummary(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const today = startOfDay(now);
  const rows = await db().$queryRaw<{ id: string; title: string; due_date: Date; owner_name: string }[]>`
    SELECT a.id, a.title, a.due_date, u.name AS owner_name FROM actions a JOIN users u ON u.id = a.owner_id
    WHERE a.account_id = ${accountId} AND a.status = 'OPEN'
    ORDER BY a.due_date, a.id LIMIT ${OPEN_LISTED}`;
  return rows.map((row) => {
    const dueDate = new Date(row.due_date);
    return { id: row.id, title: row.title, dueDate, owner: { name: row.owner_name }, overdue: isOverdue({ status: "OPEN", dueDate }, today) };
  });
}

/** What a client may see of the actions: done and marked visible. */
export const youSaidWeDidWhere = { status: "DONE", visibleToClient: true } satisfies Prisma.ActionWhereInput;

/** "You said, we did", newest first, without IT's names. */
async function youSaidWeDid(accountId: string, limit = 50) {
  return db().action.findMany({
    where: { accountId, ...youSaidWeDidWhere },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, title: true, outcome: true, closedAt: true },
  });
}

/** Where clause for the accounts on which the actor has full access (the portfolio's, the worklist's). */
function fullAccessAccounts(actor: Actor): Prisma.AccountWhereInput | null {
  switch (actor.role) {
    case "ADMIN":
    case "CIO":
      return {};
    case "RELATIONSHIP_MANAGER":
      return { relationshipManagerId: actor.id };
    case "CLIENT":
      return null;
  }
}

/**
 * Open actions past their due date, per account, for the portfolio (issue 10 §1). Counts only for
 * accounts the actor has full access to (an RM's summary rows of other units get none); accounts
 * without overdue actions are absent from the map. One grouped query.
 */
export async function overdueActionCounts(actor: Actor, accountIds: readonly string[], now = new Date()): Promise<Map<string, number>> {
  const visible = fullAccessAccounts(actor);
  if (!visible || accountIds.length === 0) return new Map();
  const rows = await db().action.groupBy({
    by: ["accountId"],
    where: { accountId: { in: [...accountIds] }, status: "OPEN", dueDate: { lt: startOfDay(now) }, account: visible },
    _count: { _all: true },
  });
  return new Map(rows.map((row) => [row.accountId, row._count._all]));
}

/**
 * The open actions a person owns, soonest due first, overdue marked, with their account: the
 * worklist's "actions assigned to me" (issue 10 §2). A person sees their own; the CIO and admins
 * anyone's. Only accounts the viewer has full access to.
 */
export async function actionsAssignedTo(actor: Actor, userId: string, now = new Date(), { limit = 200 }: { limit?: number } = {}) {
  if (actor.id !== userId && !managesAccounts(actor)) throw new ForbiddenError("You can only see your own actions.");
  const visible = fullAccessAccounts(actor);
  if (!visible) return [];
  const rows = await db().action.findMany({
    where: { ownerId: userId, status: "OPEN", account: visible },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    take: limit,
    select: { ...actionSelect, account: { select: { id: true, name: true } } },
  });
  const today = startOfDay(now);
  return rows.map((row) => ({ ...row, overdue: row.dueDate < today, daysOverdue: Math.max(0, Math.round((today.getTime() - row.dueDate.getTime()) / DAY)) }));
}

/**
 * Actions closed in [since, until), newest first, for the reports (issue 10 §5): with `accountId`,
 * that account's (IT with full access: done and dropped, with outcomes; its client: "you said, we
 * did" only); without, every account the actor has full access to. `clientView` gives IT the
 * client's selection (what a report sent to the unit may show).
 */
export async function closedActions(
  actor: Actor,
  { accountId, since, until, clientView = false, limit = 500 }: { accountId?: string; since: Date; until: Date; clientView?: boolean; limit?: number },
) {
  let scope: Prisma.ActionWhereInput;
  let forClient = clientView;
  if (accountId) {
    forClient ||= (await openAccount(actor, accountId)) === "client";
    scope = { accountId };
  } else {
    const visible = fullAccessAccounts(actor);
    if (!visible) throw new ForbiddenError();
    scope = { account: visible };
  }
  return db().action.findMany({
    where: { ...scope, ...(forClient ? youSaidWeDidWhere : { status: { not: "OPEN" } }), closedAt: { gte: since, lt: until } },
    orderBy: [{ closedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, accountId: true, title: true, outcome: true, closedAt: true, status: true, visibleToClient: true, treatmentId: true },
  });
}
