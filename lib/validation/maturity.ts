import { z } from "zod";
import type { MaturityLevel } from "../generated/prisma/enums";
import { optionalText } from "./fields";
import { newRecordFormSchema } from "./record-form";

// Relationship maturity, as business relationship practice names its levels (article 003: "evolve
// from an order-taking service provider to a trusted partner"), lowest first.

export const MATURITY_LEVELS = ["ORDER_TAKER", "SERVICE_PROVIDER", "TRUSTED_ADVISOR", "STRATEGIC_PARTNER"] as const satisfies readonly MaturityLevel[];

export const MATURITY_LABELS: Record<MaturityLevel, string> = {
  ORDER_TAKER: "Order taker",
  SERVICE_PROVIDER: "Service provider",
  TRUSTED_ADVISOR: "Trusted advisor",
  STRATEGIC_PARTNER: "Strategic partner",
};

/** What each level looks like from the business, so both sides answer the same question. */
export const MATURITY_DESCRIPTIONS: Record<MaturityLevel, string> = {
  ORDER_TAKER: "IT does what it is asked, when it is asked, and little more.",
  SERVICE_PROVIDER: "IT runs reliable services to agreed levels and delivers what was agreed.",
  TRUSTED_ADVISOR: "The unit asks IT's advice before it decides, and takes it.",
  STRATEGIC_PARTNER: "IT and the unit shape the unit's plans together.",
};

/** 0 for an order taker … 3 for a strategic partner: the gap between two views is a difference of ranks. */
export const maturityRank = (level: MaturityLevel) => MATURITY_LEVELS.indexOf(level);

export const maturityInputSchema = z.object({
  level: z.enum(MATURITY_LEVELS, { error: "Choose the level that describes the relationship today" }),
  note: optionalText("The note", 1000),
});

export const addMaturitySchema = newRecordFormSchema(maturityInputSchema);

export type MaturityInput = z.output<typeof maturityInputSchema>;
