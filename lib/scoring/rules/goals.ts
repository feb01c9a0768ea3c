import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent, plural } from "../evidence";
import { asOf, DAY, type MGoal } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// "Setting clear, achievable and measurable goals that are regularly reviewed and assessed";
// without reviews, "friction between IT and the business due to differences in expectation" (002).

type Review = NonNullable<MGoal["reviews"]>[number];

/** The reviews held by `now`, in time order. */
function reviewsAsOf(goal: MGoal, now: number): Review[] {
  const reviews = goal.reviews;
  if (!reviews) return [];
  let n = reviews.length;
  while (n > 0 && reviews[n - 1]!.at > now) n--;
  return n === reviews.length ? reviews : reviews.slice(0, n);
}

export const goals: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.goals) return [];
  const c = config.rules.goals;
  const agreed = asOf(model.goals, now);
  if (agreed.length === 0) {
    return [
      makeEvidence({
        signal: "goals.none",
        value: 0,
        stage: "SNIFFLES",
        weight: c.noGoalsWeight,
        sourceIds: [],
        rule: "no goals agreed with the business",
        message: "No goals have been agreed with the business, so neither side can tell whether IT delivers.",
      }),
    ];
  }
  const overdue: MGoal[] = [];
  const missed: MGoal[] = [];
  const met: MGoal[] = [];
  let withResults = 0;
  for (const g of agreed) {
    const reviews = reviewsAsOf(g, now);
    const latest = reviews.at(-1);
    const stated = g.lastReviewed !== null && g.lastReviewed <= now ? g.lastReviewed : g.at;
    const last = latest && latest.at > stated ? latest.at : stated;
    const late = now - last > (g.reviewEveryDays ?? c.defaultReviewEveryDays) * c.graceFactor * DAY;
    if (late) overdue.push(g);
    if (!latest) continue;
    withResults++;
    if (latest.result === "MET" && !late) met.push(g);
    const run = reviews.slice(-c.repeatedMisses);
    const recent = now - latest.at <= config.windows.structuralDays * DAY;
    if (recent && run.length === c.repeatedMisses && run.every((r) => r.result === "MISSED")) missed.push(g);
  }
  const out: Evidence[] = [];
  const share = overdue.length / agreed.length;
  const band = bandAtLeast(share, c.unreviewedShareAtLeast);
  if (band) {
    out.push(
      bandEvidence(band, {
        signal: "goals.unreviewed",
        value: share,
        sourceIds: stageOnly ? [] : overdue.map((g) => g.id),
        rule: stageOnly ? "" : `at least ${percent(band.at)} of goals overdue for review`,
        message: stageOnly ? "" : `Goals overdue for review with the business: ${overdue.length} of ${agreed.length}.`,
      }),
    );
  } else if (1 - share >= c.healthy.at) {
    out.push(
      makeEvidence({
        signal: "goals.reviewed",
        value: 1 - share,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: stageOnly ? [] : agreed.map((g) => g.id),
        rule: stageOnly ? "" : `at least ${percent(c.healthy.at)} of goals reviewed on schedule`,
        message: stageOnly ? "" : `All ${agreed.length} goals agreed with the business are reviewed on schedule.`,
      }),
    );
  }
  const missedBand = bandAtLeast(missed.length, c.missedCountAtLeast);
  if (missedBand) {
    out.push(
      bandEvidence(missedBand, {
        signal: "goals.missed",
        value: missed.length,
        sourceIds: stageOnly ? [] : missed.map((g) => g.id),
        rule: stageOnly ? "" : `at least ${plural(missedBand.at, "goal")} missed at the latest ${c.repeatedMisses} reviews`,
        message: stageOnly ? "" : `${missed.length} of ${agreed.length} goals agreed with the business were missed at each of their last ${plural(c.repeatedMisses, "review")}.`,
      }),
    );
  }
  if (withResults > 0 && met.length / withResults >= c.healthyMet.at) {
    out.push(
      makeEvidence({
        signal: "goals.met",
        value: met.length / withResults,
        stage: "HEALTHY",
        weight: c.healthyMet.weight,
        sourceIds: stageOnly ? [] : met.map((g) => g.id),
        rule: stageOnly ? "" : `at least ${percent(c.healthyMet.at)} of goals met at their latest review, on schedule`,
        message: stageOnly ? "" : `${met.length} of ${withResults} goals reviewed with the business were met at their latest review.`,
      }),
    );
  }
  return out;
};

export const goalRules: Rule[] = [goals];
