import "server-only";
import { slaPeriodInputSchema } from "../../validation/sla";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";
import { assertCoreSystemOfAccount, findSlaPeriod } from "../reliability";

/** A core system's service level over one period; one record per system and period. */
export const slaPeriodKind: RecordKind<typeof slaPeriodInputSchema> = {
  entityType: "SlaPeriod",
  label: "SLA period",
  schema: slaPeriodInputSchema,
  table: (tx) => tx.slaPeriod as unknown as RecordTable,
  toData: (period) => period,
  check: async (period, { tx, accountId, recordId }) => {
    await assertCoreSystemOfAccount(tx, accountId, period.coreSystemId);
    // Two records of one period would count it twice in the diagnosis.
    if (await findSlaPeriod(tx, accountId, period, recordId)) {
      throw new InputConflictError("This period is already recorded for this system: correct that record instead.", {
        periodStart: ["Already recorded for this system"],
      });
    }
  },
};
