import { describe, expect, it } from "vitest";
import { defaultConfig } from "./config";
import { makeEvidence } from "./evidence";
import type { DiagnosedStage } from "./enums";
import { decideStage } from "./stage";

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
