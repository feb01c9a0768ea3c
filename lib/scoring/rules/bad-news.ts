import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, plural } from "../evidence";
import { DAY, within } from "../model";
import type { Rule } from "./rule";

// "The objective of effective client management is to avoid a 'surprised' client ... Better to
// tell your client today that the project had a two day over-run" (000).

export const badNews: Rule = ({ model, now, config }) => {
  if (!model.badNews) return [];
  const c = config.rules.badNews;
  const limit = c.lateAfterDays * DAY;
  const known = within(model.badNews, now, config.windows.structuralDays);
  // Late: told after the limit, or still untold once the limit has passed.
  const late = known.filter((b) => (b.told !== null && b.told <= now ? b.told - b.at : now - b.at) > limit);
  const band = bandAtLeast(late.length, c.countAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal: "badNews.late",
        value: late.length,
        sourceIds: late.map((b) => b.id),
        rule: `at least ${plural(band.at, "piece")} of bad news told more than ${c.lateAfterDays} days late`,
        message: `${plural(late.length, "piece")} of bad news reached the client more than ${c.lateAfterDays} days after IT knew (or not yet): a surprised client is an unhappy client.`,
      }),
    ];
  }
  const early = known.filter((b) => b.told !== null && b.told <= now && b.told - b.at <= limit);
  if (late.length === 0 && early.length >= c.healthyMinToldEarly) {
    return [
      makeEvidence({
        signal: "badNews.toldEarly",
        value: early.length,
        stage: "HEALTHY",
        weight: c.healthyWeight,
        sourceIds: early.map((b) => b.id),
        rule: `bad news told within ${c.lateAfterDays} days, at least ${c.healthyMinToldEarly} times`,
        message: `IT told the client bad news promptly ${early.length} times.`,
      }),
    ];
  }
  return [];
};

export const badNewsRules: Rule[] = [badNews];
