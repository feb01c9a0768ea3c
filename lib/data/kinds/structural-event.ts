import "server-only";
import { InputConflictError } from "../errors";
import type { RecordKind, RecordTable } from "../records";
import { structuralEventInputSchema, structuralEventResolutionSchema } from "../../validation/structure";

/** Structural signs of breakdown (001): shadow IT, consultants, a leadership change, outsourcing, … */
export const structuralEventKind: RecordKind<typeof structuralEventInputSchema> = {
  entityType: "StructuralEvent",
  label: "structural event",
  schema: structuralEventInputSchema,
  table: (tx) => tx.structuralEvent as unknown as RecordTable,
  toData: (event) => event,
};

/**
 * "Mark resolved" writes one column of an existing event (an update only), audited like any
 * correction of it; a day before the event happened is refused.
 */
export const structuralEventResolutionKind: RecordKind<typeof structuralEventResolutionSchema> = {
  entityType: structuralEventKind.entityType,
  label: structuralEventKind.label,
  table: structuralEventKind.table,
  schema: structuralEventResolutionSchema,
  toData: ({ resolvedAt }) => ({ resolvedAt }),
  check: async ({ resolvedAt }, { tx, recordId }) => {
    const event = await tx.structuralEvent.findFirst({ where: { id: recordId, deletedAt: null }, select: { occurredAt: true } });
    if (event && resolvedAt < event.occurredAt) {
      throw new InputConflictError("It cannot be resolved before it happened.", { resolvedAt: ["It cannot be resolved before it happened"] });
    }
  },
};
