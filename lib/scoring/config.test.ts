import { describe, expect, it } from "vitest";
import { bandAtLeast, bandBelow, defaultConfig, scoringConfigSchema } from "./config";

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

  it("refuses a stricter band that weighs less, which would let a worse value lighten a stage", () => {
    const broken = structuredClone(defaultConfig);
    broken.rules.escalations.countAtLeast[2]!.weight = 0.1;
    expect(scoringConfigSchema.safeParse(broken).error?.issues[0]?.message).toBe("A stricter band cannot weigh less");
  });
});

describe("scoringConfigSchema, issue 6 settings", () => {
  it("refuses a major miss smaller than a tolerated one", () => {
    const broken = structuredClone(defaultConfig);
    broken.rules.delivery.major.lateDays = 3;
    expect(scoringConfigSchema.safeParse(broken).error?.issues[0]?.message).toBe("A major miss must be at least as large as a tolerated one");
  });

  it("refuses a larger or forced structural event weighing less than an ordinary one", () => {
    const broken = structuredClone(defaultConfig);
    broken.rules.structural.SHADOW_IT_TEAM.sizeAtLeast![0]!.weight = 0.5;
    expect(scoringConfigSchema.safeParse(broken).error?.issues[0]?.message).toBe(
      "A larger or forced event cannot weigh less or point to a milder stage",
    );
    const milder = structuredClone(defaultConfig);
    milder.rules.structural.IT_LEADERSHIP_CHANGE.forced = { stage: "FLU", weight: 1 };
    expect(scoringConfigSchema.safeParse(milder).success).toBe(false);
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

describe("scoringConfigSchema, issue 7 settings", () => {
  it("refuses a stage corroborated by itself or a worse one", () => {
    const broken = structuredClone(defaultConfig);
    broken.stages.corroboration.FLU = "PNEUMONIA";
    expect(scoringConfigSchema.safeParse(broken).error?.issues[0]?.message).toBe("A stage can only be corroborated by a milder one");
  });

  it("refuses score bands where a worse stage could score above a milder one", () => {
    const broken = structuredClone(defaultConfig);
    broken.score.bands.PNEUMONIA = { min: 20, max: 90 };
    expect(scoringConfigSchema.safeParse(broken).error?.issues[0]?.message).toBe("A worse stage's score band cannot be above a milder one's");
    const inverted = structuredClone(defaultConfig);
    inverted.score.bands.FLU = { min: 60, max: 40 };
    expect(scoringConfigSchema.safeParse(inverted).success).toBe(false);
  });
});
