import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig, type ScoringConfig } from "./config";
import { makeEvidence } from "./evidence";
import { SICK_STAGES, STAGES, severity, type DiagnosedStage, type SickStage } from "./enums";
import { decideStage, kindOf } from "./stage";
import type { Evidence } from "./types";

const ev = (signal: string, stage: DiagnosedStage, weight: number) =>
  makeEvidence({ signal, stage, weight, value: null, rule: "", sourceIds: [], message: "" });

describe("decideStage", () => {
  it("needs enough support from more than one signal", () => {
    expect(decideStage([ev("a", "FLU", 0.6)], 10, 5, defaultConfig).stage).toBe("HEALTHY");
    expect(decideStage([ev("a", "FLU", 0.6), ev("b", "FLU", 0.4)], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([ev("a", "FLU", 0.6), ev("b", "FLU", 0.4), ev("c", "SNIFFLES", 0.6)], 10, 5, defaultConfig).stage).toBe("FLU");
  });

  it("lets one signal carry the sniffles when it alone meets the threshold; later stages need corroboration", () => {
    expect(decideStage([ev("a", "SNIFFLES", 1)], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([ev("a", "FLU", 1)], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([ev("a", "PNEUMONIA", 1)], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([ev("a", "FLU", 1), ev("b", "SNIFFLES", 1)], 10, 5, defaultConfig).stage).toBe("FLU");
  });

  it("needs the end stages corroborated: without any one kind of signal, the rest still reaches flu", () => {
    const flu = [ev("ratings.overall.level", "FLU", 0.6), ev("ratings.recommend.net", "FLU", 0.5)];
    expect(decideStage([ev("structure.analystLayers", "PNEUMONIA", 1), ...flu], 10, 5, defaultConfig).stage).toBe("PNEUMONIA");
    // All the phrases heard are one kind: both sides' words alone are not enough.
    const words = [ev("phrases.business.pneumonia", "PNEUMONIA", 0.8), ev("phrases.it.pneumonia", "PNEUMONIA", 0.8), ev("phrases.bothSides", "PNEUMONIA", 0.3)];
    expect(decideStage(words, 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([...words, ...flu], 10, 5, defaultConfig).stage).toBe("PNEUMONIA");
    // A death sign with only sniffles elsewhere is not the end stage.
    const death = [ev("structure.IT_LEADERSHIP_CHANGE", "DEATH_AND_REINCARNATION", 1), ev("ratings.overall.level", "SNIFFLES", 0.6), ev("followUps.overdue", "SNIFFLES", 0.6)];
    expect(decideStage(death, 10, 5, defaultConfig).stage).toBe("FLU");
    expect(decideStage([...death, ...flu], 10, 5, defaultConfig).stage).toBe("DEATH_AND_REINCARNATION");
    // Several corroborating structural signs corroborate each other.
    const structural = [ev("structure.analystLayers", "PNEUMONIA", 1), ev("structure.SHADOW_IT_TEAM", "PNEUMONIA", 1), ev("ratings.overall.level", "SNIFFLES", 0.6)];
    expect(decideStage(structural, 10, 5, defaultConfig).stage).toBe("PNEUMONIA");
  });

  it("does not let one sign alone outweigh consistently happy clients, except what people said", () => {
    const happy = [ev("ratings.overall.level", "HEALTHY", 1), ev("interactions.sentiment.positive", "HEALTHY", 0.5)];
    expect(decideStage([ev("structure.analystLayers", "PNEUMONIA", 1), ...happy], 10, 5, defaultConfig).stage).toBe("HEALTHY");
    expect(decideStage([ev("phrases.business.repeated", "SNIFFLES", 1), ...happy], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    expect(decideStage([ev("badNews.surprisedClient", "SNIFFLES", 1), ...happy], 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    // Two signs together still count against happy clients; several corroborating ones go further.
    const two = [ev("structure.analystLayers", "PNEUMONIA", 1), ev("structure.METHODOLOGY_ENFORCED", "FLU", 0.4), ...happy];
    expect(decideStage(two, 10, 5, defaultConfig).stage).toBe("SNIFFLES");
    const several = [...two, ev("structure.SHADOW_IT_TEAM", "PNEUMONIA", 0.6)];
    expect(decideStage(several, 10, 5, defaultConfig).stage).toBe("PNEUMONIA");
  });

  it("counts worse symptoms towards milder stages", () => {
    const d = decideStage([ev("a", "DEATH_AND_REINCARNATION", 0.5), ev("b", "SNIFFLES", 0.5)], 10, 5, defaultConfig);
    expect(d.stage).toBe("SNIFFLES");
    expect(d.support).toMatchObject({ SNIFFLES: 1, FLU: 0.5, DEATH_AND_REINCARNATION: 0.5 });
  });

  it("chooses the most advanced well-supported stage, with its evidence", () => {
    const evidence = [ev("a", "PNEUMONIA", 0.6), ev("b", "PNEUMONIA", 0.5), ev("e", "FLU", 0.5), ev("c", "SNIFFLES", 0.6), ev("d", "HEALTHY", 1)];
    const d = decideStage(evidence, 10, 5, defaultConfig);
    expect(d.stage).toBe("PNEUMONIA");
    expect(d.carriedBy.map((e) => e.signal)).toEqual(["a", "b"]);
  });

  it("is never healthy without something to go on", () => {
    expect(decideStage([], 2, 2, defaultConfig).stage).toBe("INSUFFICIENT_DATA");
    expect(decideStage([], 10, 0, defaultConfig).stage).toBe("INSUFFICIENT_DATA");
    expect(decideStage([ev("p", "HEALTHY", 0.5)], 10, 0, defaultConfig).stage).toBe("HEALTHY");
    expect(decideStage([], 10, 2, defaultConfig).stage).toBe("HEALTHY");
  });
});

/**
 * The stage rule as first written, read straight from the evidence (a set of signals per check):
 * `decideStage` computes the same on arrays of small ids, and must agree with it exactly.
 */
function referenceStage(evidence: readonly Evidence[], config: ScoringConfig): SickStage | undefined {
  const { threshold, minDistinctSignals, corroboration, happyClients } = config.stages;
  const happy = evidence.some((e) => e.stage === "HEALTHY" && e.signal === happyClients.signal);
  const alone = (e: Evidence) => !happy || happyClients.aloneDespite.includes(kindOf(e.signal));
  const reached = (s: number, stage: SickStage, without?: string) => {
    const counted = evidence.filter((e) => e.stage !== "HEALTHY" && severity(e.stage) >= s && kindOf(e.signal) !== without);
    const total = counted.reduce((sum, e) => sum + e.weight, 0);
    const strongest = Math.max(0, ...counted.filter(alone).map((e) => e.weight));
    const t = threshold[stage];
    return total + 1e-9 >= t && (new Set(counted.map((e) => e.signal)).size >= minDistinctSignals || strongest + 1e-9 >= t);
  };
  const corroborated = (by: SickStage) => {
    const s = severity(by);
    const present = new Set(evidence.filter((e) => e.stage !== "HEALTHY" && severity(e.stage) >= s).map((e) => kindOf(e.signal)));
    return [...present].every((kind) => reached(s, by, kind)) && present.size > 0 && reached(s, by);
  };
  let worst: SickStage | undefined;
  for (const stage of SICK_STAGES) {
    if (!reached(severity(stage), stage)) continue;
    const by = stage === "SNIFFLES" ? null : corroboration[stage];
    if (by === null || corroborated(by)) worst = stage;
  }
  return worst;
}

describe("decideStage against the rule as first written", () => {
  it("reaches the same stage and support on any evidence", () => {
    const signal = fc.constantFrom("a", "b", "c", "phrases.x", "phrases.y", "ratings.overall.level", "badNews.surprisedClient");
    const item = fc.record({ signal, stage: fc.constantFrom(...STAGES), weight: fc.constantFrom(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 1, 1.2) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 14 }), (items) => {
        const evidence = items.map((e) => ev(e.signal, e.stage, e.weight));
        const d = decideStage(evidence, 10, 5, defaultConfig);
        expect(d.stage === "HEALTHY" ? undefined : d.stage).toBe(referenceStage(evidence, defaultConfig));
        for (const stage of SICK_STAGES) {
          const sum = evidence.reduce((s, e) => s + (e.stage !== "HEALTHY" && severity(e.stage) >= severity(stage) ? e.weight : 0), 0);
          expect(d.support[stage]).toBe(Math.round(sum * 1000) / 1000);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
