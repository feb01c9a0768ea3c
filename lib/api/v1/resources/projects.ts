import { z } from "zod";
import { projectList } from "../../../data/api-lists/it-record-lists";
import { projectKind } from "../../../data/kinds/project";
import { PROJECT_STATUSES } from "../../../scoring/enums";
import { timestamp } from "../schemas";
import { recordOperations } from "./record-operations";

// Projects (the unit's Delivery tab), with their status history: IT with full access to the unit.

const projectSchema = z
  .object({
    id: z.string(),
    accountId: z.string(),
    name: z.string(),
    description: z.string(),
    highProfile: z.boolean(),
    status: z.enum(PROJECT_STATUSES),
    plannedStart: timestamp.nullable(),
    plannedEnd: timestamp,
    actualEnd: timestamp.nullable(),
    budget: z.number().nullable(),
    actualCost: z.number().nullable().meta({ description: "Spent so far, or the forecast at completion." }),
    scopeDeliveredPercent: z.number().int().nullable(),
    statusChanges: z.array(z.object({ status: z.enum(PROJECT_STATUSES), changedAt: timestamp, note: z.string() })).meta({ description: "Every status it had, oldest first." }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Project" });

export const operations = recordOperations({
  kind: projectKind,
  plural: "projects",
  singular: "project",
  noun: "project",
  tag: "Projects",
  time: "plannedEnd",
  item: projectSchema,
  list: projectList,
  example: { name: "New ledger", status: "IN_PROGRESS", highProfile: true, plannedEnd: "2027-03-31", budget: 120000 },
});
