import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { defaultConfig } from "../scoring";
import { RATING_DIMENSIONS } from "../validation/rating";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

// Reads for the account's IT's assessment section (IT only: a client or another manager gets 404).

const DAY_MS = 86_400_000;

/** IT assesses each relationship once a quarter. */
export const ASSESSMENT_EVERY_DAYS = 90;

/** The diagnosis compares IT's view with the clients' over this window (docs/scoring.md, perception gap). */
export const COMPARISON_DAYS = defaultConfig.windows.recentDays;

/** Gaps from which the diagnosis counts a symptom: highlighted on the page alike. */
export const GAP_THRESHOLDS = {
  overall: defaultConfig.rules.perceptionGap.atLeast[0]?.at ?? 1,
  dimension: defaultConfig.rules.perceptionGap.dimensionGapAtLeast[0]?.at ?? 1.5,
};

type DimensionKey = (typeof RATING_DIMENSIONS)[number]["key"];
export type Aspect = "overall" | DimensionKey;

const ASPECTS: Aspect[] = ["overall", ...RATING_DIMENSIONS.map((d) => d.key)];

export interface ComparisonRow {
  aspect: Aspect;
  /** IT's latest score; null when it did not rate this dimension. */
  it: number | null;
  /** The clients' average over the window; null with no ratings of it. */
  clients: number | null;
  clientRatings: number;
  /** IT minus clients, when both are known. */
  gap: number | null;
  /** At least the gap from which the diagnosis counts it as a symptom. */
  highlighted: boolean;
}

const assessmentSelect = {
  id: true,
  assessedAt: true,
  overall: true,
  responsiveness: true,
  delivery: true,
  communication: true,
  businessUnderstanding: true,
  trust: true,
  notes: true,
  assessedBy: { select: { name: true } },
} satisfies Prisma.ItAssessmentSelect;

/**
 * IT's assessments (latest first), when the next is due, and the latest set beside the clients'
 * average ratings over the diagnosis' recent window, aspect by aspect.
 */
export async function getItAssessments(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId, canLogInteraction);
  const since = new Date(now.getTime() - COMPARISON_DAYS * DAY_MS);
  const [assessments, clients] = await Promise.all([
    db().itAssessment.findMany({ where: { accountId, deletedAt: null }, orderBy: [{ assessedAt: "desc" }, { createdAt: "desc" }], select: assessmentSelect }),
    db().rating.aggregate({
      where: { accountId, withdrawnAt: null, createdAt: { gte: since, lte: now } },
      _avg: { overall: true, responsiveness: true, delivery: true, communication: true, businessUnderstanding: true, trust: true },
      _count: { overall: true, responsiveness: true, delivery: true, communication: true, businessUnderstanding: true, trust: true },
    }),
  ]);
  const latest = assessments[0] ?? null;
  const nextDue = latest ? new Date(latest.assessedAt.getTime() + ASSESSMENT_EVERY_DAYS * DAY_MS) : null;
  const comparison: ComparisonRow[] = ASPECTS.map((aspect) => {
    const it = latest ? latest[aspect] : null;
    const clientsAvg = clients._avg[aspect];
    const gap = it !== null && clientsAvg !== null ? it - clientsAvg : null;
    const threshold = aspect === "overall" ? GAP_THRESHOLDS.overall : GAP_THRESHOLDS.dimension;
    return { aspect, it, clients: clientsAvg, clientRatings: clients._count[aspect], gap, highlighted: gap !== null && gap >= threshold };
  });
  return {
    assessments,
    latest,
    nextDue,
    overdue: nextDue !== null && nextDue < now,
    /** The latest assessment is older than the window the diagnosis compares over. */
    latestOutsideWindow: latest !== null && latest.assessedAt < since,
    comparison,
  };
}

export type ItAssessmentPage = Awaited<ReturnType<typeof getItAssessments>>;
export type ItAssessmentView = ItAssessmentPage["assessments"][number];
