import "server-only";
import { epochInputSchema } from "../../validation/epoch";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";

/**
 * A new epoch of the unit's relationship. Two epochs cannot start on the same day (the second
 * would hide the first); the recorder is whoever created it.
 */
export const epochKind: RecordKind<typeof epochInputSchema> = {
  entityType: "AccountEpoch",
  label: "epoch",
  schema: epochInputSchema,
  table: (tx) => tx.accountEpoch as unknown as RecordTable,
  toData: (epoch, { actor }) => ({ ...epoch, recordedById: actor.id }),
  check: async ({ startsAt }, { tx, accountId }) => {
    const twin = await tx.accountEpoch.findFirst({ where: { accountId, startsAt, deletedAt: null }, select: { id: true } });
    if (twin) {
      const message = "An epoch already starts on that day: choose another day, or delete that epoch first.";
      throw new InputConflictError(message, { startsAt: [message] });
    }
  },
};
