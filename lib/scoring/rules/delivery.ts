import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent } from "../evidence";
import { within } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// The flu comes "probably as a result of a high-profile project that didn't meet expectations:
// 'Not only was the new system late, it cost twice as much ... and it doesn't do half the things
// we need it to'" (001).

type Project = NonNullable<import("../model").Model["projects"]>[number];

function misses(p: Project): string[] {
  const out: string[] = [];
  if (p.late === true) out.push("late");
  if (p.overBudget === true) out.push("over budget");
  if (p.scopeMissed === true) out.push("missing scope");
  return out;
}

const name = (p: Project) => (p.name ? `“${p.name}”` : `project ${p.id}`);

export const delivery: Rule = ({ model, now, config }) => {
  if (!model.projects) return [];
  const c = config.rules.delivery;
  const projects = within(model.projects, now, config.windows.structuralDays);
  const out: Evidence[] = [];
  const highProfileFailures = projects.filter((p) => p.highProfile && misses(p).length >= c.highProfileMisses);
  for (const p of highProfileFailures) {
    out.push(
      makeEvidence({
        signal: "delivery.highProfileFailure",
        value: misses(p).join(", "),
        stage: "FLU",
        weight: c.highProfileWeight,
        sourceIds: [p.id],
        rule: `high-profile project missing at least ${c.highProfileMisses} of time, budget and scope`,
        message: `High-profile ${name(p)} was ${misses(p).join(" and ")}.`,
      }),
    );
  }
  // Only projects whose outcome is known count towards the shares.
  const known = projects.filter((p) => p.late != null || p.overBudget != null || p.scopeMissed != null);
  if (known.length < c.minProjects) return out;
  const failed = known.filter((p) => misses(p).length > 0);
  const share = failed.length / known.length;
  const band = bandAtLeast(share, c.failedShareAtLeast);
  if (band) {
    out.push(
      bandEvidence(band, {
        signal: "delivery.failedShare",
        value: share,
        sourceIds: failed.map((p) => p.id),
        rule: `at least ${percent(band.at)} of projects late, over budget or short of scope`,
        message: `${failed.length} of ${known.length} recent projects were late, over budget or short of scope.`,
      }),
    );
  }
  const clean = known.filter((p) => p.late === false && p.overBudget === false && p.scopeMissed === false);
  const cleanShare = clean.length / known.length;
  if (cleanShare >= c.healthy.at) {
    out.push(
      makeEvidence({
        signal: "delivery.onTarget",
        value: cleanShare,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: clean.map((p) => p.id),
        rule: `at least ${percent(c.healthy.at)} of projects on time, on budget and in scope`,
        message: `${clean.length} of ${known.length} recent projects were delivered on time, on budget and in scope.`,
      }),
    );
  }
  return out;
};

export const deliveryRules: Rule[] = [delivery];
