import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "./config";
import { STAGES, severity, type DiagnosedStage, type Stage } from "./enums";
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

/** Recovery as first written: every checkpoint evaluated. */
function everyCheckpoint(raw: DiagnosedStage, previous: DiagnosedStage, at: (t: number) => Stage, checkpoints: number) {
  const step = (defaultConfig.hysteresis.recoveryDays / checkpoints) * DAY;
  if (severity(raw) >= severity(previous)) return { stage: raw, holdUntil: null };
  let sustained = raw;
  let firstWorse: number | undefined;
  for (let k = 1; k <= checkpoints; k++) {
    const then = at(NOW - k * step);
    if (then === "INSUFFICIENT_DATA" || severity(then) > severity(raw)) firstWorse ??= k;
    if (then === "INSUFFICIENT_DATA") return { stage: previous, holdUntil: NOW + (checkpoints - (firstWorse ?? k) + 1) * step };
    if (severity(then) > severity(sustained)) sustained = then;
  }
  const stage = severity(sustained) < severity(previous) ? sustained : previous;
  return { stage, holdUntil: firstWorse === undefined ? null : NOW + (checkpoints - firstWorse + 1) * step };
}

describe("applyHysteresis's checkpoints", () => {
  it("stop once one is as bad as the previous stage, with the result of evaluating them all", () => {
    const diagnosed = fc.constantFrom(...STAGES);
    const stages = fc.array(fc.constantFrom<Stage>(...STAGES, "INSUFFICIENT_DATA"), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(diagnosed, diagnosed, stages, fc.integer({ min: 1, max: 4 }), (raw, previous, seen, checkpoints) => {
        const config = { ...defaultConfig, hysteresis: { ...defaultConfig.hysteresis, checkpoints } };
        const step = (config.hysteresis.recoveryDays / checkpoints) * DAY;
        const asked: number[] = [];
        const at = (t: number): Stage => {
          const k = Math.round((NOW - t) / step);
          asked.push(k);
          return seen[k - 1]!;
        };
        expect(applyHysteresis(raw, previous, at, NOW, config, null)).toEqual(everyCheckpoint(raw, previous, (t) => seen[Math.round((NOW - t) / step) - 1]!, checkpoints));
        const stop = seen.findIndex((s) => s === "INSUFFICIENT_DATA" || severity(s) >= severity(previous));
        if (severity(raw) < severity(previous)) expect(asked.length).toBe(stop === -1 || stop >= checkpoints ? checkpoints : stop + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
