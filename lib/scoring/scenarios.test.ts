import { describe, expect, it } from "vitest";
import { NOW } from "../../tests/fixtures/scoring/build";
import { SCENARIOS as ORIGINAL } from "../../tests/fixtures/scoring/scenarios";
import { SCENARIOS_ISSUE7 } from "../../tests/fixtures/scoring/scenarios-issue7";
import { defaultConfig, diagnose, STAGES } from "./index";

// The project's own accounts, and those written for issue 7 by a reader who had not seen the rules.
const SCENARIOS = [...ORIGINAL, ...SCENARIOS_ISSUE7];

describe("scenarios from the articles", () => {
  it("covers every stage with at least 50 accounts", () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(SCENARIOS.map((s) => s.name)).size).toBe(SCENARIOS.length);
    for (const stage of [...STAGES, "INSUFFICIENT_DATA"]) {
      expect(SCENARIOS.some((s) => s.expect.stage === stage)).toBe(true);
    }
  });

  it.each(SCENARIOS.map((s) => [s.name, s] as const))("%s", (_, scenario) => {
    const d = diagnose(scenario.signals, { now: NOW, history: scenario.history ?? [] });
    const summary = `${scenario.passage}\n${d.stage}: ${d.evidence.map((e) => `${e.signal}(${e.stage} ${e.weight})`).join(", ")}`;
    expect(d.stage, summary).toBe(scenario.expect.stage);
    const signals = d.evidence.map((e) => e.signal);
    for (const signal of scenario.expect.evidence ?? []) expect(signals, summary).toContain(signal);
    // The evidence that carried a sick stage includes the scenario's key symptoms.
    if (d.stage === d.rawStage && d.stage !== "HEALTHY" && d.stage !== "INSUFFICIENT_DATA") {
      const decisive = d.evidence.filter((e) => e.decisive).map((e) => e.signal);
      for (const signal of scenario.expect.evidence ?? []) expect(decisive, summary).toContain(signal);
    }
    const phrases = d.phrases.map((p) => p.phraseId);
    for (const id of scenario.expect.phrases ?? []) expect(phrases, summary).toContain(id);
    const treatments = d.treatments.map((t) => t.id);
    for (const id of scenario.expect.treatments ?? []) expect(treatments, summary).toContain(id);
    // Every output agrees with the stage shown, held or not.
    if (d.score !== null && d.stage !== "INSUFFICIENT_DATA") {
      const band = defaultConfig.score.bands[d.stage];
      expect(d.score, summary).toBeGreaterThanOrEqual(band.min);
      expect(d.score, summary).toBeLessThanOrEqual(band.max);
    }
    expect(d.hold !== null, summary).toBe(d.trend.direction === "recovering");
  });

  it("scores fall, on average, as the stage worsens", () => {
    const byStage = new Map<string, number[]>();
    for (const s of SCENARIOS) {
      const d = diagnose(s.signals, { now: NOW, history: s.history ?? [] });
      if (d.score !== null && d.stage === d.rawStage) byStage.set(d.stage, [...(byStage.get(d.stage) ?? []), d.score]);
    }
    const averages = STAGES.map((stage) => {
      const scores = byStage.get(stage) ?? [];
      return scores.reduce((a, b) => a + b, 0) / scores.length;
    });
    expect([...averages].sort((a, b) => b - a)).toEqual(averages);
  });
});
