import "server-only";
import { incidentInputSchema } from "../../validation/incident";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";
import { assertCoreSystemOfAccount, findIncidentByRef } from "../reliability";

/** An incident on the unit's service; its ticket number, when given, is unique in the account. */
export const incidentKind: RecordKind<typeof incidentInputSchema> = {
  entityType: "Incident",
  label: "incident",
  schema: incidentInputSchema,
  table: (tx) => tx.incident as unknown as RecordTable,
  toData: (incident) => incident,
  check: async (incident, { tx, accountId, recordId }) => {
    await assertCoreSystemOfAccount(tx, accountId, incident.coreSystemId);
    // The CSV import recognises an incident by its ticket: two with one ticket would be ambiguous.
    if (incident.externalRef && (await findIncidentByRef(tx, accountId, incident.externalRef, recordId))) {
      throw new InputConflictError("An incident with this ticket number is already recorded: correct that record instead.", {
        externalRef: ["Already recorded"],
      });
    }
  },
};
