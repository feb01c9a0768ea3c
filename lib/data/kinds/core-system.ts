import "server-only";
import { coreSystemInputSchema } from "../../validation/core-system";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";

/** The unit's core systems (001's "trains and buses"); SLA periods and incidents name them. */
export const coreSystemKind: RecordKind<typeof coreSystemInputSchema> = {
  entityType: "CoreSystem",
  label: "core system",
  schema: coreSystemInputSchema,
  table: (tx) => tx.coreSystem as unknown as RecordTable,
  toData: (input) => input,
  // One name per system among the unit's live ones; a deleted system frees its name.
  check: async (input, { tx, accountId, recordId }) => {
    const twin = await tx.coreSystem.findFirst({
      where: { accountId, deletedAt: null, name: { equals: input.name, mode: "insensitive" }, ...(recordId ? { id: { not: recordId } } : {}) },
      select: { id: true },
    });
    if (twin) {
      const message = `This unit already has a core system called ${input.name}.`;
      throw new InputConflictError(message, { name: [message] });
    }
  },
};
