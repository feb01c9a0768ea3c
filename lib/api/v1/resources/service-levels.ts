import { z } from "zod";
import { incidentList, slaPeriodList } from "../../../data/api-lists/it-record-lists";
import { incidentKind } from "../../../data/kinds/incident";
import { slaPeriodKind } from "../../../data/kinds/sla-period";
import { timestamp } from "../schemas";
import { recordOperations } from "./record-operations";

// Service levels and incidents (the unit's Reliability tab): IT with full access to the unit.

const slaPeriodSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    coreSystemId: z.string().nullable().meta({ description: "The core system; null: the unit's service as a whole." }),
    periodStart: timestamp,
    periodEnd: timestamp,
    targetPercent: z.number(),
    attainedPercent: z.number(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "SlaPeriod" });

const incidentSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    coreSystemId: z.string().nullable(),
    title: z.string(),
    externalRef: z.string().nullable().meta({ description: "The ITSM tool's ticket number, unique in the unit." }),
    occurredAt: timestamp,
    resolvedAt: timestamp.nullable(),
    major: z.boolean(),
    heardFromItFirst: z.boolean().nullable().meta({ description: "Whether the client heard of it from IT first; null: unknown." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Incident" });

export const operations = [
  ...recordOperations({
    kind: slaPeriodKind,
    plural: "sla-periods",
    singular: "slaPeriod",
    noun: "SLA period",
    tag: "Service levels",
    time: "periodStart",
    item: slaPeriodSchema,
    list: slaPeriodList,
    example: { coreSystemId: null, periodStart: "2026-11-01", periodEnd: "2026-11-30", targetPercent: 99.5, attainedPercent: 99.1 },
  }),
  ...recordOperations({
    kind: incidentKind,
    plural: "incidents",
    singular: "incident",
    noun: "incident",
    tag: "Service levels",
    time: "occurredAt",
    item: incidentSchema,
    list: incidentList,
    example: { title: "Payroll down", externalRef: "INC0012345", occurredAt: "2026-11-20T08:15:00Z", major: true, heardFromItFirst: "yes" },
  }),
];
