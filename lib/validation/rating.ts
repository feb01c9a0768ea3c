import { z } from "zod";
import { blankToUndefined, idSchema, intInRange, optionalText } from "./fields";

export const RATING_DIMENSIONS = [
  { key: "responsiveness", label: "Responsiveness" },
  { key: "delivery", label: "Delivery" },
  { key: "communication", label: "Communication" },
  { key: "businessUnderstanding", label: "Understanding of our business" },
  { key: "trust", label: "Trust" },
] as const;

const dimension = (label: string) => z.preprocess(blankToUndefined, intInRange(label, 1, 5).optional());

export const ratingInputSchema = z.object({
  accountId: idSchema,
  overall: intInRange("Overall satisfaction", 1, 5),
  recommend: intInRange("Likelihood to recommend", 0, 10),
  responsiveness: dimension("Responsiveness"),
  delivery: dimension("Delivery"),
  communication: dimension("Communication"),
  businessUnderstanding: dimension("Understanding of the business"),
  trust: dimension("Trust"),
  comment: z.preprocess(blankToUndefined, z.string().trim().max(2000, { error: "The comment must be at most 2,000 characters" }).default("")),
  /** Generated when the form is shown; a retried submission carries the same key and is stored once. */
  idempotencyKey: z.uuid({ error: "The form is out of date: reload the page and try again" }),
});

export type RatingInput = z.infer<typeof ratingInputSchema>;

/** A client withdraws a rating they gave; the reason is theirs to give or not. */
export const withdrawRatingSchema = z.object({
  ratingId: idSchema,
  reason: optionalText("The reason", 500),
});

export type WithdrawRating = z.infer<typeof withdrawRatingSchema>;
