import { badNewsRules } from "./bad-news";
import { deliveryRules } from "./delivery";
import { followUpRules } from "./follow-ups";
import { goalRules } from "./goals";
import { interactionRules } from "./interactions";
import { phraseRules } from "./phrases";
import { ratingRules } from "./ratings";
import { reliabilityRules } from "./reliability";
import { requestRules } from "./requests";
import type { Rule, RuleContext } from "./rule";
import { structureRules } from "./structure";
import type { Evidence } from "../types";

export const RULES: readonly Rule[] = [
  ...ratingRules,
  ...interactionRules,
  ...followUpRules,
  ...phraseRules,
  ...deliveryRules,
  ...reliabilityRules,
  ...structureRules,
  ...goalRules,
  ...badNewsRules,
  ...requestRules,
];

export function runRules(ctx: RuleContext): Evidence[] {
  // A plain loop: `flatMap` costs more than most rules, and this runs at every hysteresis checkpoint.
  // Indexed loops: an iterator over 30 rules' arrays of different shapes cost as much as some rules.
  const out: Evidence[] = [];
  for (let r = 0; r < RULES.length; r++) {
    const found = RULES[r]!(ctx);
    for (let i = 0; i < found.length; i++) out.push(found[i]!);
  }
  return out;
}
