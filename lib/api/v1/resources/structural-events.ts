import { z } from "zod";
import { structuralEventList } from "../../../data/api-lists/it-record-lists";
import { structuralEventKind } from "../../../data/kinds/structural-event";
import { STRUCTURAL_KINDS } from "../../../scoring/enums";
import { timestamp } from "../schemas";
import { recordOperations } from "./record-operations";

// Structural signs of breakdown (the unit's Structure tab): IT with full access to the unit.

const structuralEventSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    kind: z.enum(STRUCTURAL_KINDS),
    occurredAt: timestamp,
    resolvedAt: timestamp.nullable(),
    note: z.string(),
    size: z.number().int().nullable().meta({ description: "A shadow IT team's headcount." }),
    subject: z.string().nullable().meta({ description: "What outside consultants were engaged on." }),
    forced: z.boolean().nullable().meta({ description: "A change of IT leadership: whether it was forced." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "StructuralEvent" });

export const operations = recordOperations({
  kind: structuralEventKind,
  plural: "structural-events",
  singular: "structuralEvent",
  noun: "structural event",
  tag: "Structural events",
  time: "occurredAt",
  item: structuralEventSchema,
  list: structuralEventList,
  example: { kind: "SHADOW_IT_TEAM", occurredAt: "2026-10-01", size: 4, note: "Marketing hired its own developers" },
});
