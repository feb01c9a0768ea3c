import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent, plural } from "../evidence";
import { DAY, within, type MProject } from "../model";
import type { Evidence } from "../types";
import type { Rule, RuleContext } from "./rule";

// The flu comes "probably as a result of a high-profile project that didn't meet expectations:
// 'Not only was the new system late, it cost twice as much ... and it doesn't do half the things
// we need it to'" (001). How late, how much over and how much short all matter.

type DeliveryConfig = RuleContext["config"]["rules"]["delivery"];

/** One of time, budget and scope: missed or not, its size (1 beyond tolerance, 2 major), in words. */
interface Verdict {
  missed: boolean;
  size: number;
  text: string;
}

const MET: Verdict = { missed: false, size: 0, text: "" };

/** The stated boolean, when no number decides: its size is unknown, so it counts as a plain miss. */
function stated(value: boolean | null | undefined, text: string): Verdict | null {
  if (value == null) return null;
  return value ? { missed: true, size: 1, text } : MET;
}

function duration(days: number): string {
  const d = Math.round(days);
  if (d < 14) return plural(d, "day");
  if (d < 60) return plural(Math.round(d / 7), "week");
  return plural(Math.round(d / 30.44), "month");
}

/** Time, budget and scope of a project as known at `now` (null: not known yet), and its size. */
interface ProjectOutcome {
  verdicts: (Verdict | null)[];
  /** The misses in words, e.g. "4 months late", "2.0× budget", "50% of scope". */
  misses: string[];
  /** 1 point per miss beyond tolerance, 2 per major miss. */
  size: number;
}

/**
 * A miss shows as soon as it is known (the planned end has passed, the spend is over budget); a
 * clean result only once the project is delivered. A cancelled project is judged on its budget
 * alone: nothing more was to be delivered, so it is neither late nor short of scope.
 */
function projectOutcome(p: MProject, now: number, c: DeliveryConfig): ProjectOutcome {
  const cancelled = p.status === "CANCELLED";
  // Delivered on `actualEnd` (if it had come by `now`), or, without one, on `at` when the status says so.
  const deliveredAt = cancelled ? null : p.actualEnd !== null ? (p.actualEnd <= now ? p.actualEnd : null) : p.status === "DELIVERED" ? p.at : null;
  const final = cancelled || deliveredAt !== null;

  let late: Verdict | null = null;
  if (!cancelled) {
    late = stated(p.late, "late");
    if (p.plannedEnd !== null) {
      const days = ((deliveredAt ?? now) - p.plannedEnd) / DAY;
      if (days > c.tolerance.lateDays) {
        late = {
          missed: true,
          size: days >= c.major.lateDays ? 2 : 1,
          text: `${duration(days)} late${deliveredAt === null ? " (not delivered yet)" : ""}`,
        };
      } else if (deliveredAt !== null) late = MET;
    }
  }

  let overBudget = stated(p.overBudget, "over budget");
  if (p.budget !== null && p.budget > 0 && p.actualCost !== null) {
    const ratio = p.actualCost / p.budget;
    if (ratio > c.tolerance.costRatio) {
      // "Cost twice as much" reads as a multiple; smaller overruns as a percentage.
      const text = ratio >= 2 ? `${ratio.toFixed(1)}× budget` : `${Math.round((ratio - 1) * 100)}% over budget`;
      overBudget = { missed: true, size: ratio >= c.major.costRatio ? 2 : 1, text };
    } else if (final) overBudget = MET;
  }

  let scope: Verdict | null = null;
  if (!cancelled) {
    scope = stated(p.scopeMissed, "missing scope");
    if (p.scopeDeliveredPercent !== null && deliveredAt !== null) {
      const delivered = p.scopeDeliveredPercent;
      scope =
        delivered < c.tolerance.scopePercent
          ? { missed: true, size: delivered < c.major.scopePercent ? 2 : 1, text: `${Math.round(delivered)}% of scope` }
          : MET;
    }
  }

  const verdicts = [late, overBudget, scope];
  const misses: string[] = [];
  let size = 0;
  for (const v of verdicts) {
    if (!v?.missed) continue;
    misses.push(v.text);
    size += v.size;
  }
  return { verdicts, misses, size };
}

const name = (p: MProject) => (p.name ? `“${p.name}”` : `project ${p.id}`);

export const delivery: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.projects) return [];
  const c = config.rules.delivery;
  const out: Evidence[] = [];
  // Only projects whose outcome is known count towards the shares.
  let known = 0;
  const failed: MProject[] = [];
  const clean: MProject[] = [];
  for (const p of within(model.projects, now, config.windows.structuralDays)) {
    const { verdicts, misses, size } = projectOutcome(p, now, c);
    if (verdicts.some((v) => v !== null)) known++;
    if (misses.length > 0) failed.push(p);
    else if (verdicts.every((v) => v !== null)) clean.push(p);
    const highProfile = p.highProfile ? bandAtLeast(size, c.highProfileSizeAtLeast) : undefined;
    const band = highProfile ?? bandAtLeast(size, c.missSizeAtLeast);
    if (!band) continue;
    out.push(
      makeEvidence({
        signal: highProfile ? "delivery.highProfileFailure" : "delivery.projectMissed",
        value: misses.join(", "),
        stage: band.stage,
        weight: band.weight,
        sourceIds: stageOnly ? [] : [p.id],
        rule: stageOnly ? "" : `${highProfile ? "high-profile project" : "project"} missing expectations by at least ${band.at} points (1 per miss of time, budget or scope, 2 per major miss)`,
        message: stageOnly ? "" : `${highProfile ? "High-profile" : "Project"} ${name(p)} missed expectations: ${misses.join(", ")}.`,
      }),
    );
  }
  if (known < c.minProjects) return out;
  const share = failed.length / known;
  const band = bandAtLeast(share, c.failedShareAtLeast);
  if (band) {
    out.push(
      bandEvidence(band, {
        signal: "delivery.failedShare",
        value: share,
        sourceIds: stageOnly ? [] : failed.map((p) => p.id),
        rule: stageOnly ? "" : `at least ${percent(band.at)} of projects late, over budget or short of scope`,
        message: stageOnly ? "" : `${failed.length} of ${known} recent projects were late, over budget or short of scope.`,
      }),
    );
  }
  const cleanShare = clean.length / known;
  if (cleanShare >= c.healthy.at) {
    out.push(
      makeEvidence({
        signal: "delivery.onTarget",
        value: cleanShare,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: stageOnly ? [] : clean.map((p) => p.id),
        rule: stageOnly ? "" : `at least ${percent(c.healthy.at)} of projects on time, on budget and in scope`,
        message: stageOnly ? "" : `${clean.length} of ${known} recent projects were delivered on time, on budget and in scope.`,
      }),
    );
  }
  return out;
};

export const deliveryRules: Rule[] = [delivery];
