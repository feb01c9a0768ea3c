import { describe, expect, it } from "vitest";
import { interaction, quote, rating } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { phrasesHeard } from "./phrases";

describe("phrasesHeard", () => {
  it("weighs phrases per side and stage, capped per side", () => {
    const list = [
      interaction("i1", 5, { quotes: [quote("q1", "BUSINESS", "IT just doesn't get it")] }),
      interaction("i2", 6, { notes: "They still don't get it." }),
      interaction("i3", 7, { quotes: [quote("q3", "BUSINESS", "you guys don't understand the business")] }),
    ];
    const [e] = runRule(phrasesHeard, { interactions: list });
    expect(summary([e!])).toEqual(["phrases.business.sniffles SNIFFLES 0.8"]);
    expect(e?.sourceIds).toEqual(["q3", "i3", "i2", "q1", "i1"]);
  });

  it("sees finger-pointing from both sides as its own symptom", () => {
    const list = [
      interaction("i1", 5, {
        quotes: [
          quote("q1", "BUSINESS", "We wouldn't have these problems if they knew what they were doing"),
          quote("q2", "IT", "The users kept changing their minds"),
        ],
      }),
    ];
    expect(summary(runRule(phrasesHeard, { interactions: list }))).toEqual([
      "phrases.business.flu FLU 0.4",
      "phrases.it.sniffles SNIFFLES 0.4",
      "phrases.bothSides SNIFFLES 0.3",
    ]);
  });

  it("reads rating comments as the business speaking", () => {
    const r = rating("r1", 3, 2, 3, { comment: "Maybe we should outsource the IT department." });
    expect(summary(runRule(phrasesHeard, { ratings: [r] }))).toEqual(["phrases.business.death_and_reincarnation DEATH_AND_REINCARNATION 0.5"]);
  });

  it("uses stored hits instead of rescanning the text", () => {
    const stored = [{ phraseId: "start-saying-no", side: "IT" as const, stage: "DEATH_AND_REINCARNATION" as const, matchedText: "saying no" }];
    const list = [interaction("i1", 5, { notes: "IT just doesn't get it", phraseHits: stored })];
    expect(summary(runRule(phrasesHeard, { interactions: list }))).toEqual(["phrases.it.death_and_reincarnation DEATH_AND_REINCARNATION 0.5"]);
    expect(runRule(phrasesHeard, { interactions: [interaction("i1", 5, { notes: "IT just doesn't get it", phraseHits: [] })] })).toEqual([]);
  });

  it("forgets phrases older than the window", () => {
    expect(runRule(phrasesHeard, { interactions: [interaction("i1", 400, { notes: "IT just doesn't get it" })] })).toEqual([]);
  });

  it("sees one side's phrases on two occasions as the sniffles on their own", () => {
    const list = [
      interaction("i1", 5, { quotes: [quote("q1", "BUSINESS", "IT just doesn't get it")] }),
      interaction("i2", 40, { quotes: [quote("q2", "BUSINESS", "Maybe we should outsource the IT department")] }),
    ];
    expect(summary(runRule(phrasesHeard, { interactions: list }))).toEqual([
      "phrases.business.sniffles SNIFFLES 0.4",
      "phrases.business.death_and_reincarnation DEATH_AND_REINCARNATION 0.5",
      "phrases.business.repeated SNIFFLES 1",
    ]);
    // Two phrases in one meeting are one occasion.
    const once = [interaction("i1", 5, { quotes: [quote("q1", "BUSINESS", "IT just doesn't get it"), quote("q2", "BUSINESS", "I need this functionality now")] })];
    expect(summary(runRule(phrasesHeard, { interactions: once }))).toEqual(["phrases.business.sniffles SNIFFLES 0.8"]);
  });

  it("hears a surprised client in its own words", () => {
    const hit = { phraseId: "why-not-told-sooner", side: "BUSINESS" as const, stage: "SNIFFLES" as const, matchedText: "why are we only hearing this now" };
    const list = [interaction("i1", 5, { quotes: [{ ...quote("q1", "BUSINESS", "Why are we only hearing this now?"), phraseHits: [hit] }] })];
    const found = runRule(phrasesHeard, { interactions: list });
    expect(summary(found)).toEqual(["phrases.business.sniffles SNIFFLES 0.4", "phrases.surprisedClient SNIFFLES 1"]);
    expect(found[1]?.sourceIds).toEqual(["q1", "i1"]);
  });
});
