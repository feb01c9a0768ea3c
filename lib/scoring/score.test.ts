import { describe, expect, it } from "vitest";
import { ratings } from "../../tests/fixtures/scoring/build";
import { accountSignalsSchema, defaultConfig } from "./index";
import { makeEvidence } from "./evidence";
import { buildModel } from "./model";
import { healthScore, scoreInBand } from "./score";
import type { DiagnosedStage } from "./enums";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const model = (signals: object) => buildModel(accountSignalsSchema.parse(signals));
const ev = (signal: string, stage: DiagnosedStage, weight: number) =>
  makeEvidence({ signal, stage, weight, value: null, rule: "", sourceIds: [], message: "" });
const score = (evidence: ReturnType<typeof ev>[], signals: object = {}) => healthScore(evidence, model(signals), NOW, defaultConfig);

describe("healthScore", () => {
  it("is half the clients' ratings, half the symptoms", () => {
    expect(score([], { ratings: ratings("r", 3, 5, 10) })).toBe(100);
    expect(score([], { ratings: ratings("r", 3, 3, 5) })).toBe(75);
    expect(score([], { ratings: ratings("r", 3, 1, 0) })).toBe(50);
  });

  it("uses a neutral ratings part without ratings", () => {
    expect(score([])).toBe(75);
  });

  it("takes more points for worse stages, with diminishing returns", () => {
    expect(score([ev("a", "SNIFFLES", 1)])).toBe(69);
    expect(score([ev("a", "FLU", 1)])).toBe(62);
    expect(score([ev("a", "DEATH_AND_REINCARNATION", 1)])).toBe(50);
    expect(score([ev("a", "DEATH_AND_REINCARNATION", 10)])).toBe(35);
  });

  it("adds a little for signs of health, and leaves the rating trend out", () => {
    expect(score([ev("a", "SNIFFLES", 1), ev("b", "HEALTHY", 1)])).toBe(71);
    expect(score([ev("ratings.overall.trend", "FLU", 1)])).toBe(75);
  });

  it("keeps the score within its stage's band", () => {
    expect(scoreInBand(86, "PNEUMONIA", defaultConfig)).toBe(defaultConfig.score.bands.PNEUMONIA.max);
    expect(scoreInBand(10, "HEALTHY", defaultConfig)).toBe(defaultConfig.score.bands.HEALTHY.min);
    expect(scoreInBand(60, "FLU", defaultConfig)).toBe(60);
  });
});
