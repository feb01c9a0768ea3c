import { describe, expect, it } from "vitest";
import { defaultConfig } from "./config";
import type { Stage } from "./enums";
import { applyHysteresis, previousStage, sortHistory, stageSince } from "./hysteresis";
import { DAY } from "./model";

const NOW = Date.parse("2026-06-30T12:00:00Z");
const always = (stage: Stage) => () => stage;

describe("applyHysteresis", () => {
  it("worsens at once", () => {
    expect(applyHysteresis("FLU", "HEALTHY", always("HEALTHY"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("FLU");
  });

  it("recovers only when the better stage held over the recovery period", () => {
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", always("PNEUMONIA"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("PNEUMONIA");
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", always("HEALTHY"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("HEALTHY");
  });

  it("recovers only as far as the worst checkpoint", () => {
    const at = (t: number): Stage => (t < NOW - 45 * DAY ? "FLU" : "HEALTHY");
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", at, NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("FLU");
  });

  it("does not recover when the past is unknown", () => {
    const at = (t: number): Stage => (t < NOW - 45 * DAY ? "INSUFFICIENT_DATA" : "SNIFFLES");
    expect(applyHysteresis("HEALTHY", "FLU", at, NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("FLU");
  });

  it("passes the raw stage through without history", () => {
    expect(applyHysteresis("HEALTHY", undefined, always("FLU"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("HEALTHY");
    expect(applyHysteresis("INSUFFICIENT_DATA", undefined, always("FLU"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("INSUFFICIENT_DATA");
  });

  it("holds a sick stage while data thins, but not once nothing is observed", () => {
    expect(applyHysteresis("INSUFFICIENT_DATA", "FLU", always("FLU"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("FLU");
    expect(applyHysteresis("INSUFFICIENT_DATA", "FLU", always("FLU"), NOW, defaultConfig, null).stage).toBe("INSUFFICIENT_DATA");
    expect(applyHysteresis("INSUFFICIENT_DATA", "HEALTHY", always("HEALTHY"), NOW, defaultConfig, NOW + 100 * DAY).stage).toBe("INSUFFICIENT_DATA");
  });
});

describe("previousStage and stageSince", () => {
  const history = sortHistory([
    { at: NOW - 30 * DAY, stage: "FLU" as const, score: 40 },
    { at: NOW - 10 * DAY, stage: "INSUFFICIENT_DATA" as const, score: null },
    { at: NOW - 20 * DAY, stage: "FLU" as const, score: 40 },
    { at: NOW - 60 * DAY, stage: "SNIFFLES" as const, score: 60 },
    { at: NOW + 5 * DAY, stage: "HEALTHY" as const, score: 90 },
  ]);

  it("finds the latest diagnosed stage before now", () => {
    expect(previousStage(history, NOW)?.at).toBe(NOW - 20 * DAY);
  });

  it("takes the more severe of two snapshots at the same time, whatever their order", () => {
    const tie = [
      { at: NOW - DAY, stage: "PNEUMONIA" as const, score: null },
      { at: NOW - DAY, stage: "HEALTHY" as const, score: null },
    ];
    expect(previousStage(sortHistory(tie), NOW)?.stage).toBe("PNEUMONIA");
    expect(previousStage(sortHistory([...tie].reverse()), NOW)?.stage).toBe("PNEUMONIA");
  });

  it("dates the start of the current run of the stage", () => {
    expect(stageSince("FLU", history.filter((h) => h.stage !== "INSUFFICIENT_DATA"), NOW)).toBe(NOW - 30 * DAY);
    expect(stageSince("PNEUMONIA", history, NOW)).toBe(NOW);
  });

describe("the hold", () => {
  it("says when the raw stage would be adopted if the signals stayed as they are", () => {
    // Pneumonia at both checkpoints: the healthy signals must last the whole recovery period.
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", always("PNEUMONIA"), NOW, defaultConfig, null)).toEqual({
      stage: "PNEUMONIA",
      holdUntil: NOW + 60 * DAY,
    });
    // Healthy 30 days ago already, flu 60 days ago: 30 more days, and a partial recovery meanwhile.
    const at = (t: number): Stage => (t < NOW - 45 * DAY ? "FLU" : "HEALTHY");
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", at, NOW, defaultConfig, null)).toEqual({ stage: "FLU", holdUntil: NOW + 30 * DAY });
    // Recovered: no hold.
    expect(applyHysteresis("HEALTHY", "PNEUMONIA", always("HEALTHY"), NOW, defaultConfig, null).holdUntil).toBeNull();
    // Thinning data holds a sick stage until the last record leaves its window.
    expect(applyHysteresis("INSUFFICIENT_DATA", "FLU", always("FLU"), NOW, defaultConfig, NOW + 100 * DAY)).toEqual({
      stage: "FLU",
      holdUntil: NOW + 100 * DAY,
    });
  });
});
});
