import { z } from "zod";
import type { CancelledBy, InteractionOutcome } from "../scoring/enums";
import { INTERACTION_TYPES, SENTIMENTS } from "../scoring/enums";
import { blankToUndefined, dateOnly, dateTime, idSchema, optionalText, sideSchema, storableString, trimmed, yesNoUnknown } from "./fields";

/** Clock skew allowed between the browser and the server. */
const SKEW_MS = 5 * 60_000;

/** "yes" / "no" / "" (not applicable). */
const yesNoNotApplicable = yesNoUnknown("Choose yes, no or not applicable");

/** An instant with its offset, as the form sends the browser's time (ISO 8601); never in the future. */
const occurredAtSchema = dateTime("when it happened").refine((date) => date.getTime() <= Date.now() + SKEW_MS, {
  error: "Log interactions once they have happened: this time is in the future",
});

const DAY = 86_400_000;
/** A follow-up is owed within two years: anything later is a typo (2062 for 2026) or a wish, not a commitment. */
export const MAX_FOLLOW_UP_DAYS = 731;
/** A follow-up is not due before the day of the interaction it came from (a day's margin for time zones east of UTC). */
const DUE_MARGIN_DAYS = 1;

/** Why a follow-up cannot be due on `due` (midnight UTC) when agreed at `from`, or null. */
export function dueDateProblem(due: Date, from: Date): string | null {
  const fromDay = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  if (due.getTime() < fromDay - DUE_MARGIN_DAYS * DAY) return "A follow-up cannot be due before the interaction it came from";
  if (due.getTime() > from.getTime() + MAX_FOLLOW_UP_DAYS * DAY) return "A follow-up must be due within two years";
  return null;
}

/** A due day as "YYYY-MM-DD" (what the data layer stores), checked strictly as a real calendar day. */
const dueDateSchema = dateOnly("a due date").transform((day) => day.toISOString().slice(0, 10));

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

const followUpFields = { description: trimmed("What is owed", 3, 500), owedBy: sideSchema, dueDate: dueDateSchema };

/**
 * A follow-up corrected on its own: its interaction's time is not in the form, so the due date is
 * bounded by today (the interaction forms bound it by the interaction's time).
 */
export const followUpInputSchema = z.object(followUpFields).superRefine((followUp, ctx) => {
  const due = new Date(`${followUp.dueDate}T00:00:00Z`);
  if (due.getTime() > Date.now() + MAX_FOLLOW_UP_DAYS * DAY) ctx.addIssue({ code: "custom", path: ["dueDate"], message: "A follow-up must be due within two years" });
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
  // The client reads it on their view of the account; the summary and notes are IT's own.
  topic: optionalText("Topic", 200),
  notes: z.preprocess(blankToUndefined, storableString("Notes").trim().max(20_000, { error: "Notes must be at most 20,000 characters" }).default("")),
  sentiment: z.enum(SENTIMENTS, { error: "Choose the sentiment" }),
  itOnTime: yesNoNotApplicable,
  itPrepared: yesNoNotApplicable,
  whatHappened: z.enum(WHAT_HAPPENED_KEYS, { error: "Choose what happened" }).default("HELD"),
  attendeeContactIds: z.array(idSchema).max(50).default([]),
  attendeeUserIds: z.array(idSchema).max(50).default([]),
};

/** Each follow-up's due date against the interaction's time (runs even when a field failed: checks only what parsed). */
function dueDatesAfterOccurrence(input: { occurredAt: unknown; followUps: unknown }, ctx: z.RefinementCtx) {
  if (!(input.occurredAt instanceof Date) || !Array.isArray(input.followUps)) return;
  input.followUps.forEach((row: { dueDate?: unknown }, index) => {
    const due = dueDateSchema.safeParse(row?.dueDate);
    if (!due.success) return;
    const problem = dueDateProblem(new Date(`${due.data}T00:00:00Z`), input.occurredAt as Date);
    if (problem) ctx.addIssue({ code: "custom", path: ["followUps", index, "dueDate"], message: problem });
  });
}

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
    followUps: z.array(z.object({ ...followUpFields, ...newRow })).max(50, { error: "At most 50 follow-ups" }).default([]),
  })
  .superRefine(dueDatesAfterOccurrence)
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
    followUps: z.array(z.object({ ...followUpFields, ...storedRow })).max(50, { error: "At most 50 follow-ups" }).default([]),
  })
  .superRefine(dueDatesAfterOccurrence)
  .transform(toOutcome);

export type InteractionEdit = z.infer<typeof interactionEditSchema>;

/** One quote or follow-up row as both forms post it. */
export type QuoteRowInput = NonNullable<z.input<typeof interactionEditSchema>["quotes"]>[number];
export type FollowUpRowInput = NonNullable<z.input<typeof interactionEditSchema>["followUps"]>[number];
