import { bandAtLeast } from "../config";
import { severity, type StructuralKind } from "../enums";
import { bandEvidence, makeEvidence, plural } from "../evidence";
import { asOf, DAY, within, type Model } from "../model";
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

export const analystLayers: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.analystLayers) return [];
  const latest = asOf(model.analystLayers, now).at(-1);
  if (!latest) return [];
  const band = bandAtLeast(latest.count, config.rules.analystLayers.countAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "structure.analystLayers",
      value: latest.count,
      sourceIds: stageOnly ? [] : [latest.id],
      rule: stageOnly ? "" : `at least ${band.at} layer${band.at === 1 ? "" : "s"} between users and developers`,
      message: stageOnly ? "" : `${latest.count} layer${latest.count === 1 ? "" : "s"} of analysts or coordinators between users and developers: requirements become “a hopeless game of telephone”.`,
    }),
  ];
};

/** Signal names built once (a name built per evaluation is hashed afresh by every lookup). */
const KIND_SIGNAL = Object.fromEntries(Object.keys(KIND_TEXT).map((kind) => [kind, `structure.${kind}`])) as Record<StructuralKind, string>;

/** What a size counts, for the message. */
const SIZE_UNIT: Partial<Record<StructuralKind, string>> = { SHADOW_IT_TEAM: "person", OUTSIDE_CONSULTANTS: "consultant" };

/** Ratings at or below this are a complaint (the business telling IT it is failing it). */
const COMPLAINT_RATING = 2;

/**
 * Whether the business complained in the `days` up to `at`: an escalation, a symptom phrase from
 * the business, or a rating of 2 or less. "This of course leads to more frustration on the
 * business side until eventually somebody high up says, 'I think it's time for some new
 * leadership in IT'" (001).
 */
function complainedBefore(model: Model, at: number, days: number): boolean {
  const from = at - days * DAY;
  const inside = (t: number) => t >= from && t <= at;
  return (
    model.interactions.some((i) => i.type === "ESCALATION" && inside(i.at)) ||
    model.phraseHits.some((h) => h.side === "BUSINESS" && inside(h.at)) ||
    model.ratings.some((r) => r.overall <= COMPLAINT_RATING && inside(r.at))
  );
}

/**
 * Events stay symptoms until resolved, within the structural window. A larger one (a shadow IT
 * team's headcount) or a forced one (a leadership change forced by the business) can weigh more;
 * where forced ones are told apart, one known to be voluntary is no symptom.
 */
export const structuralEvents: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.structuralEvents) return [];
  const active = within(model.structuralEvents, now, config.windows.structuralDays).filter(
    (e) => e.resolved === null || e.resolved > now,
  );
  const out: Evidence[] = [];
  for (const kind of Object.keys(KIND_TEXT) as StructuralKind[]) {
    const k = config.rules.structural[kind];
    const events = active.filter((e) => e.kind === kind && !(k.forced && e.forced === false));
    if (events.length === 0) continue;
    let { stage, weight } = k;
    const complaintDays = k.forcedAfterComplaintDays;
    const forced =
      k.forced !== undefined &&
      events.some((e) => e.forced === true || (e.forced === null && complaintDays !== undefined && complainedBefore(model, e.at, complaintDays)));
    let size: number | undefined;
    for (const e of events) if (e.size !== null) size = (size ?? 0) + e.size;
    const heavier = [forced ? k.forced : undefined, size !== undefined && k.sizeAtLeast ? bandAtLeast(size, k.sizeAtLeast) : undefined];
    for (const h of heavier) {
      if (h && (h.weight > weight || (h.weight === weight && severity(h.stage) > severity(stage)))) ({ stage, weight } = h);
    }
    const unit = SIZE_UNIT[kind];
    const sizeText = size === undefined ? "" : unit ? ` (${plural(size, unit, unit === "person" ? "people" : `${unit}s`)})` : ` (size ${size})`;
    out.push(
      makeEvidence({
        signal: KIND_SIGNAL[kind],
        value: events.length,
        stage,
        weight,
        sourceIds: stageOnly ? [] : events.map((e) => e.id),
        rule: stageOnly ? "" : `${kind.toLowerCase().replaceAll("_", " ")} recorded and unresolved${forced ? ", forced" : ""}${size !== undefined ? `, size ${size}` : ""}`,
        message: stageOnly ? "" : `${KIND_TEXT[kind]}${sizeText}${forced ? (events.some((e) => e.forced === true) ? ", forced on IT" : ", after the business complained") : ""}.`,
      }),
    );
  }
  return out;
};

export const structureRules: Rule[] = [analystLayers, structuralEvents];
