import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { NotFoundError } from "./errors";
import { type Actor, canLogInteraction } from "./permissions";
import { visibleRecord } from "./record-access";

// Reads for the account's Delivery section (IT only: a client or another manager gets 404).

const DAY_MS = 86_400_000;

const projectSelect = {
  id: true,
  accountId: true,
  name: true,
  description: true,
  highProfile: true,
  status: true,
  plannedStart: true,
  plannedEnd: true,
  actualEnd: true,
  budget: true,
  actualCost: true,
  scopeDeliveredPercent: true,
  statusChanges: {
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
    select: { id: true, status: true, changedAt: true, note: true, changedBy: { select: { name: true } } },
  },
} satisfies Prisma.ProjectSelect;

type ProjectRow = Prisma.ProjectGetPayload<{ select: typeof projectSelect }>;

/**
 * The numbers a person reads off a project, for display only: the diagnosis judges them.
 * `daysLate`: delivered or cancelled, days after the planned end (negative: early); under way,
 * days past the planned end so far, or null before it. `costRatio`: actual cost over budget.
 */
function withFigures(p: ProjectRow, now: Date) {
  const budget = p.budget === null ? null : Number(p.budget);
  const actualCost = p.actualCost === null ? null : Number(p.actualCost);
  const end = p.actualEnd ?? (now > p.plannedEnd ? now : null);
  return {
    ...p,
    budget,
    actualCost,
    daysLate: end ? Math.floor((end.getTime() - p.plannedEnd.getTime()) / DAY_MS) : null,
    costRatio: budget && actualCost !== null ? actualCost / budget : null,
  };
}

export type ProjectView = ReturnType<typeof withFigures>;

/** The account's live projects, latest planned end first, each with its status history. */
export async function listProjects(actor: Actor, accountId: string, now = new Date()): Promise<ProjectView[]> {
  await openAccount(actor, accountId, canLogInteraction);
  const rows = await db().project.findMany({
    where: { accountId, deletedAt: null },
    orderBy: [{ plannedEnd: "desc" }, { id: "asc" }],
    select: projectSelect,
  });
  return rows.map((row) => withFigures(row, now));
}

/** One live project, for its edit page. */
export async function getProject(actor: Actor, projectId: string, now = new Date()): Promise<ProjectView> {
  const id = idSchema.safeParse(projectId);
  if (!id.success) throw new NotFoundError("project");
  const row = await db().project.findFirst({ where: { id: id.data, deletedAt: null }, select: projectSelect });
  return withFigures(await visibleRecord(actor, row, "project"), now);
}
