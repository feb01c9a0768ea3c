import { z } from "zod";
import { canonicalCheck } from "./canonical";
import {
  CANCELLED_BY,
  GOAL_REVIEW_RESULTS,
  INTERACTION_OUTCOMES,
  INTERACTION_TYPES,
  PROJECT_STATUSES,
  SENTIMENTS,
  SICK_STAGES,
  SIDES,
  STRUCTURAL_KINDS,
} from "./enums";

/** ISO 8601 date, or date-time with an offset: a local time would depend on the machine's zone. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;

// A preprocess and z.date() rather than a union of string formats: validation runs on every
// record of every rescore, and this is several times cheaper. Invalid dates fail in z.date().
// Typed as Date | string in, Date out, for the app's type checking (a preprocess alone says unknown).
export const dateInput: z.ZodType<Date, Date | string> = z.preprocess(
  (v) => (typeof v === "string" && ISO_DATE.test(v) ? new Date(v) : v),
  z.date({ error: "Expected a date: a Date, an ISO 8601 date (2026-01-31) or date-time with offset (2026-01-31T09:00:00Z)" }),
);

const id = z.string().min(1, { error: "Expected a non-empty id" });
// Literal sets check faster than int().min().max(); typed as number so database integers fit.
const score5: z.ZodType<number, number> = z.literal([1, 2, 3, 4, 5], { error: "Expected a whole number from 1 to 5" });
const score0to10: z.ZodType<number, number> = z.literal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], {
  error: "Expected a whole number from 0 to 10",
});
const side = z.enum(SIDES);

/** A phrase hit as `detectPhrases` returns it and the app stores it beside its text. */
export const storedPhraseHitSchema = z.object({
  phraseId: z.string().min(1),
  side,
  stage: z.enum(SICK_STAGES),
  matchedText: z.string(),
});

/**
 * Stored hits for a record's text. When present (even empty) the text is not rescanned;
 * when absent the library scans the text itself.
 */
const phraseHits = z.array(storedPhraseHitSchema).optional();

/** The five dimensions of a rating, each 1–5 or null (not rated); the client's and IT's own. */
const dimensionsSchema = z.object({
  responsiveness: score5.nullish(),
  delivery: score5.nullish(),
  communication: score5.nullish(),
  businessUnderstanding: score5.nullish(),
  trust: score5.nullish(),
});

export const ratingSchema = z.object({
  id,
  at: dateInput,
  overall: score5,
  recommend: score0to10,
  dimensions: dimensionsSchema.optional(),
  comment: z.string().nullish(),
  phraseHits,
});

export const quoteSchema = z.object({ id, side, text: z.string(), phraseHits });

export const interactionSchema = z.object({
  id,
  at: dateInput,
  type: z.enum(INTERACTION_TYPES),
  sentiment: z.enum(SENTIMENTS),
  // null: not applicable or not recorded (an email has no punctuality); never counted as good.
  itOnTime: z.boolean().nullish(),
  itPrepared: z.boolean().nullish(),
  /** For an outcome other than HELD, the side that missed it (NOBODY: not known). */
  cancelledBy: z.enum(CANCELLED_BY).default("NOBODY"),
  /** Absent: CANCELLED when `cancelledBy` names a side, else HELD (what the app stored before). */
  outcome: z.enum(INTERACTION_OUTCOMES).optional(),
  summary: z.string().nullish(),
  notes: z.string().nullish(),
  quotes: z.array(quoteSchema).default([]),
  phraseHits,
});

export const followUpSchema = z.object({
  id,
  owedBy: side,
  dueDate: dateInput,
  doneAt: dateInput.nullish(),
  createdAt: dateInput,
  interactionId: z.string().nullish(),
});

/** A request sent to a client to rate IT; the response rate is a sign of engagement. */
export const ratingRequestSchema = z.object({ id, sentAt: dateInput, answeredAt: dateInput.nullish() });

/** IT's own rating of the relationship, on the client's scales (article 004's perception gap). */
export const itAssessmentSchema = z.object({ id, at: dateInput, overall: score5, dimensions: dimensionsSchema.optional() });

export const projectSchema = z.object({
  id,
  name: z.string().optional(),
  /** When the project was delivered, or the date of its latest status. */
  at: dateInput,
  highProfile: z.boolean().default(false),
  // Stated outcomes. Where the numbers below give one, the number wins (docs/scoring.md).
  late: z.boolean().nullish(),
  overBudget: z.boolean().nullish(),
  scopeMissed: z.boolean().nullish(),
  status: z.enum(PROJECT_STATUSES).optional(),
  plannedEnd: dateInput.optional(),
  /** Delivered (or cancelled) on; null or absent while under way. */
  actualEnd: dateInput.nullish(),
  budget: z.number().min(0).optional(),
  /** Spent, or the forecast at completion. */
  actualCost: z.number().min(0).optional(),
  scopeDeliveredPercent: z.number().min(0).max(100).optional(),
});

/** Service level over one period ending at `at`, of one core system or of the unit's service as a whole. */
export const slaPeriodSchema = z.object({
  id,
  at: dateInput,
  targetPercent: z.number().min(0).max(100),
  attainedPercent: z.number().min(0).max(100),
  /** The core system ("ERP", "E-mail"); absent: the client's service as a whole. */
  system: z.string().min(1, { error: "Expected a system name, or no system" }).optional(),
});

export const incidentSchema = z.object({
  id,
  at: dateInput,
  major: z.boolean(),
  /** Whether the client heard about it from IT before noticing it themselves (article 002). */
  heardFromItFirst: z.boolean().nullish(),
});

/** A count of the layers (analysts, coordinators) between users and developers, as of `at`. */
export const analystLayersSchema = z.object({ id, at: dateInput, count: z.int().min(0).max(20) });

export const structuralEventSchema = z.object({
  id,
  at: dateInput,
  kind: z.enum(STRUCTURAL_KINDS),
  /** When the situation ended (the shadow team was folded back, the consultants left). */
  resolvedAt: dateInput.nullish(),
  note: z.string().optional(),
  /** How big it is, e.g. a shadow IT team's headcount. */
  size: z.int().min(0).optional(),
  /** Whether it was forced on IT, e.g. a change of IT leadership after the business complained. */
  forced: z.boolean().optional(),
});

export const goalReviewSchema = z.object({ at: dateInput, result: z.enum(GOAL_REVIEW_RESULTS) });

/** A goal agreed with the business (article 002: clear, measurable, regularly reviewed). */
export const goalSchema = z.object({
  id,
  agreedAt: dateInput,
  lastReviewedAt: dateInput.nullish(),
  reviewEveryDays: z.int().min(1).max(730).optional(),
  /** Reviews with the business and their results; the latest counts as the last review if later. */
  reviews: z.array(goalReviewSchema).optional(),
});

/** A request IT declined (article 002: "IT just says no"), and whether the reason was explained. */
export const declinedRequestSchema = z.object({ id, at: dateInput, reasonExplained: z.boolean() });

/** Bad news IT had to give (an overrun, a slip): when IT knew and when the client was told. */
export const badNewsSchema = z.object({
  id,
  knownAt: dateInput,
  toldAt: dateInput.nullish(),
});

const ID_LISTS = [
  "ratings",
  "interactions",
  "followUps",
  "ratingRequests",
  "itAssessments",
  "projects",
  "slaPeriods",
  "incidents",
  "analystLayers",
  "structuralEvents",
  "goals",
  "badNews",
  "declinedRequests",
] as const;

const signalsObject = z.object({
  ratings: z.array(ratingSchema).default([]),
  interactions: z.array(interactionSchema).default([]),
  followUps: z.array(followUpSchema).default([]),
  ratingRequests: z.array(ratingRequestSchema).optional(),
  itAssessments: z.array(itAssessmentSchema).optional(),
  /** How often IT and the business agreed to meet, in days. */
  agreedCadenceDays: z.int().min(1).max(365).optional(),
  /** When IT started following the account (a new unit): no gap in contact counts from before it. */
  trackedSince: dateInput.optional(),
  projects: z.array(projectSchema).optional(),
  slaPeriods: z.array(slaPeriodSchema).optional(),
  incidents: z.array(incidentSchema).optional(),
  analystLayers: z.array(analystLayersSchema).optional(),
  structuralEvents: z.array(structuralEventSchema).optional(),
  goals: z.array(goalSchema).optional(),
  badNews: z.array(badNewsSchema).optional(),
  declinedRequests: z.array(declinedRequestSchema).optional(),
});

type Issue = { path: PropertyKey[]; message: string };

/**
 * Ids order records that share a time: a duplicate would let input order show in the output.
 * Quote ids are unique across the account. `first`: stop at the first duplicate. A path is built
 * only for a duplicate found: this runs on every record of every diagnosis.
 */
function duplicateIds(signals: z.output<typeof signalsObject>, first: boolean): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const key of ID_LISTS) {
    const list = signals[key];
    if (!list) continue;
    seen.clear();
    for (let index = 0; index < list.length; index++) {
      const id = list[index]!.id;
      // One lookup: the set grows unless the id is already in it.
      const size = seen.size;
      if (seen.add(id).size !== size) continue;
      issues.push({ path: [key, index, "id"], message: `Duplicate id "${id}"` });
      if (first) return issues;
    }
  }
  seen.clear();
  const interactions = signals.interactions;
  for (let i = 0; i < interactions.length; i++) {
    const quotes = interactions[i]!.quotes;
    for (let q = 0; q < quotes.length; q++) {
      const id = quotes[q]!.id;
      const size = seen.size;
      if (seen.add(id).size !== size) continue;
      issues.push({ path: ["interactions", i, "quotes", q, "id"], message: `Duplicate quote id "${id}"` });
      if (first) return issues;
    }
  }
  return issues;
}

/**
 * One account's signals. Ratings, interactions and follow-ups are always there (perhaps empty);
 * every other list is optional and absent means "unknown", never "fine".
 */
export const accountSignalsSchema = signalsObject.superRefine((signals, ctx) => {
  for (const { path, message } of duplicateIds(signals, false)) ctx.addIssue({ code: "custom", message, path });
});

/** `schema.parse`, returning the input itself when it is already what parse returns (canonical.ts). */
export function parserWithoutCopy<S extends z.ZodType>(schema: S): (input: unknown) => z.output<S> {
  const canonical = canonicalCheck(schema, { readAs: new Map([[dateInput, z.date()]]) });
  return (input) => (canonical(input) ? (input as z.output<S>) : schema.parse(input));
}

const canonicalShape = canonicalCheck(signalsObject, { readAs: new Map([[dateInput, z.date()]]) });
const isCanonical = (input: unknown): input is ParsedSignals =>
  canonicalShape(input) && duplicateIds(input as ParsedSignals, true).length === 0;

/**
 * `accountSignalsSchema.parse`, without the copy when the input is already what it returns
 * (Dates as Dates, every default present, no unknown key): the app's signals are, and validation
 * then costs a fraction of a copy. Other input goes through zod, which normalises it or throws.
 */
export function validateSignals(input: unknown): ParsedSignals {
  return isCanonical(input) ? input : accountSignalsSchema.parse(input);
}

export type AccountSignals = z.input<typeof accountSignalsSchema>;
export type ParsedSignals = z.output<typeof accountSignalsSchema>;
export type StoredPhraseHit = z.output<typeof storedPhraseHitSchema>;

export type ParseResult =
  | { ok: true; signals: ParsedSignals }
  | { ok: false; error: z.ZodError; issues: { path: string; message: string }[] };

/** Each problem with its place in the input ("ratings.0.overall"), for a CLI or a form. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(root)", message: issue.message }));
}

/** Validates without throwing. */
export function parseSignals(input: unknown): ParseResult {
  if (isCanonical(input)) return { ok: true, signals: input };
  const result = accountSignalsSchema.safeParse(input);
  if (result.success) return { ok: true, signals: result.data };
  return { ok: false, error: result.error, issues: describeIssues(result.error) };
}
