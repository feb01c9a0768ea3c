import { describe, expect, it } from "vitest";
import { daysAgo, interaction, rating } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { analystLayers, structuralEvents } from "./structure";

describe("analystLayers", () => {
  it("uses the latest count: one layer is flu, six or seven are pneumonia", () => {
    const layers = [
      { id: "l1", at: daysAgo(300), count: 1 },
      { id: "l2", at: daysAgo(10), count: 6 },
      { id: "l3", at: daysAgo(-10), count: 0 },
    ];
    expect(summary(runRule(analystLayers, { analystLayers: layers }))).toEqual(["structure.analystLayers PNEUMONIA 1"]);
    expect(summary(runRule(analystLayers, { analystLayers: layers.slice(0, 1) }))).toEqual(["structure.analystLayers FLU 0.4"]);
    expect(runRule(analystLayers, { analystLayers: [{ id: "l", at: daysAgo(5), count: 0 }] })).toEqual([]);
  });
});

describe("structuralEvents", () => {
  it("maps each kind to its stage while unresolved", () => {
    const events = [
      { id: "e1", at: daysAgo(30), kind: "OUTSOURCING_DECISION" as const },
      { id: "e2", at: daysAgo(60), kind: "SHADOW_IT_TEAM" as const, resolvedAt: daysAgo(5) },
      { id: "e3", at: daysAgo(90), kind: "SHADOW_IT_TEAM" as const, resolvedAt: null },
      { id: "e4", at: daysAgo(500), kind: "OUTSIDE_CONSULTANTS" as const },
    ];
    expect(summary(runRule(structuralEvents, { structuralEvents: events }))).toEqual([
      "structure.SHADOW_IT_TEAM PNEUMONIA 0.6",
      "structure.OUTSOURCING_DECISION DEATH_AND_REINCARNATION 0.8",
    ]);
  });
});

describe("structural events with a size or forced", () => {
  const shadow = (id: string, size?: number) => ({ id, at: daysAgo(30), kind: "SHADOW_IT_TEAM" as const, ...(size !== undefined ? { size } : {}) });
  const leadership = (forced?: boolean) => ({
    id: "lead",
    at: daysAgo(20),
    kind: "IT_LEADERSHIP_CHANGE" as const,
    ...(forced !== undefined ? { forced } : {}),
  });

  it("weighs a larger shadow IT team as a stronger sign of pneumonia", () => {
    expect(summary(runRule(structuralEvents, { structuralEvents: [shadow("s")] }))).toEqual(["structure.SHADOW_IT_TEAM PNEUMONIA 0.6"]);
    expect(summary(runRule(structuralEvents, { structuralEvents: [shadow("s", 2)] }))).toEqual(["structure.SHADOW_IT_TEAM PNEUMONIA 0.6"]);
    expect(summary(runRule(structuralEvents, { structuralEvents: [shadow("s", 6)] }))).toEqual(["structure.SHADOW_IT_TEAM PNEUMONIA 0.8"]);
    const [e] = runRule(structuralEvents, { structuralEvents: [shadow("s", 6), shadow("t", 6)] });
    expect(summary([e!])).toEqual(["structure.SHADOW_IT_TEAM PNEUMONIA 1"]);
    expect(e?.message).toBe("A shadow IT team has grown inside the business unit (12 people).");
  });

  it("sees a forced change of IT leadership as the end stage, and a voluntary one as no symptom", () => {
    expect(summary(runRule(structuralEvents, { structuralEvents: [leadership()] }))).toEqual([
      "structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 0.6",
    ]);
    const [forced] = runRule(structuralEvents, { structuralEvents: [leadership(true)] });
    expect(summary([forced!])).toEqual(["structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 1"]);
    expect(forced?.message).toBe("A change of IT leadership is proposed or under way, forced on IT.");
    expect(runRule(structuralEvents, { structuralEvents: [leadership(false)] })).toEqual([]);
  });

  it("counts a leadership change as forced when the business complained before it", () => {
    const change = [{ id: "cio", at: daysAgo(10), kind: "IT_LEADERSHIP_CHANGE" as const }];
    expect(summary(runRule(structuralEvents, { structuralEvents: change }))).toEqual(["structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 0.6"]);
    const escalation = interaction("esc", 40, { type: "ESCALATION", sentiment: "VERY_NEGATIVE" });
    const [e] = runRule(structuralEvents, { structuralEvents: change, interactions: [escalation] });
    expect(summary([e!])).toEqual(["structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 1"]);
    expect(e?.message).toMatch(/after the business complained/);
    // A complaint after the change, or one known to be voluntary, does not make it forced.
    const later = interaction("esc", 5, { type: "ESCALATION" });
    expect(summary(runRule(structuralEvents, { structuralEvents: change, interactions: [later] }))).toEqual(["structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 0.6"]);
    expect(runRule(structuralEvents, { structuralEvents: [{ ...change[0]!, forced: false }], ratings: [rating("r", 30, 1, 0)] })).toEqual([]);
    expect(summary(runRule(structuralEvents, { structuralEvents: change, ratings: [rating("r", 30, 2, 3)] }))).toEqual(["structure.IT_LEADERSHIP_CHANGE DEATH_AND_REINCARNATION 1"]);
  });
});
