import "server-only";
import type { RecordKind, RecordTable } from "../records";
import { declinedRequestInputSchema } from "../../validation/declined-request";

/** A request IT declined (002: "IT just says no"), and whether the reason was explained to the business. */
export const declinedRequestKind: RecordKind<typeof declinedRequestInputSchema> = {
  entityType: "DeclinedRequest",
  label: "declined request",
  schema: declinedRequestInputSchema,
  table: (tx) => tx.declinedRequest as unknown as RecordTable,
  toData: (request) => request,
};
