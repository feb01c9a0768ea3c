import "server-only";
import { beforeInTime, keysetRows, newestFirst } from "../../csv/keyset";
import type { CsvExport } from "../../csv/route";
import { csvFilename } from "../../csv/stream";
import { db } from "../../db/client";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../permissions";
import type { ExportQuery } from "./query";
import { exportScope } from "./scope";

const select = {
  id: true,
  createdAt: true,
  title: true,
  treatmentId: true,
  dueDate: true,
  status: true,
  outcome: true,
  visibleToClient: true,
  closedAt: true,
  account: { select: { name: true } },
  owner: { select: { name: true } },
  createdBy: { select: { name: true } },
  closedBy: { select: { name: true } },
} satisfies Prisma.ActionSelect;

type Row = Prisma.ActionGetPayload<{ select: typeof select }>;

/**
 * Every action of the action plans the actor has full access to (IT's working records: a client
 * sees only "you said, we did" on the page, so clients get no export), newest first, open and
 * closed, created within the window.
 */
export async function exportActions(actor: Actor, query: ExportQuery): Promise<CsvExport<Row>> {
  const scope = await exportScope(actor, query.accountId, { clients: false });
  const where: Prisma.ActionWhereInput = { ...scope.where, createdAt: { gte: query.since, lt: query.until } };
  return {
    filename: csvFilename("actions"),
    columns: [
      { header: "created_at", value: (row) => row.createdAt },
      { header: "account", value: (row) => row.account.name },
      { header: "title", value: (row) => row.title },
      { header: "treatment", value: (row) => row.treatmentId },
      { header: "owner", value: (row) => row.owner.name },
      { header: "due_date", value: (row) => row.dueDate.toISOString().slice(0, 10) },
      { header: "status", value: (row) => row.status.toLowerCase() },
      { header: "outcome", value: (row) => row.outcome },
      { header: "visible_to_client", value: (row) => row.visibleToClient },
      { header: "created_by", value: (row) => row.createdBy?.name },
      { header: "closed_at", value: (row) => row.closedAt },
      { header: "closed_by", value: (row) => row.closedBy?.name },
    ],
    rows: keysetRows((after, take) => db().action.findMany({ where: { ...where, AND: [beforeInTime(after)] }, orderBy: newestFirst, take, select })),
  };
}
