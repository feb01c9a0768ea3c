import { z } from "zod";
import { CANCELLED_BY, INTERACTION_TYPES, SENTIMENTS } from "../scoring/enums";
import { blankToUndefined, idSchema, sideSchema, trimmed } from "./fields";

/** Clock skew allowed between the browser and the server. */
const SKEW_MS = 5 * 60_000;

/** "yes" / "no" / "" (not applicable) from a select, or a boolean/null from JSON. */
const yesNoUnknown = z.preprocess(
  (value) => (value === "yes" ? true : value === "no" ? false : value === "" || value === undefined ? null : value),
  z.boolean({ error: "Choose yes, no or not applicable" }).nullable(),
);

/** A date-time as ISO 8601 (with offset) or the browser's local "YYYY-MM-DDTHH:mm" plus its offset. */
const occurredAtSchema = z.coerce
  .date({ error: "Enter when it happened" })
  .refine((date) => date.getTime() <= Date.now() + SKEW_MS, { error: "Log interactions once they have happened: this time is in the future" })
  .refine((date) => date.getUTCFullYear() >= 2000, { error: "Enter a date after the year 2000" });

export const quoteInputSchema = z.object({
  side: sideSchema,
  text: trimmed("The quote", 2, 1000),
});

export const followUpInputSchema = z.object({
  description: trimmed("What is owed", 3, 500),
  owedBy: sideSchema,
  dueDate: z.iso.date({ error: "Enter a due date" }),
});

export const interactionInputSchema = z.object({
  accountId: idSchema,
  type: z.enum(INTERACTION_TYPES, { error: "Choose the type of interaction" }),
  occurredAt: occurredAtSchema,
  summary: trimmed("Summary", 3, 200),
  notes: z.preprocess(blankToUndefined, z.string().trim().max(20_000, { error: "Notes must be at most 20,000 characters" }).default("")),
  sentiment: z.enum(SENTIMENTS, { error: "Choose the sentiment" }),
  itOnTime: yesNoUnknown,
  itPrepared: yesNoUnknown,
  cancelledBy: z.enum(CANCELLED_BY, { error: "Choose who cancelled, or nobody" }).default("NOBODY"),
  attendeeContactIds: z.array(idSchema).max(50).default([]),
  attendeeUserIds: z.array(idSchema).max(50).default([]),
  // A row the user added and left empty is reported at its position, not silently dropped.
  quotes: z.array(quoteInputSchema).max(50, { error: "At most 50 quotes" }).default([]),
  followUps: z.array(followUpInputSchema).max(50, { error: "At most 50 follow-ups" }).default([]),
});

export type InteractionInput = z.infer<typeof interactionInputSchema>;
