import "server-only";
import type { RecordKind, RecordTable } from "../records";
import { goalInputSchema } from "../../validation/goal";

/** A goal agreed with the business (002: clear, measurable, regularly reviewed). */
export const goalKind: RecordKind<typeof goalInputSchema> = {
  entityType: "Goal",
  label: "goal",
  schema: goalInputSchema,
  table: (tx) => tx.goal as unknown as RecordTable,
  toData: (goal) => goal,
};
