import { z } from "zod";
import type { CancelledBy, InteractionOutcome } from "../scoring/enums";
import { INTERACTION_TYPES, SENTIMENTS } from "../scoring/enums";
import { blankToUndefined, idSchema, sideSchema, trimmed, yesNoUnknown } from "./fields";

/** Clock skew allowed between the browser and the server. */
const SKEW_MS = 5 * 60_000;

/** "yes" / "no" / "" (not applicable). */
const yesNoNotApplicable = yesNoUnknown("Choose yes, no or not applicable");

/** A date-time as ISO 8601 (with offset) or the browser's local "YYYY-MM-DDTHH:mm" plus its offset. */
const occurredAtSchema = z.coerce
  .date({ error: "Enter when it happened" })
  .refine((date) => date.getTime() <= Date.now() + SKEW_MS, { error: "Log interactions once they have happened: this time is in the future" })
  .refine((date) => date.getUTCFullYear() >= 2000, { error: "Enter a date after the year 2000" });

/**
 * "What happened?": one choice for the person logging, stored as an outcome and the side that
 * missed it (001: "I've stopped answering the phone" is an unanswered call, not a cancellation).
 * Every choice is a valid pair, so a held interaction is missed by nobody and a missed one always
 * names a side.
 */
export const WHAT_HAPPENED = {
  HELD: { label: "Held", outcome: "HELD", cancelledBy: "NOBODY" },
  CANCELLED_BY_IT: { label: "Cancelled by IT", outcome: "CANCELLED", cancelledBy: "IT" },
  CANCELLED_BY_CLIENT: { label: "Cancelled by the client", outcome: "CANCELLED", cancelledBy: "CLIENT" },
  UNANSWERED_BY_IT: { label: "Unanswered by IT (the client called, IT did not answer)", outcome: "UNANSWERED", cancelledBy: "IT" },
  UNANSWERED_BY_CLIENT: { label: "Unanswered by the client", outcome: "UNANSWERED", cancelledBy: "CLIENT" },
  NO_SHOW_BY_IT: { label: "IT did not show", outcome: "NO_SHOW", cancelledBy: "IT" },
  NO_SHOW_BY_CLIENT: { label: "The client did not show", outcome: "NO_SHOW", cancelledBy: "CLIENT" },
} as const satisfies Record<string, { label: string; outcome: InteractionOutcome; cancelledBy: CancelledBy }>;

export type WhatHappened = keyof typeof WHAT_HAPPENED;
const WHAT_HAPPENED_KEYS = Object.keys(WHAT_HAPPENED) as [WhatHappened, ...WhatHappened[]];

/** The choice a stored outcome was made from (for the edit form and the timeline); null for a pair no choice makes. */
export function whatHappenedOf(outcome: InteractionOutcome, cancelledBy: CancelledBy): WhatHappened | null {
  return WHAT_HAPPENED_KEYS.find((key) => WHAT_HAPPENED[key].outcome === outcome && WHAT_HAPPENED[key].cancelledBy === cancelledBy) ?? null;
}

export const quoteInputSchema = z.object({
  side: sideSchema,
  text: trimmed("The quote", 2, 1000),
});

export const followUpInputSchema = z.object({
  description: trimmed("What is owed", 3, 500),
  owedBy: sideSchema,
  dueDate: z.iso.date({ error: "Enter a due date" }),
});

/**
 * Rows carry an id: in a correction, a stored quote or follow-up keeps its id and a new row has
 * none; a new interaction has only new rows. Both forms thus share one row shape.
 */
const storedRow = { id: z.preprocess(blankToUndefined, idSchema.optional()) };
const newRow = { id: z.preprocess(blankToUndefined, z.undefined({ error: "A new interaction has no stored quotes or follow-ups" }).optional()) };

const interactionFields = {
  type: z.enum(INTERACTION_TYPES, { error: "Choose the type of interaction" }),
  occurredAt: occurredAtSchema,
  summary: trimmed("Summary", 3, 200),
  notes: z.preprocess(blankToUndefined, z.string().trim().max(20_000, { error: "Notes must be at most 20,000 characters" }).default("")),
  sentiment: z.enum(SENTIMENTS, { error: "Choose the sentiment" }),
  itOnTime: yesNoNotApplicable,
  itPrepared: yesNoNotApplicable,
  whatHappened: z.enum(WHAT_HAPPENED_KEYS, { error: "Choose what happened" }).default("HELD"),
  attendeeContactIds: z.array(idSchema).max(50).default([]),
  attendeeUserIds: z.array(idSchema).max(50).default([]),
};

/** The choice becomes the stored pair: what the data layer writes and the diagnosis reads. */
function toOutcome<T extends { whatHappened: WhatHappened }>({ whatHappened, ...rest }: T) {
  const { outcome, cancelledBy } = WHAT_HAPPENED[whatHappened];
  return { ...rest, outcome, cancelledBy };
}

export const interactionInputSchema = z
  .object({
    accountId: idSchema,
    ...interactionFields,
    // A row the user added and left empty is reported at its position, not silently dropped.
    quotes: z.array(quoteInputSchema.extend(newRow)).max(50, { error: "At most 50 quotes" }).default([]),
    followUps: z.array(followUpInputSchema.extend(newRow)).max(50, { error: "At most 50 follow-ups" }).default([]),
  })
  .transform(toOutcome);

export type InteractionInput = z.infer<typeof interactionInputSchema>;

/**
 * A correction of a logged interaction: all its fields, and its quotes and follow-ups as rows.
 * Rows keep their ids; a row left out is removed (soft-deleted), a row without an id is new.
 */
export const interactionEditSchema = z
  .object({
    interactionId: idSchema,
    ...interactionFields,
    quotes: z.array(quoteInputSchema.extend(storedRow)).max(50, { error: "At most 50 quotes" }).default([]),
    followUps: z.array(followUpInputSchema.extend(storedRow)).max(50, { error: "At most 50 follow-ups" }).default([]),
  })
  .transform(toOutcome);

export type InteractionEdit = z.infer<typeof interactionEditSchema>;

/** One quote or follow-up row as both forms post it. */
export type QuoteRowInput = NonNullable<z.input<typeof interactionEditSchema>["quotes"]>[number];
export type FollowUpRowInput = NonNullable<z.input<typeof interactionEditSchema>["followUps"]>[number];
