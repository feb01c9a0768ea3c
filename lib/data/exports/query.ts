import { z } from "zod";
import { idSchema } from "../../validation/fields";

/** The filters every list export takes: one account (else every account the caller may see) and a time window. */
export const exportQuerySchema = z
  .object({
    accountId: idSchema.optional(),
    since: z.iso.date({ error: "Give the first day as YYYY-MM-DD." }).transform((day) => new Date(`${day}T00:00:00Z`)).optional(),
    until: z.iso.date({ error: "Give the last day as YYYY-MM-DD." }).transform((day) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)).optional(),
  })
  .strict()
  .refine((query) => !query.since || !query.until || query.since < query.until, { error: "The last day comes before the first.", path: ["until"] });

export type ExportQuery = z.infer<typeof exportQuerySchema>;
