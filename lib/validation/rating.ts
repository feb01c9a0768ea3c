import { z } from "zod";
import { blankToUndefined, idSchema, intInRange, optionalText, storableString } from "./fields";

export const RATING_DIMENSIONS = [
  { key: "responsiveness", label: "Responsiveness" },
  { key: "delivery", label: "Delivery" },
  { key: "communication", label: "Communication" },
  { key: "businessUnderstanding", label: "Understanding of our business" },
  { key: "trust", label: "Trust" },
] as const;

const dimension = (label: string) => z.preprocess(blankToUndefined, intInRange(label, 1, 5).optional());

/** What every rating form asks, in the app or through an emailed link. */
const ratingScores = {
  overall: intInRange("Overall satisfaction", 1, 5),
  recommend: intInRange("Likelihood to recommend", 0, 10),
  responsiveness: dimension("Responsiveness"),
  delivery: dimension("Delivery"),
  communication: dimension("Communication"),
  businessUnderstanding: dimension("Understanding of the business"),
  trust: dimension("Trust"),
  comment: z.preprocess(blankToUndefined, storableString("The comment").trim().max(2000, { error: "The comment must be at most 2,000 characters" }).default("")),
  /** Generated when the form is shown; a retried submission carries the same key and is stored once. */
  idempotencyKey: z.uuid({ error: "The form is out of date: reload the page and try again" }),
};

export const ratingInputSchema = z.object({ accountId: idSchema, ...ratingScores });

export type RatingInput = z.infer<typeof ratingInputSchema>;

/** A client withdraws a rating they gave; the reason is theirs to give or not. */
export const withdrawRatingSchema = z.object({
  ratingId: idSchema,
  reason: optionalText("The reason", 500),
});

export type WithdrawRating = z.infer<typeof withdrawRatingSchema>;

/** A rating link's token: 43 URL-safe characters (lib/campaigns/tokens). Anything else names no invitation. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "This link is not valid" });

/** One core system's row of the scorecard: both answers or neither (a system the person does not use). */
export const serviceScoreInputSchema = z
  .object({
    coreSystemId: idSchema,
    importance: z.preprocess(blankToUndefined, intInRange("Importance", 1, 5).optional()),
    satisfaction: z.preprocess(blankToUndefined, intInRange("Satisfaction", 1, 5).optional()),
  })
  .superRefine((row, context) => {
    if (row.importance !== undefined && row.satisfaction === undefined) context.addIssue({ code: "custom", path: ["satisfaction"], message: "Give satisfaction too, or leave both blank" });
    if (row.satisfaction !== undefined && row.importance === undefined) context.addIssue({ code: "custom", path: ["importance"], message: "Give importance too, or leave both blank" });
  });

/** A rating given through an emailed link (no sign-in: the token is the credential). */
export const invitationRatingSchema = z.object({
  token: linkTokenSchema,
  ...ratingScores,
  systems: z.array(serviceScoreInputSchema).max(99, { error: "Too many systems" }).default([]),
});

export type InvitationRatingInput = z.infer<typeof invitationRatingSchema>;

/** An unsubscribe link's token (`<contactId>.<mac>`), checked by lib/campaigns/tokens. */
export const unsubscribeTokenSchema = z.string().regex(/^[a-z0-9]{20,40}\.[A-Za-z0-9_-]{43}$/, { error: "This link is not valid" });

export const unsubscribeFormSchema = z.object({ token: unsubscribeTokenSchema });
