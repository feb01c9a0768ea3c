import "server-only";
import type { RecordKind, RecordTable } from "../records";
import { analystLayerCountInputSchema } from "../../validation/structure";

/** Layers of analysts between users and developers, as counted on a date (001: "a hopeless game of telephone"). */
export const analystLayerCountKind: RecordKind<typeof analystLayerCountInputSchema> = {
  entityType: "AnalystLayerCount",
  label: "analyst layer count",
  schema: analystLayerCountInputSchema,
  table: (tx) => tx.analystLayerCount as unknown as RecordTable,
  toData: (count) => count,
};
