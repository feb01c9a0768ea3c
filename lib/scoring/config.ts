import { z } from "zod";
import { SICK_STAGES, STRUCTURAL_KINDS } from "./enums";

// Every threshold, weight and window of the library, in one validated object. docs/scoring.md
// explains each value and the article passage behind it.

const weight = z.number().min(0).max(5);
const sickStage = z.enum(SICK_STAGES);
const band = z.object({ at: z.number(), stage: sickStage, weight });
export type Band = z.infer<typeof band>;

/** Bands met when a value is at least `at`; ascending, each stricter band at least as severe and heavy. */
const atLeastBands = z.array(band).superRefine((bands, ctx) => checkBands(bands, ctx, 1));
/** Bands met when a value is below `at`; descending, each stricter band at least as severe and heavy. */
const belowBands = z.array(band).superRefine((bands, ctx) => checkBands(bands, ctx, -1));

function checkBands(bands: Band[], ctx: z.RefinementCtx, direction: 1 | -1): void {
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1]!;
    const cur = bands[i]!;
    if ((cur.at - prev.at) * direction <= 0) {
      ctx.addIssue({ code: "custom", message: direction === 1 ? "Bands must ascend" : "Bands must descend", path: [i, "at"] });
    }
    if (SICK_STAGES.indexOf(cur.stage) < SICK_STAGES.indexOf(prev.stage)) {
      ctx.addIssue({ code: "custom", message: "A stricter band cannot point to a milder stage", path: [i, "stage"] });
    }
    // Otherwise a worse value would take support away from the milder stages.
    if (cur.weight < prev.weight) {
      ctx.addIssue({ code: "custom", message: "A stricter band cannot weigh less", path: [i, "weight"] });
    }
  }
}

const days = z.int().min(1).max(3650);
const share = z.number().min(0).max(1);
const count = z.int().min(0);
const perStage = z.object({ SNIFFLES: z.number(), FLU: z.number(), PNEUMONIA: z.number(), DEATH_AND_REINCARNATION: z.number() });
const healthy = z.object({ at: z.number(), weight });
const stageWeight = z.object({ stage: sickStage, weight });
/** Where a project stops being "a little" late, over or short: days late, cost ÷ budget, % of scope delivered. */
/** A stage's score range: the score never leaves the band of the stage shown. */
const scoreBand = z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) });
const STAGE_ORDER = ["HEALTHY", ...SICK_STAGES] as const;

const projectLimits = z.object({ lateDays: z.number().min(0), costRatio: z.number().min(1), scopePercent: z.number().min(0).max(100) });

/** A structural event's stage and weight; a size or a forced event can make it heavier, never lighter. */
const structuralKind = z
  .object({
    stage: sickStage,
    weight,
    /** Bands on the events' total size (e.g. a shadow IT team's headcount), met instead of the base. */
    sizeAtLeast: atLeastBands.optional(),
    /** The stage and weight of an event known to be forced; one known not to be forced is then no symptom. */
    forced: stageWeight.optional(),
    /** With `forced`: an event not known either way counts as forced when the business complained in the days before it. */
    forcedAfterComplaintDays: days.optional(),
  })
  .superRefine((kind, ctx) => {
    const heavier = [...(kind.sizeAtLeast ?? []), ...(kind.forced ? [kind.forced] : [])];
    for (const b of heavier) {
      if (b.weight < kind.weight || SICK_STAGES.indexOf(b.stage) < SICK_STAGES.indexOf(kind.stage)) {
        ctx.addIssue({ code: "custom", message: "A larger or forced event cannot weigh less or point to a milder stage" });
      }
    }
  });

export const scoringConfigSchema = z.object({
  windows: z.object({
    /** Ratings, interactions, phrases and follow-ups older than this are ignored. */
    recentDays: days,
    /** The rating trend compares the last `trendDays` with the `recentDays` before them. */
    trendDays: days,
    /** Projects, structural events, layers, reliability and bad news stay relevant this long. */
    structuralDays: days,
  }),
  /** Below this many observations in the windows the stage is INSUFFICIENT_DATA. */
  minimumObservations: count,
  stages: z.object({
    /** Support (summed evidence weight, this stage and worse) needed to reach each stage. */
    threshold: perStage,
    /** Distinct signals needed, unless one signal alone carries the threshold. */
    minDistinctSignals: z.int().min(1),
    /** Support from healthy evidence that makes "healthy" well supported (confidence). */
    healthySupport: z.number().min(0),
    /**
     * The illness progresses: a stage listed here is reached only if its account would still reach
     * the given milder stage without any one kind of signal (docs/scoring.md, "kinds of signal").
     */
    corroboration: z.object({ FLU: sickStage.nullable(), PNEUMONIA: sickStage.nullable(), DEATH_AND_REINCARNATION: sickStage.nullable() }),
    /**
     * Consistently happy clients: while `signal` is a sign of health, one sign alone cannot carry a
     * stage, unless its kind is listed in `aloneDespite` (what people said, the client's surprise).
     * Kinds: "phrases" for every phrase signal, otherwise the signal's own name.
     */
    happyClients: z.object({ signal: z.string().min(1), aloneDespite: z.array(z.string().min(1)) }),
  }).superRefine((stages, ctx) => {
    for (const stage of ["FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"] as const) {
      const c = stages.corroboration[stage];
      if (c !== null && SICK_STAGES.indexOf(c) >= SICK_STAGES.indexOf(stage)) {
        ctx.addIssue({ code: "custom", message: "A stage can only be corroborated by a milder one", path: ["corroboration", stage] });
      }
    }
  }),
  hysteresis: z.object({
    /** A better stage is adopted only if it also held this many days ago, at each checkpoint. */
    recoveryDays: days,
    checkpoints: z.int().min(1).max(12),
  }),
  trend: z.object({
    /** History within this window (and the current score) gives the trend. */
    windowDays: days,
    /** A score slope within ±this many points per 30 days is "stable". */
    stablePointsPerMonth: z.number().min(0),
  }),
  score: z.object({
    /** Share of the score from the clients' ratings; the rest comes from the symptoms. */
    ratingsShare: share,
    /** The ratings part when there are no ratings: unknown is not healthy. */
    withoutRatings: z.number().min(0).max(100),
    /** Share of the ratings part taken from "overall"; the rest from "recommend". */
    overallShare: share,
    /** Most points each stage's support (its symptoms and worse) can take off the symptom part. */
    penalty: perStage,
    /** Support at which a stage has taken 63% of its points (1 − e⁻¹): how fast penalties saturate. */
    penaltyScale: z.number().positive(),
    /** Points added to the symptom part per unit of healthy evidence weight. */
    healthyBonus: z.number().min(0),
    /** Each stage's score range, held or not; a worse stage's band is never above a milder one's. */
    bands: z.object({ HEALTHY: scoreBand, SNIFFLES: scoreBand, FLU: scoreBand, PNEUMONIA: scoreBand, DEATH_AND_REINCARNATION: scoreBand }),
  }).superRefine((score, ctx) => {
    STAGE_ORDER.forEach((stage, i) => {
      const band = score.bands[stage];
      if (band.min > band.max) ctx.addIssue({ code: "custom", message: "A score band's min cannot exceed its max", path: ["bands", stage] });
      const milder = i > 0 ? score.bands[STAGE_ORDER[i - 1]!] : undefined;
      // Otherwise a worse stage could show a higher score than a milder one.
      if (milder && (band.min > milder.min || band.max > milder.max)) {
        ctx.addIssue({ code: "custom", message: "A worse stage's score band cannot be above a milder one's", path: ["bands", stage] });
      }
    });
  }),
  confidence: z.object({ fullAtObservations: z.int().min(1) }),
  rules: z.object({
    ratingLevel: z.object({ minRatings: z.int().min(1), below: belowBands, healthy }),
    recommend: z.object({ minRatings: z.int().min(1), netBelow: belowBands, healthy }),
    dimensions: z.object({ minRatings: z.int().min(1), below: belowBands }),
    ratingTrend: z.object({ minEach: z.int().min(1), dropAtLeast: atLeastBands, healthyRise: healthy }),
    responseRate: z.object({ minRequests: z.int().min(1), below: belowBands, healthy }),
    perceptionGap: z.object({
      atLeast: atLeastBands,
      /** Reliable service (no SLA symptom) yet rated below this: article 004's "perceived as incompetent". */
      reliableButRatedBelow: z.number(),
      reliableButRatedWeight: weight,
      /** IT's own rating of a dimension above the client's average of it (rated ≥ dimensions.minRatings times). */
      dimensionGapAtLeast: atLeastBands,
    }),
    sentiment: z.object({
      minInteractions: z.int().min(1),
      negativeShareAtLeast: atLeastBands,
      veryNegativeShareAtLeast: atLeastBands,
      healthyPositiveShare: share,
      healthyMaxNegativeShare: share,
      healthyWeight: weight,
    }),
    /** IT cancelling or not turning up, among contacts the client did not miss. */
    itCancellations: z.object({ minInteractions: z.int().min(1), minCount: count, shareAtLeast: atLeastBands }),
    /** Calls and messages from the client that IT left unanswered: IT avoiding contact. */
    itUnanswered: z.object({ windowDays: days, countAtLeast: atLeastBands }),
    /** The client leaving IT unanswered or not turning up, among contacts IT did not miss. */
    clientDisengaging: z.object({ minInteractions: z.int().min(1), minCount: count, shareAtLeast: atLeastBands }),
    itLate: z.object({ minObserved: z.int().min(1), shareAtLeast: atLeastBands }),
    itUnprepared: z.object({ minObserved: z.int().min(1), shareAtLeast: atLeastBands }),
    punctualAndPrepared: z.object({ minObserved: z.int().min(1), healthy }),
    escalations: z.object({ windowDays: days, countAtLeast: atLeastBands }),
    emailOnly: z.object({ minInteractions: z.int().min(1), shareAtLeast: atLeastBands }),
    cadence: z.object({ gapFactorAtLeast: atLeastBands, healthyHeldShare: healthy }),
    overdueFollowUps: z.object({ countAtLeast: atLeastBands }),
    clientChasing: z.object({ minOpen: z.int().min(1), itOwedShareAtLeast: atLeastBands }),
    followUpsOnTime: z.object({ minDone: z.int().min(1), healthy }),
    phrases: z.object({
      perHit: perStage,
      /** Cap on one side's weight for one stage: phrases alone from one side need corroboration. */
      capPerSide: weight,
      /** Both sides voicing symptoms: "both sides start pointing out each other's failings". */
      bothSidesWeight: weight,
      /** Catalogue phrases an admin switched off: their hits are ignored (they stay stored). */
      disabled: z.array(z.string().min(1)).default([]),
      /** One side's symptom phrases heard on this many occasions (records) carry sniffles alone. */
      repeated: z.object({ minOccasions: z.int().min(1), weight }),
    }),
    /** The surprised client of 000: late bad news followed by falling ratings, or the client's own remark. */
    surprisedClient: z.object({
      /** Ratings in the days after the late news, against those in the days before it. */
      afterDays: days,
      beforeDays: days,
      /** Fall in the average overall rating that shows the surprise. */
      ratingDropAtLeast: z.number().positive(),
      /** Phrases in which the client says it was told too late. */
      remarkPhraseIds: z.array(z.string().min(1)),
      weight,
    }),
    delivery: z
      .object({
        minProjects: z.int().min(1),
        failedShareAtLeast: atLeastBands,
        /** Beyond these a project is late, over budget or short of scope (1 point of size each). */
        tolerance: projectLimits,
        /** From these on the miss is major (2 points each). */
        major: projectLimits,
        /** Bands on a high-profile project's size of miss. */
        highProfileSizeAtLeast: atLeastBands,
        /** Bands on any other project's size of miss. */
        missSizeAtLeast: atLeastBands,
        healthy,
      })
      .superRefine((d, ctx) => {
        if (d.major.lateDays < d.tolerance.lateDays || d.major.costRatio < d.tolerance.costRatio || d.major.scopePercent > d.tolerance.scopePercent) {
          ctx.addIssue({ code: "custom", message: "A major miss must be at least as large as a tolerated one", path: ["major"] });
        }
      }),
    sla: z.object({ missedShareAtLeast: atLeastBands, healthy }),
    incidents: z.object({ majorCountAtLeast: atLeastBands, notHeardFirstShareAtLeast: atLeastBands, minWithNews: z.int().min(1) }),
    analystLayers: z.object({ countAtLeast: atLeastBands }),
    structural: z.record(z.enum(STRUCTURAL_KINDS), structuralKind),
    goals: z.object({
      defaultReviewEveryDays: days,
      /** A review this much later than due counts as missed. */
      graceFactor: z.number().min(1),
      unreviewedShareAtLeast: atLeastBands,
      noGoalsWeight: weight,
      healthy,
      /** A goal is repeatedly missed when this many of its latest reviews all found it MISSED. */
      repeatedMisses: z.int().min(1),
      missedCountAtLeast: atLeastBands,
      /** Share of goals with recorded results whose latest review, on schedule, found them MET. */
      healthyMet: healthy,
    }),
    badNews: z.object({ lateAfterDays: z.number().min(0), countAtLeast: atLeastBands, healthyMinToldEarly: z.int().min(1), healthyWeight: weight }),
    /** Requests IT declined in the recent window: "no" without a reason, and every "no" explained. */
    declinedRequests: z.object({ unexplainedCountAtLeast: atLeastBands, healthyMinExplained: z.int().min(1), healthyWeight: weight }),
  }),
});

export type ScoringConfig = z.output<typeof scoringConfigSchema>;
export type ScoringConfigInput = z.input<typeof scoringConfigSchema>;

const S = "SNIFFLES" as const;
const F = "FLU" as const;
const P = "PNEUMONIA" as const;
const D = "DEATH_AND_REINCARNATION" as const;

export const defaultConfig: ScoringConfig = scoringConfigSchema.parse({
  windows: { recentDays: 180, trendDays: 90, structuralDays: 365 },
  minimumObservations: 4,
  stages: {
    threshold: { SNIFFLES: 1, FLU: 1, PNEUMONIA: 1, DEATH_AND_REINCARNATION: 1 },
    minDistinctSignals: 2,
    healthySupport: 1,
    corroboration: { FLU: "SNIFFLES", PNEUMONIA: "FLU", DEATH_AND_REINCARNATION: "FLU" },
    happyClients: { signal: "ratings.overall.level", aloneDespite: ["phrases", "badNews.surprisedClient"] },
  },
  hysteresis: { recoveryDays: 60, checkpoints: 2 },
  trend: { windowDays: 90, stablePointsPerMonth: 3 },
  score: {
    ratingsShare: 0.5,
    withoutRatings: 50,
    overallShare: 0.7,
    penalty: { SNIFFLES: 20, FLU: 20, PNEUMONIA: 20, DEATH_AND_REINCARNATION: 20 },
    penaltyScale: 1,
    healthyBonus: 5,
    bands: {
      HEALTHY: { min: 65, max: 100 },
      SNIFFLES: { min: 50, max: 85 },
      FLU: { min: 30, max: 70 },
      PNEUMONIA: { min: 15, max: 50 },
      DEATH_AND_REINCARNATION: { min: 0, max: 30 },
    },
  },
  confidence: { fullAtObservations: 20 },
  rules: {
    ratingLevel: {
      minRatings: 2,
      below: [
        { at: 3.5, stage: S, weight: 0.6 },
        { at: 2.5, stage: F, weight: 0.6 },
        { at: 1.8, stage: P, weight: 0.6 },
      ],
      healthy: { at: 4, weight: 1 },
    },
    recommend: {
      minRatings: 3,
      netBelow: [
        { at: 0, stage: S, weight: 0.4 },
        { at: -50, stage: F, weight: 0.5 },
      ],
      healthy: { at: 30, weight: 0.5 },
    },
    dimensions: {
      minRatings: 2,
      below: [
        { at: 2.5, stage: S, weight: 0.3 },
        { at: 1.8, stage: F, weight: 0.3 },
      ],
    },
    ratingTrend: {
      minEach: 2,
      dropAtLeast: [
        { at: 0.75, stage: S, weight: 0.5 },
        { at: 1.5, stage: F, weight: 0.5 },
      ],
      healthyRise: { at: 0.75, weight: 0.3 },
    },
    responseRate: {
      minRequests: 4,
      below: [
        { at: 0.4, stage: S, weight: 0.4 },
        { at: 0.15, stage: F, weight: 0.4 },
      ],
      healthy: { at: 0.7, weight: 0.3 },
    },
    perceptionGap: {
      atLeast: [
        { at: 1, stage: S, weight: 0.5 },
        { at: 2, stage: F, weight: 0.6 },
      ],
      reliableButRatedBelow: 3.5,
      reliableButRatedWeight: 0.4,
      dimensionGapAtLeast: [
        { at: 1.5, stage: S, weight: 0.2 },
        { at: 2.5, stage: F, weight: 0.3 },
      ],
    },
    sentiment: {
      minInteractions: 3,
      negativeShareAtLeast: [
        { at: 0.3, stage: S, weight: 0.5 },
        { at: 0.5, stage: F, weight: 0.5 },
      ],
      veryNegativeShareAtLeast: [
        { at: 0.3, stage: P, weight: 0.4 },
        { at: 0.5, stage: P, weight: 0.6 },
      ],
      healthyPositiveShare: 0.6,
      healthyMaxNegativeShare: 0.1,
      healthyWeight: 0.5,
    },
    itCancellations: {
      minInteractions: 3,
      minCount: 2,
      shareAtLeast: [
        { at: 0.15, stage: S, weight: 0.4 },
        { at: 0.35, stage: P, weight: 0.5 },
        { at: 0.5, stage: D, weight: 0.5 },
      ],
    },
    itUnanswered: {
      windowDays: 90,
      countAtLeast: [
        { at: 1, stage: S, weight: 0.3 },
        { at: 3, stage: D, weight: 0.5 },
        { at: 5, stage: D, weight: 0.7 },
      ],
    },
    clientDisengaging: {
      minInteractions: 3,
      minCount: 2,
      shareAtLeast: [
        { at: 0.25, stage: S, weight: 0.4 },
        { at: 0.5, stage: F, weight: 0.4 },
      ],
    },
    itLate: {
      minObserved: 3,
      shareAtLeast: [
        { at: 0.2, stage: S, weight: 0.4 },
        { at: 0.4, stage: F, weight: 0.4 },
      ],
    },
    itUnprepared: {
      minObserved: 3,
      shareAtLeast: [
        { at: 0.2, stage: S, weight: 0.4 },
        { at: 0.4, stage: F, weight: 0.4 },
      ],
    },
    punctualAndPrepared: { minObserved: 4, healthy: { at: 0.95, weight: 0.3 } },
    escalations: {
      windowDays: 90,
      countAtLeast: [
        { at: 1, stage: S, weight: 0.4 },
        { at: 3, stage: F, weight: 0.6 },
        { at: 5, stage: P, weight: 0.6 },
      ],
    },
    emailOnly: { minInteractions: 5, shareAtLeast: [{ at: 0.8, stage: S, weight: 0.4 }] },
    cadence: {
      gapFactorAtLeast: [
        { at: 1.5, stage: S, weight: 0.4 },
        { at: 3, stage: F, weight: 0.4 },
      ],
      healthyHeldShare: { at: 0.9, weight: 0.3 },
    },
    overdueFollowUps: {
      countAtLeast: [
        { at: 1, stage: S, weight: 0.3 },
        { at: 3, stage: S, weight: 0.6 },
        { at: 6, stage: F, weight: 0.6 },
      ],
    },
    clientChasing: { minOpen: 4, itOwedShareAtLeast: [{ at: 0.85, stage: S, weight: 0.4 }] },
    followUpsOnTime: { minDone: 3, healthy: { at: 0.9, weight: 0.3 } },
    phrases: {
      perHit: { SNIFFLES: 0.4, FLU: 0.4, PNEUMONIA: 0.45, DEATH_AND_REINCARNATION: 0.5 },
      capPerSide: 0.8,
      bothSidesWeight: 0.3,
      repeated: { minOccasions: 2, weight: 1 },
    },
    surprisedClient: {
      afterDays: 90,
      beforeDays: 180,
      ratingDropAtLeast: 1,
      remarkPhraseIds: ["why-not-told-sooner"],
      weight: 1,
    },
    delivery: {
      minProjects: 2,
      failedShareAtLeast: [{ at: 0.5, stage: S, weight: 0.4 }],
      tolerance: { lateDays: 5, costRatio: 1.1, scopePercent: 90 },
      major: { lateDays: 90, costRatio: 1.5, scopePercent: 75 },
      highProfileSizeAtLeast: [
        { at: 2, stage: F, weight: 0.8 },
        { at: 4, stage: F, weight: 0.9 },
        { at: 6, stage: F, weight: 1 },
      ],
      missSizeAtLeast: [
        { at: 2, stage: S, weight: 0.3 },
        { at: 4, stage: S, weight: 0.5 },
      ],
      healthy: { at: 0.9, weight: 0.3 },
    },
    sla: {
      missedShareAtLeast: [
        { at: 0.1, stage: S, weight: 0.4 },
        { at: 0.5, stage: F, weight: 0.4 },
      ],
      healthy: { at: 1, weight: 0.3 },
    },
    incidents: {
      majorCountAtLeast: [
        { at: 2, stage: S, weight: 0.4 },
        { at: 4, stage: F, weight: 0.4 },
      ],
      notHeardFirstShareAtLeast: [{ at: 0.5, stage: S, weight: 0.4 }],
      minWithNews: 2,
    },
    analystLayers: {
      countAtLeast: [
        { at: 1, stage: F, weight: 0.4 },
        { at: 3, stage: P, weight: 0.6 },
        { at: 5, stage: P, weight: 1 },
      ],
    },
    structural: {
      METHODOLOGY_ENFORCED: { stage: F, weight: 0.4 },
      BUSINESS_OWN_SOLUTION: { stage: F, weight: 0.5 },
      SHADOW_IT_TEAM: {
        stage: P,
        weight: 0.6,
        sizeAtLeast: [
          { at: 5, stage: P, weight: 0.8 },
          { at: 10, stage: P, weight: 1 },
        ],
      },
      OUTSIDE_CONSULTANTS: { stage: D, weight: 0.6 },
      IT_DIRECTIVE_SAYING_NO: { stage: D, weight: 0.5 },
      IT_AVOIDING_CONTACT: { stage: D, weight: 0.5 },
      IT_LEADERSHIP_CHANGE: { stage: D, weight: 0.6, forced: { stage: D, weight: 1 }, forcedAfterComplaintDays: 180 },
      OUTSOURCING_DECISION: { stage: D, weight: 0.8 },
    },
    goals: {
      defaultReviewEveryDays: 90,
      graceFactor: 1.5,
      unreviewedShareAtLeast: [{ at: 0.5, stage: S, weight: 0.4 }],
      noGoalsWeight: 0.3,
      healthy: { at: 1, weight: 0.5 },
      repeatedMisses: 2,
      missedCountAtLeast: [
        { at: 1, stage: S, weight: 0.4 },
        { at: 2, stage: F, weight: 0.4 },
      ],
      healthyMet: { at: 0.75, weight: 0.3 },
    },
    badNews: {
      lateAfterDays: 7,
      countAtLeast: [
        { at: 1, stage: S, weight: 0.4 },
        { at: 2, stage: S, weight: 0.6 },
        { at: 3, stage: F, weight: 0.6 },
      ],
      healthyMinToldEarly: 2,
      healthyWeight: 0.3,
    },
    declinedRequests: {
      unexplainedCountAtLeast: [
        { at: 1, stage: S, weight: 0.3 },
        { at: 2, stage: S, weight: 0.5 },
        { at: 4, stage: F, weight: 0.5 },
      ],
      healthyMinExplained: 2,
      healthyWeight: 0.2,
    },
  },
} satisfies ScoringConfigInput);

/** The last (strictest) band met by `value`, for bands that grow with the value. */
export function bandAtLeast(value: number, bands: readonly Band[]): Band | undefined {
  let met: Band | undefined;
  for (const b of bands) if (value >= b.at) met = b;
  return met;
}

/** The last (strictest) band met by `value`, for bands met below their `at`. */
export function bandBelow(value: number, bands: readonly Band[]): Band | undefined {
  let met: Band | undefined;
  for (const b of bands) if (value < b.at) met = b;
  return met;
}
