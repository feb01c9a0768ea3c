import { describe, expect, it } from "vitest";
import { ratings } from "../../tests/fixtures/scoring/build";
import { accountSignalsSchema, defaultConfig } from "./index";
import { makeEvidence } from "./evidence";
import { buildModel } from "./model";
import { healthScore } from "./score";
import type { DiagnosedStage } from "./enums";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const model = (signals: object) => buildModel(accountSignalsSchema.parse(signals));
const ev = (signal: string, stage: DiagnosedStage, weight: number) =>
  makeEvidence({ signal, stage, weight, value: null, rule: "", sourceIds: [], message: "" });

describe("healthScore", () => {
  it("starts from the clients' ratings", () => {
    expect(healthScore([], model({ ratings: ratings("r", 3, 5, 10) }), NOW, defaultConfig)).toBe(100);
    expect(healthScore([], model({ ratings: ratings("r", 3, 3, 5) }), NOW, defaultConfig)).toBe(50);
  });

  it("starts from a neutral base without ratings", () => {
    expect(healthScore([], model({}), NOW, defaultConfig)).toBe(50);
  });

  it("takes points for symptoms by stage, adds points for signs of health", () => {
    const m = model({});
    expect(healthScore([ev("a", "FLU", 1)], m, NOW, defaultConfig)).toBe(44);
    expect(healthScore([ev("a", "DEATH_AND_REINCARNATION", 1)], m, NOW, defaultConfig)).toBe(40);
    expect(healthScore([ev("a", "HEALTHY", 1)], m, NOW, defaultConfig)).toBe(53);
  });

  it("leaves the rating trend out of the score", () => {
    expect(healthScore([ev("ratings.overall.trend", "FLU", 1)], model({}), NOW, defaultConfig)).toBe(50);
  });
});
