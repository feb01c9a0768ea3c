import { z } from "zod";
import type { Criticality } from "../generated/prisma/enums";
import { blankToUndefined, idSchema, optionalInt, optionalText, trimmed } from "./fields";

export const CRITICALITIES = ["LOW", "MEDIUM", "HIGH", "CRITICAL"] as const satisfies readonly Criticality[];

export const CRITICALITY_LABELS: Record<Criticality, string> = {
  LOW: "Low",
  MEDIUM: "Medium",
  HIGH: "High",
  CRITICAL: "Critical",
};

/** A choice that may be left empty ("no sponsor", "no relationship manager"): null. */
const optionalId = z.preprocess(blankToUndefined, idSchema.optional()).transform((id) => id ?? null);

/** What the new-unit form and the settings form share. */
const accountDetails = {
  name: trimmed("The unit's name", 2, 120),
  description: optionalText("The description", 2000),
  criticality: z.enum(CRITICALITIES, { error: "Choose how critical the unit is" }),
  /** The agreed meeting cadence in days; blank: not agreed (the diagnosis then has no cadence to hold IT to). */
  meetingCadenceDays: optionalInt("The meeting cadence", 1, 365),
};

export const newAccountInputSchema = z.object({ ...accountDetails, relationshipManagerId: optionalId });

export const accountUpdateInputSchema = z.object({ accountId: idSchema, ...accountDetails, sponsorContactId: optionalId });

/** No manager (null) leaves the unit unassigned, which the portfolio flags. */
export const assignManagerInputSchema = z.object({ accountId: idSchema, managerId: optionalId });

export const accountRefSchema = z.object({ accountId: idSchema });

export type NewAccountInput = z.output<typeof newAccountInputSchema>;
export type AccountUpdateInput = z.output<typeof accountUpdateInputSchema>;
