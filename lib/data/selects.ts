// Column selections shared by several queries, so each shape is defined once.

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
