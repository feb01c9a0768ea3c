import { SICK_STAGES, STAGE_LABELS, type SickStage, type Side } from "../enums";
import { makeEvidence } from "../evidence";
import { within, type TimedPhraseHit } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// "Typical symptoms at each stage ... are normally easy to identify, often just by listening for
// some key phrases and comments from your team and clients" (001).

const SIDE_LABEL: Record<Side, string> = { BUSINESS: "the business", IT: "IT" };

// Signal names built once: a name built per evaluation is a new string, hashed afresh by every
// Map and Set the decision and the treatments look it up in.
const STAGE_SIGNALS: Record<Side, readonly string[]> = {
  BUSINESS: SICK_STAGES.map((stage) => `phrases.business.${stage.toLowerCase()}`),
  IT: SICK_STAGES.map((stage) => `phrases.it.${stage.toLowerCase()}`),
};
const REPEATED_SIGNAL: Record<Side, string> = { BUSINESS: "phrases.business.repeated", IT: "phrases.it.repeated" };

/** The hits of each side, per stage (in SICK_STAGES order), in time order: one pass over the hits. */
function bySideAndStage(hits: readonly TimedPhraseHit[]): Record<Side, TimedPhraseHit[][]> {
  const out: Record<Side, TimedPhraseHit[][]> = { BUSINESS: SICK_STAGES.map(() => []), IT: SICK_STAGES.map(() => []) };
  for (const h of hits) out[h.side][SICK_STAGES.indexOf(h.stage)]!.push(h);
  return out;
}

/** The hits' records, each once: a quote and the interaction it belongs to. */
function sourceIdsOf(hits: readonly TimedPhraseHit[]): string[] {
  const ids = new Set<string>();
  for (const h of hits) {
    ids.add(h.source.id);
    if (h.interactionId) ids.add(h.interactionId);
  }
  return [...ids];
}

/** Where a hit was heard: a quote's interaction, or the record itself. */
const occasionOf = (h: TimedPhraseHit) => h.interactionId ?? h.source.id;

/**
 * "Comments like … start to become common" (001): one side voicing symptoms on several occasions
 * is the sniffles on its own. Occasions, not hits: three phrases in one note are one complaint.
 */
function repeatedBy(side: Side, hits: readonly TimedPhraseHit[], c: { minOccasions: number; weight: number }, stageOnly: boolean | undefined): Evidence[] {
  const own = hits.filter((h) => h.side === side);
  const occasions = new Set(own.map(occasionOf));
  if (occasions.size < c.minOccasions || c.weight === 0) return [];
  return [
    makeEvidence({
      signal: REPEATED_SIGNAL[side],
      value: occasions.size,
      stage: "SNIFFLES",
      weight: c.weight,
      sourceIds: stageOnly ? [] : sourceIdsOf(own),
      rule: stageOnly ? "" : `symptom phrases heard from ${SIDE_LABEL[side]} on at least ${c.minOccasions} occasions`,
      message: stageOnly ? "" : `${side === "IT" ? "IT has" : "The business has"} voiced symptoms on ${occasions.size} occasions: the complaints are becoming common.`,
    }),
  ];
}

/** The client asking why it is only hearing bad news now: a surprised client (000). */
function surprisedRemark(
  hits: readonly TimedPhraseHit[],
  c: { remarkPhraseIds: string[]; weight: number },
  stageOnly: boolean | undefined,
): Evidence | undefined {
  const said = hits.filter((h) => h.side === "BUSINESS" && c.remarkPhraseIds.includes(h.phraseId));
  if (said.length === 0 || c.weight === 0) return undefined;
  return makeEvidence({
    signal: "phrases.surprisedClient",
    value: said.length,
    stage: "SNIFFLES",
    weight: c.weight,
    sourceIds: stageOnly ? [] : sourceIdsOf(said),
    rule: stageOnly ? "" : "the client said it was told too late",
    message: stageOnly ? "" : `The client was surprised: “${said[0]!.matchedText}”. “A surprised client is all too often an unhappy or angry client.”`,
  });
}

/** What was actually said, not the article's wording: the UI quotes it back. */
function heardMessage(side: Side, found: readonly TimedPhraseHit[]): string {
  const said = new Set<string>();
  for (const h of found) said.add(h.matchedText);
  const distinct = [...said];
  return `Heard from ${SIDE_LABEL[side]} ${found.length === 1 ? "once" : `${found.length} times`}: “${distinct.slice(0, 3).join("”, “")}”${distinct.length > 3 ? " and more" : ""}.`;
}

export const phrasesHeard: Rule = ({ model, now, config, stageOnly }) => {
  const c = config.rules.phrases;
  const hits = within(model.phraseHits, now, config.windows.recentDays);
  const out: Evidence[] = [];
  const worstBySide: Partial<Record<Side, SickStage>> = {};
  if (hits.length === 0) return out;
  const grouped = bySideAndStage(hits);
  for (const side of ["BUSINESS", "IT"] as const) {
    for (const [index, stage] of SICK_STAGES.entries()) {
      const found = grouped[side][index]!;
      if (found.length === 0) continue;
      worstBySide[side] = stage;
      out.push(
        makeEvidence({
          signal: STAGE_SIGNALS[side][index]!,
          value: found.length,
          stage,
          weight: Math.min(c.capPerSide, found.length * c.perHit[stage]),
          sourceIds: stageOnly ? [] : sourceIdsOf(found),
          rule: stageOnly ? "" : `${STAGE_LABELS[stage].toLowerCase()} phrases heard from ${SIDE_LABEL[side]}`,
          message: stageOnly ? "" : heardMessage(side, found),
        }),
      );
    }
  }
  for (const side of ["BUSINESS", "IT"] as const) {
    if (worstBySide[side]) out.push(...repeatedBy(side, hits, c.repeated, stageOnly));
  }
  const remark = surprisedRemark(hits, config.rules.surprisedClient, stageOnly);
  if (remark) out.push(remark);
  const business = worstBySide.BUSINESS;
  const it = worstBySide.IT;
  if (business && it && c.bothSidesWeight > 0) {
    // Finger-pointing from both sides: as severe as the milder of the two sides' worst phrases.
    const stage = SICK_STAGES.indexOf(business) < SICK_STAGES.indexOf(it) ? business : it;
    const mildest = SICK_STAGES.indexOf(stage);
    const both = hits.filter((h) => SICK_STAGES.indexOf(h.stage) >= mildest);
    out.push(
      makeEvidence({
        signal: "phrases.bothSides",
        value: true,
        stage,
        weight: c.bothSidesWeight,
        sourceIds: stageOnly ? [] : sourceIdsOf(both),
        rule: stageOnly ? "" : "symptom phrases heard from both sides",
        message: stageOnly ? "" : "Both sides are pointing at each other: symptom phrases were heard from the business and from IT.",
      }),
    );
  }
  return out;
};

export const phraseRules: Rule[] = [phrasesHeard];
