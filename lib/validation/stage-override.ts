import { z } from "zod";
import { STAGES } from "../scoring/enums";
import { dateOnly, idSchema, trimmed } from "./fields";

// A human's manual stage for an account (the CIO or its relationship manager disagreeing with the
// engine): a stage, why, and the last day it holds. It lapses after that day, so the engine speaks again.

const DAY = 86_400_000;
/** An override is a considered exception, revisited at least yearly. */
export const MAX_OVERRIDE_DAYS = 366;

/** The form picks the last day the override holds; it lapses at the end of that day (UTC). */
export const endOfDay = (day: Date) => new Date(day.getTime() + DAY);
/** The day an override's `expiresAt` was chosen as: "until 15 Jan 2027". */
export const lastDayOf = (expiresAt: Date) => new Date(expiresAt.getTime() - DAY);

/** Why this expiry cannot be set at `now`, or null. Shared by the form (browser clock) and the data layer (its `now`). */
export function overrideExpiryProblem(expiresAt: Date, now: Date): string | null {
  if (expiresAt.getTime() <= now.getTime()) return "Choose a day from today on: the override must hold for a while";
  if (expiresAt.getTime() > now.getTime() + MAX_OVERRIDE_DAYS * DAY) return "Choose a day within a year: an override is revisited at least yearly";
  return null;
}

export const setStageOverrideSchema = z
  .object({
    accountId: idSchema,
    stage: z.enum(STAGES, { error: "Choose the stage you judge the relationship to be at" }),
    until: dateOnly("the last day the override holds").superRefine((day, ctx) => {
      const problem = overrideExpiryProblem(endOfDay(day), new Date());
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    reason: trimmed("The reason", 10, 1000),
  })
  .transform(({ until, ...input }) => ({ ...input, expiresAt: endOfDay(until) }));

export const endStageOverrideSchema = z.object({
  overrideId: idSchema,
  reason: trimmed("The reason", 3, 500),
});

export type StageOverrideInput = z.output<typeof setStageOverrideSchema>;
