import { db as appDb } from "../db/client";
import type { Prisma, PrismaClient, TaskStatus } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import type { Tx } from "./audit";
import { ForbiddenError, NotFoundError } from "./errors";
import type { Actor } from "./permissions";

// Progress of long background work (re-diagnosing every account, re-detecting phrases), kept in
// task_runs so that any app instance can show it. The writers take a client and no actor: the
// job handlers (and scripts) call them. No "server-only" marker for that reason; the readers
// check the actor themselves.

type Client = PrismaClient | Tx;

export interface TaskRunView {
  id: string;
  kind: string;
  status: TaskStatus;
  total: number | null;
  done: number;
  /** What it was started with and what it found, as the job wrote it. */
  detail: Record<string, unknown>;
  error: string | null;
  createdByName: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const viewSelect = {
  id: true,
  kind: true,
  status: true,
  total: true,
  done: true,
  detail: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.TaskRunSelect;

type Row = Prisma.TaskRunGetPayload<{ select: typeof viewSelect }>;

const toView = ({ createdBy, detail, ...row }: Row): TaskRunView => ({
  ...row,
  detail: detail && typeof detail === "object" && !Array.isArray(detail) ? (detail as Record<string, unknown>) : {},
  createdByName: createdBy?.name ?? null,
});

/** Who sees background work and its progress: IT leadership. */
export const seesTaskRuns = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";

/** A run about to be queued (QUEUED), or one starting now (`status: "RUNNING"`). */
export async function startTaskRun(
  db: Client,
  { kind, total, createdById, detail, status = "QUEUED" }: { kind: string; total?: number; createdById?: string | null; detail?: Prisma.InputJsonObject; status?: "QUEUED" | "RUNNING" },
): Promise<{ id: string }> {
  return db.taskRun.create({
    data: { kind, status, total: total ?? null, createdById: createdById ?? null, detail: detail ?? {}, startedAt: status === "RUNNING" ? new Date() : null },
    select: { id: true },
  });
}

/**
 * Claims every QUEUED run of `kind` for the job starting now (marks them RUNNING): a run asked for
 * while another waited is done by the one that starts next. Returns their ids.
 */
export async function claimQueuedTaskRuns(db: Client, kind: string, total?: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    UPDATE task_runs SET status = 'RUNNING', started_at = ${new Date()}, total = coalesce(${total ?? null}::int, total)
    WHERE kind = ${kind} AND status = 'QUEUED'
    RETURNING id`;
  return rows.map((row) => row.id);
}

/** Items done so far (and the total once known). Never moves a finished run. */
export async function reportProgress(db: Client, id: string | string[], done: number, total?: number): Promise<void> {
  const ids = Array.isArray(id) ? id : [id];
  if (ids.length === 0) return;
  await db.taskRun.updateMany({
    where: { id: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } },
    data: { done, status: "RUNNING", ...(total === undefined ? {} : { total }) },
  });
}

/** Ends a run; `detail` is merged into what it was started with (what the run did). */
export async function finishTaskRun(
  db: Client,
  id: string | string[],
  { status, detail, error }: { status: "SUCCEEDED" | "FAILED"; detail?: Prisma.InputJsonObject; error?: string },
): Promise<void> {
  const ids = Array.isArray(id) ? id : [id];
  await db.$executeRaw`
    UPDATE task_runs SET status = ${status}::"TaskStatus", finished_at = ${new Date()}, error = ${error ?? null},
      detail = detail || ${JSON.stringify(detail ?? {})}::jsonb
    WHERE id = ANY(${ids}::text[])`;
}

function assertSees(actor: Actor) {
  if (!seesTaskRuns(actor)) throw new ForbiddenError("Only the CIO and administrators see background work.");
}

/** One run, for the progress display. A malformed or unknown id is not found. */
export async function taskRunById(actor: Actor, id: string): Promise<TaskRunView> {
  assertSees(actor);
  const parsed = idSchema.safeParse(id);
  const row = parsed.success ? await appDb().taskRun.findUnique({ where: { id: parsed.data }, select: viewSelect }) : null;
  if (!row) throw new NotFoundError("task");
  return toView(row);
}

/** The latest runs, newest first, of one kind or all. */
export async function recentTaskRuns(actor: Actor, kind?: string, limit = 10): Promise<TaskRunView[]> {
  assertSees(actor);
  const rows = await appDb().taskRun.findMany({ where: kind ? { kind } : {}, orderBy: { createdAt: "desc" }, take: limit, select: viewSelect });
  return rows.map(toView);
}
