// Column selections shared by several queries, so each shape is defined once.

/** An account's identity and current health, as lists and headers show it. */
export const accountSummarySelect = {
  id: true,
  name: true,
  description: true,
  meetingCadenceDays: true,
  archivedAt: true,
  sponsor: { select: { id: true, name: true, title: true } },
  criticality: true,
  healthStage: true,
  healthScore: true,
  healthSince: true,
  healthComputedAt: true,
} as const;

/** A rating's scores and comment. */
export const ratingScoresSelect = {
  id: true,
  createdAt: true,
  overall: true,
  recommend: true,
  responsiveness: true,
  delivery: true,
  communication: true,
  businessUnderstanding: true,
  trust: true,
  comment: true,
} as const;
