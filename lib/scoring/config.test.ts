import { describe, expect, it } from "vitest";
import { bandAtLeast, bandBelow, defaultConfig, scoringConfigSchema } from "./config";
import { SICK_STAGES } from "./enums";

describe("scoringConfigSchema", () => {
  it("validates the defaults", () => {
    expect(scoringConfigSchema.parse(defaultConfig)).toEqual(defaultConfig);
  });

  it("refuses bands out of order", () => {
    const broken = structuredClone(defaultConfig);
    broken.rules.ratingLevel.below = [
      { at: 2.5, stage: "FLU", weight: 0.6 },
      { at: 3.5, stage: "SNIFFLES", weight: 0.6 },
    ];
    const result = scoringConfigSchema.safeParse(broken);
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "Bands must descend",
      "A stricter band cannot point to a milder stage",
    ]);
  });

  // The score must fall as a signal gets worse: a stricter band never costs fewer points.
  it("never makes a stricter band cheaper in score", () => {
    const lists = Object.values(defaultConfig.rules).flatMap((rule) =>
      Object.values(rule).filter((v): v is { at: number; stage: (typeof SICK_STAGES)[number]; weight: number }[] => Array.isArray(v)),
    );
    for (const bands of lists) {
      const costs = bands.map((b) => b.weight * defaultConfig.score.penalty[b.stage]);
      expect([...costs].sort((a, b) => a - b)).toEqual(costs);
    }
  });
});

describe("bands", () => {
  const bands = [
    { at: 1, stage: "SNIFFLES" as const, weight: 0.3 },
    { at: 3, stage: "FLU" as const, weight: 0.5 },
  ];
  it("pick the strictest band met", () => {
    expect(bandAtLeast(0, bands)).toBeUndefined();
    expect(bandAtLeast(2, bands)?.stage).toBe("SNIFFLES");
    expect(bandAtLeast(3, bands)?.stage).toBe("FLU");
    const below = [
      { at: 3, stage: "SNIFFLES" as const, weight: 0.3 },
      { at: 1, stage: "FLU" as const, weight: 0.5 },
    ];
    expect(bandBelow(3, below)).toBeUndefined();
    expect(bandBelow(2, below)?.stage).toBe("SNIFFLES");
    expect(bandBelow(0.5, below)?.stage).toBe("FLU");
  });
});
