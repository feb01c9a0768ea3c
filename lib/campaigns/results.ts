import { RATING_DIMENSIONS } from "../validation/rating";

// A campaign's results from its ratings, pure: means, the net promoter score, comments and the
// importance × satisfaction scorecard. In an anonymous campaign a group (an account, the whole
// campaign, a core system) shows nothing — no score, no comment — until it has at least K answers.

export interface ResultRating {
  accountId: string;
  overall: number;
  recommend: number;
  responsiveness: number | null;
  delivery: number | null;
  communication: number | null;
  businessUnderstanding: number | null;
  trust: number | null;
  comment: string;
  /** Non-anonymous campaigns only. */
  raterName: string | null;
  serviceScores: { coreSystemId: string; importance: number; satisfaction: number }[];
}

export type DimensionKey = (typeof RATING_DIMENSIONS)[number]["key"];

export interface GroupScores {
  answers: number;
  meanOverall: number;
  meanRecommend: number;
  /** % promoters (9–10) minus % detractors (0–6), −100…100. */
  nps: number;
  dimensions: { key: DimensionKey; label: string; mean: number | null; answers: number }[];
  comments: { text: string; raterName: string | null }[];
}

/** A group's results, or why they are hidden. */
export type GroupResult = { shown: true; scores: GroupScores } | { shown: false; answers: number; needed: number };

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => (values.length === 0 ? null : round1(values.reduce((sum, v) => sum + v, 0) / values.length));

export function groupScores(ratings: ResultRating[]): GroupScores {
  const promoters = ratings.filter((r) => r.recommend >= 9).length;
  const detractors = ratings.filter((r) => r.recommend <= 6).length;
  return {
    answers: ratings.length,
    meanOverall: mean(ratings.map((r) => r.overall)) ?? 0,
    meanRecommend: mean(ratings.map((r) => r.recommend)) ?? 0,
    nps: ratings.length === 0 ? 0 : Math.round(((promoters - detractors) / ratings.length) * 100),
    dimensions: RATING_DIMENSIONS.map(({ key, label }) => {
      const values = ratings.map((r) => r[key]).filter((v): v is number => v !== null);
      return { key, label, mean: mean(values), answers: values.length };
    }),
    comments: ratings.filter((r) => r.comment.trim() !== "").map((r) => ({ text: r.comment, raterName: r.raterName })),
  };
}

/** Applies the K rule: an anonymous group shows only with at least `minGroupSize` answers (and never an empty group). */
export function groupResult(ratings: ResultRating[], { anonymous, minGroupSize }: { anonymous: boolean; minGroupSize: number }): GroupResult {
  const needed = anonymous ? minGroupSize : 1;
  if (ratings.length < needed) return { shown: false, answers: ratings.length, needed };
  return { shown: true, scores: groupScores(ratings) };
}

/** Important (mean importance at least this) … */
export const IMPORTANT_FROM = 3.5;
/** … and unsatisfying (mean satisfaction below this): fix first. */
export const SATISFIED_FROM = 3;

/** The "fix first" rule: a service its clients find important and unsatisfying (means 1–5; null: no answers shown). */
export const isFixFirst = (importance: number | null, satisfaction: number | null): boolean =>
  importance !== null && satisfaction !== null && importance >= IMPORTANT_FROM && satisfaction < SATISFIED_FROM;

export interface ScorecardRow {
  coreSystemId: string;
  name: string;
  accountId: string;
  answers: number;
  /** Null when hidden (anonymous with fewer than K answers). */
  importance: number | null;
  satisfaction: number | null;
  fixFirst: boolean;
  hidden: boolean;
}

/**
 * The scorecard per core system: mean importance, mean satisfaction and the number of answers;
 * "fix first" when important and unsatisfying. Sorted: fix-first first, then by the gap
 * (importance minus satisfaction), largest first; hidden rows last.
 */
export function scorecard(
  ratings: ResultRating[],
  systems: { id: string; name: string; accountId: string }[],
  { anonymous, minGroupSize }: { anonymous: boolean; minGroupSize: number },
): ScorecardRow[] {
  const needed = anonymous ? minGroupSize : 1;
  const rows = systems.map((system) => {
    const scores = ratings.flatMap((r) => r.serviceScores.filter((s) => s.coreSystemId === system.id));
    const hidden = scores.length < needed;
    const importance = hidden ? null : mean(scores.map((s) => s.importance));
    const satisfaction = hidden ? null : mean(scores.map((s) => s.satisfaction));
    const fixFirst = isFixFirst(importance, satisfaction);
    return { coreSystemId: system.id, name: system.name, accountId: system.accountId, answers: scores.length, importance, satisfaction, fixFirst, hidden };
  });
  const gap = (row: ScorecardRow) => (row.importance === null || row.satisfaction === null ? -Infinity : row.importance - row.satisfaction);
  return rows.sort((a, b) => Number(a.hidden) - Number(b.hidden) || Number(b.fixFirst) - Number(a.fixFirst) || gap(b) - gap(a) || a.name.localeCompare(b.name));
}

/** Answered out of invited, as a whole percentage; null when nobody was invited. */
export const responseRate = (answered: number, invited: number): number | null => (invited === 0 ? null : Math.round((answered / invited) * 100));
