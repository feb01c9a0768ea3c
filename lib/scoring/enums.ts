// The strings equal the Prisma enum values, so database rows map straight in.

/** Breakdown stages of article 001, from health to the end stage. */
export const STAGES = ["HEALTHY", "SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"] as const;
export type DiagnosedStage = (typeof STAGES)[number];
export type Stage = DiagnosedStage | "INSUFFICIENT_DATA";

/** The stages a symptom can point to (everything but health). */
export const SICK_STAGES = ["SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"] as const;
export type SickStage = (typeof SICK_STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  HEALTHY: "Healthy",
  SNIFFLES: "Sniffles",
  FLU: "Flu",
  PNEUMONIA: "Pneumonia",
  DEATH_AND_REINCARNATION: "Death and reincarnation",
  INSUFFICIENT_DATA: "Insufficient data",
};

/** 0 for health, 4 for the end stage; used to compare and order stages. */
export function severity(stage: DiagnosedStage): number {
  // A switch, not `STAGES.indexOf`: called for every evidence item at every step of a decision.
  switch (stage) {
    case "HEALTHY":
      return 0;
    case "SNIFFLES":
      return 1;
    case "FLU":
      return 2;
    case "PNEUMONIA":
      return 3;
    case "DEATH_AND_REINCARNATION":
      return 4;
    default:
      return -1;
  }
}

export const INTERACTION_TYPES = [
  "MEETING",
  "CALL",
  "EMAIL",
  "WORKSHOP",
  "ESCALATION",
  "STATUS_UPDATE",
  "REVIEW",
] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];

export const SENTIMENTS = ["VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE"] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const CANCELLED_BY = ["NOBODY", "IT", "CLIENT"] as const;
export type CancelledBy = (typeof CANCELLED_BY)[number];

/**
 * What became of a planned contact: held, or missed by the side in `cancelledBy` (called off,
 * a call or message left unanswered, or not turning up).
 */
export const INTERACTION_OUTCOMES = ["HELD", "CANCELLED", "UNANSWERED", "NO_SHOW"] as const;
export type InteractionOutcome = (typeof INTERACTION_OUTCOMES)[number];

export const PROJECT_STATUSES = ["PLANNED", "IN_PROGRESS", "DELIVERED", "CANCELLED"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** The result of reviewing a goal with the business (article 002). */
export const GOAL_REVIEW_RESULTS = ["MET", "PARTLY", "MISSED"] as const;
export type GoalReviewResult = (typeof GOAL_REVIEW_RESULTS)[number];

export const SIDES = ["BUSINESS", "IT"] as const;
export type Side = (typeof SIDES)[number];

/** Structural events of articles 001 and 000, each a symptom of a particular stage. */
export const STRUCTURAL_KINDS = [
  "METHODOLOGY_ENFORCED",
  "BUSINESS_OWN_SOLUTION",
  "SHADOW_IT_TEAM",
  "OUTSIDE_CONSULTANTS",
  "IT_DIRECTIVE_SAYING_NO",
  "IT_AVOIDING_CONTACT",
  "IT_LEADERSHIP_CHANGE",
  "OUTSOURCING_DECISION",
] as const;
export type StructuralKind = (typeof STRUCTURAL_KINDS)[number];
