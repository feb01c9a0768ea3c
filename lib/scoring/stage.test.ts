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
    expect(decideStage([ev("a", "FLU", 0.6), ev("b", "FLU", 0.4)], 10, 5, defaultConfig).stage).toBe("FLU");
  });

  it("lets one signal carry a stage when it alone meets the threshold", () => {
    expect(decideStage([ev("a", "PNEUMONIA", 1)], 10, 5, defaultConfig).stage).toBe("PNEUMONIA");
  });

  it("counts worse symptoms towards milder stages", () => {
    const d = decideStage([ev("a", "DEATH_AND_REINCARNATION", 0.5), ev("b", "SNIFFLES", 0.5)], 10, 5, defaultConfig);
    expect(d.stage).toBe("SNIFFLES");
    expect(d.support).toMatchObject({ SNIFFLES: 1, FLU: 0.5, DEATH_AND_REINCARNATION: 0.5 });
  });

  it("chooses the most advanced well-supported stage, with its evidence", () => {
    const evidence = [ev("a", "PNEUMONIA", 0.6), ev("b", "PNEUMONIA", 0.5), ev("c", "SNIFFLES", 0.6), ev("d", "HEALTHY", 1)];
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
