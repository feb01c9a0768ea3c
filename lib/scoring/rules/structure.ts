import { bandAtLeast } from "../config";
import type { StructuralKind } from "../enums";
import { bandEvidence, makeEvidence } from "../evidence";
import { asOf, within } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// How the organisation around the relationship has changed: analyst layers (flu, pneumonia),
// shadow IT (flu, pneumonia), outside consultants and leadership change (death) — article 001.

const KIND_TEXT: Record<StructuralKind, string> = {
  METHODOLOGY_ENFORCED: "IT started enforcing methodology on the business",
  BUSINESS_OWN_SOLUTION: "The business built its own solution without IT",
  SHADOW_IT_TEAM: "A shadow IT team has grown inside the business unit",
  OUTSIDE_CONSULTANTS: "The business has gone to outside consultants",
  IT_DIRECTIVE_SAYING_NO: "IT leadership issued a directive to start saying no",
  IT_AVOIDING_CONTACT: "IT is avoiding contact with the client",
  IT_LEADERSHIP_CHANGE: "A change of IT leadership is proposed or under way",
  OUTSOURCING_DECISION: "Outsourcing the IT department is being considered or decided",
};

export const analystLayers: Rule = ({ model, now, config }) => {
  if (!model.analystLayers) return [];
  const latest = asOf(model.analystLayers, now).at(-1);
  if (!latest) return [];
  const band = bandAtLeast(latest.count, config.rules.analystLayers.countAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "structure.analystLayers",
      value: latest.count,
      sourceIds: [latest.id],
      rule: `at least ${band.at} layer${band.at === 1 ? "" : "s"} between users and developers`,
      message: `${latest.count} layer${latest.count === 1 ? "" : "s"} of analysts or coordinators between users and developers: requirements become “a hopeless game of telephone”.`,
    }),
  ];
};

/** Events stay symptoms until resolved, within the structural window. */
export const structuralEvents: Rule = ({ model, now, config }) => {
  if (!model.structuralEvents) return [];
  const active = within(model.structuralEvents, now, config.windows.structuralDays).filter(
    (e) => e.resolved === null || e.resolved > now,
  );
  const out: Evidence[] = [];
  for (const kind of Object.keys(KIND_TEXT) as StructuralKind[]) {
    const events = active.filter((e) => e.kind === kind);
    if (events.length === 0) continue;
    const { stage, weight } = config.rules.structural[kind];
    out.push(
      makeEvidence({
        signal: `structure.${kind}`,
        value: events.length,
        stage,
        weight,
        sourceIds: events.map((e) => e.id),
        rule: `${kind.toLowerCase().replaceAll("_", " ")} recorded and unresolved`,
        message: `${KIND_TEXT[kind]}.`,
      }),
    );
  }
  return out;
};

export const structureRules: Rule[] = [analystLayers, structuralEvents];
