import { z } from "zod";
import { Criticality, HealthTrend, Stage } from "../generated/prisma/enums";

// A portfolio row has one shape per access level (decision 002, made exact by 016). Rows are
// parsed through these schemas before they leave the data layer, so a column added to the query
// never reaches a viewer whose level does not name it: zod drops unknown keys.

const override = {
  stage: z.enum(Stage),
  byName: z.string().nullable(),
  expiresAt: z.date(),
};

/**
 * "summary" (another manager's unit): name, stage, score, owner, criticality, and the facts the
 * portfolio sorts by (since when in the stage, where it is heading), so sorting reveals nothing
 * the row does not show. An override in force shows its stage but never its reason.
 */
export const portfolioSummaryRowSchema = z.object({
  id: z.string(),
  access: z.literal("summary"),
  name: z.string(),
  criticality: z.enum(Criticality),
  healthStage: z.enum(Stage),
  healthScore: z.number().int().nullable(),
  healthSince: z.date().nullable(),
  healthTrend: z.enum(HealthTrend),
  healthRisk: z.number().nullable(),
  relationshipManager: z.object({ name: z.string() }).nullable(),
  mine: z.literal(false),
  canOpen: z.literal(false),
  override: z.object({ ...override, reason: z.null() }).nullable(),
});

/**
 * "full" (CIO, admin, the unit's own manager): the summary plus the account's own description,
 * sponsor and cadence, and the working facts of the relationship (issue 10): when IT last met the
 * unit, its last rating, IT's overdue commitments and actions, and its response rate. Those are the candid
 * records 002 keeps from other managers, so the summary has none of them and sorting by them puts
 * another manager's units last, in name order (decision 021).
 */
export const portfolioFullRowSchema = portfolioSummaryRowSchema.extend({
  access: z.literal("full"),
  mine: z.boolean(),
  canOpen: z.literal(true),
  description: z.string(),
  meetingCadenceDays: z.number().int().nullable(),
  sponsor: z.object({ id: z.string(), name: z.string(), title: z.string().nullable() }).nullable(),
  healthComputedAt: z.date().nullable(),
  override: z.object({ ...override, reason: z.string() }).nullable(),
  lastMetAt: z.date().nullable(),
  lastRating: z.object({ overall: z.number().int(), at: z.date() }).nullable(),
  /** Follow-ups IT owes, open past their due day. */
  itOverdue: z.number().int(),
  /** Open actions of the unit's action plan past their due day (lib/data/actions.ts). */
  actionsOverdue: z.number().int(),
  /** Answered of emailed over every campaign round; null when nobody was emailed. */
  responseRate: z.object({ answered: z.number().int(), invited: z.number().int() }).nullable(),
});

export const portfolioRowSchema = z.discriminatedUnion("access", [portfolioFullRowSchema, portfolioSummaryRowSchema]);
export type PortfolioRow = z.infer<typeof portfolioRowSchema>;
