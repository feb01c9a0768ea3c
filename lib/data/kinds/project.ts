import "server-only";
import type { RecordKind, RecordTable } from "../records";
import { projectInputSchema } from "../../validation/project";

/** Projects (001's high-profile failure), with a status history written on every status change. */
export const projectKind: RecordKind<typeof projectInputSchema> = {
  entityType: "Project",
  label: "project",
  schema: projectInputSchema,
  table: (tx) => tx.project as unknown as RecordTable,
  toData: ({ statusNote: _note, ...project }) => project,
  afterWrite: async (row, before, input, { tx, actor, now }) => {
    if (before && before.status === row.status) return;
    await tx.projectStatusChange.create({
      data: { projectId: row.id, status: row.status as never, changedAt: now, changedById: actor.id, note: input.statusNote },
    });
  },
};
