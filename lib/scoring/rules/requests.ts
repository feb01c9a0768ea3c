import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, plural } from "../evidence";
import { within } from "../model";
import type { Rule } from "./rule";

// "We commonly hear complaints that 'IT just says no' ... It makes a world of difference to be told
// that remote access to an application may not be possible due to a lack of encryption
// capabilities rather than being flatly refused" (002).

export const declinedRequests: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.declinedRequests) return [];
  const c = config.rules.declinedRequests;
  const days = config.windows.recentDays;
  const declined = within(model.declinedRequests, now, days);
  const flat = declined.filter((r) => !r.reasonExplained);
  const band = bandAtLeast(flat.length, c.unexplainedCountAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal: "requests.declinedUnexplained",
        value: flat.length,
        sourceIds: stageOnly ? [] : flat.map((r) => r.id),
        rule: stageOnly ? "" : `at least ${plural(band.at, "request")} declined without a reason in ${days} days`,
        message: stageOnly ? "" : `IT turned down ${plural(flat.length, "request")} in the last ${days} days without explaining why (${declined.length} declined in all): “IT just says no”.`,
      }),
    ];
  }
  if (flat.length === 0 && declined.length >= c.healthyMinExplained) {
    return [
      makeEvidence({
        signal: "requests.declinedExplained",
        value: declined.length,
        stage: "HEALTHY",
        weight: c.healthyWeight,
        sourceIds: stageOnly ? [] : declined.map((r) => r.id),
        rule: stageOnly ? "" : `every request declined in ${days} days explained, at least ${c.healthyMinExplained}`,
        message: stageOnly ? "" : `IT explained its reasons each of the ${declined.length} times it said no in the last ${days} days.`,
      }),
    ];
  }
  return [];
};

export const requestRules: Rule[] = [declinedRequests];
