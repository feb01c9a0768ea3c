import "server-only";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";
import { badNewsInputSchema } from "../../validation/bad-news";

/**
 * Bad news IT had to give (000: avoid a surprised client). The project must be one of this
 * account's, and whoever told the client one of IT's people.
 */
export const badNewsKind: RecordKind<typeof badNewsInputSchema> = {
  entityType: "BadNews",
  label: "bad news",
  schema: badNewsInputSchema,
  table: (tx) => tx.badNews as unknown as RecordTable,
  toData: (news) => news,
  check: async ({ projectId, toldById }, { tx, accountId }) => {
    if (projectId && !(await tx.project.findFirst({ where: { id: projectId, accountId, deletedAt: null }, select: { id: true } }))) {
      throw new InputConflictError("That project is not one of this unit's projects.", { projectId: ["Choose one of this unit's projects"] });
    }
    if (toldById && !(await tx.user.findFirst({ where: { id: toldById, role: { not: "CLIENT" } }, select: { id: true } }))) {
      throw new InputConflictError("Only someone in IT can be recorded as telling the client.", { toldById: ["Choose someone in IT"] });
    }
  },
};
