import { z } from "zod";
import { Criticality, Stage } from "@/lib/generated/prisma/enums";

// GET /api/accounts/[id] per access level (decision 002; 016 makes the lists exact). Another
// manager's unit ("summary") answers 404 before this point, like a missing one.

const account = {
  id: z.string(),
  name: z.string(),
  description: z.string(),
  meetingCadenceDays: z.number().int().nullable(),
  archivedAt: z.date().nullable(),
  sponsor: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }).nullable(),
  relationshipManager: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
};

/** A client of the unit: who to talk to, never IT's diagnosis of them or their criticality to IT. */
export const clientAccountResponseSchema = z.object({
  access: z.literal("client"),
  account: z.object(account),
  health: z.null(),
  diagnosis: z.null(),
});

/** CIO, admin, the unit's own manager: everything, with the latest diagnosis. */
export const fullAccountResponseSchema = z.object({
  access: z.literal("full"),
  account: z.object({ ...account, criticality: z.enum(Criticality) }),
  health: z.object({ stage: z.enum(Stage), score: z.number().int().nullable(), since: z.date().nullable(), computedAt: z.date().nullable() }),
  diagnosis: z.record(z.string(), z.unknown()).nullable(),
  diagnosisError: z.string().optional(),
});

export const accountResponseSchema = z.discriminatedUnion("access", [fullAccountResponseSchema, clientAccountResponseSchema]);
