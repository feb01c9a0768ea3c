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
  const out: Evidence[] = [];
  for (const rule of RULES) {
    for (const e of rule(ctx)) out.push(e);
  }
  return out;
}
