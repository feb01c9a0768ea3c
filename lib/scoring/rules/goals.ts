import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent } from "../evidence";
import { asOf, DAY } from "../model";
import type { Rule } from "./rule";

// "Setting clear, achievable and measurable goals that are regularly reviewed and assessed";
// without reviews, "friction between IT and the business due to differences in expectation" (002).

export const goals: Rule = ({ model, now, config }) => {
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
  const overdue = agreed.filter((g) => {
    const every = (g.reviewEveryDays ?? c.defaultReviewEveryDays) * c.graceFactor * DAY;
    const last = g.lastReviewed !== null && g.lastReviewed <= now ? g.lastReviewed : g.at;
    return now - last > every;
  });
  const share = overdue.length / agreed.length;
  const band = bandAtLeast(share, c.unreviewedShareAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal: "goals.unreviewed",
        value: share,
        sourceIds: overdue.map((g) => g.id),
        rule: `at least ${percent(band.at)} of goals overdue for review`,
        message: `Goals overdue for review with the business: ${overdue.length} of ${agreed.length}.`,
      }),
    ];
  }
  const reviewed = 1 - share;
  if (reviewed >= c.healthy.at) {
    return [
      makeEvidence({
        signal: "goals.reviewed",
        value: reviewed,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: agreed.map((g) => g.id),
        rule: `at least ${percent(c.healthy.at)} of goals reviewed on schedule`,
        message: `All ${agreed.length} goals agreed with the business are reviewed on schedule.`,
      }),
    ];
  }
  return [];
};

export const goalRules: Rule[] = [goals];
