import { describe, expect, it } from "vitest";
import { defaultConfig } from "./config";
import { DAY } from "./model";
import { computeTrend } from "./trend";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const support = { HEALTHY: 1, SNIFFLES: 0.5, FLU: 0, PNEUMONIA: 0, DEATH_AND_REINCARNATION: 0 };

describe("computeTrend", () => {
  it("follows the score slope over the window", () => {
    const history = [
      { at: NOW - 60 * DAY, stage: "HEALTHY" as const, score: 90 },
      { at: NOW - 30 * DAY, stage: "HEALTHY" as const, score: 80 },
    ];
    const t = computeTrend("HEALTHY", 70, "HEALTHY", history, support, NOW, defaultConfig);
    expect(t).toMatchObject({ direction: "worsening", pointsPerMonth: -10, nextStage: "SNIFFLES" });
    expect(t.riskOfNextStage).toBe(0.6);
    expect(computeTrend("HEALTHY", 81, "HEALTHY", history.slice(1), support, NOW, defaultConfig).direction).toBe("stable");
  });

  it("follows a change of stage first", () => {
    const history = [{ at: NOW - 10 * DAY, stage: "FLU" as const, score: 30 }];
    expect(computeTrend("SNIFFLES", 20, "FLU", history, support, NOW, defaultConfig).direction).toBe("improving");
  });

  it("is unknown without history", () => {
    expect(computeTrend("HEALTHY", 80, null, [], support, NOW, defaultConfig)).toEqual({
      direction: "unknown",
      pointsPerMonth: null,
      previousStage: null,
      nextStage: "SNIFFLES",
      riskOfNextStage: 0.4,
    });
  });

  it("has no next stage at the end or without a stage", () => {
    expect(computeTrend("DEATH_AND_REINCARNATION", 5, null, [], support, NOW, defaultConfig).nextStage).toBeNull();
    expect(computeTrend("INSUFFICIENT_DATA", null, null, [], support, NOW, defaultConfig).riskOfNextStage).toBe(0);
  });

  it("says recovering, not improving, while hysteresis holds the stage", () => {
    const history = [{ at: NOW - 30 * DAY, stage: "PNEUMONIA" as const, score: 20 }];
    expect(computeTrend("PNEUMONIA", 50, "PNEUMONIA", history, support, NOW, defaultConfig, true).direction).toBe("recovering");
    expect(computeTrend("PNEUMONIA", 50, "PNEUMONIA", history, support, NOW, defaultConfig).direction).toBe("improving");
  });
});
