import { describe, expect, it } from "vitest";
import type { DiagnosedStage } from "../enums";
import { makeEvidence } from "../evidence";
import type { PhraseHit } from "../types";
import { selectTreatments } from "./select";

const ev = (signal: string, stage: DiagnosedStage, message: string) =>
  makeEvidence({ signal, stage, weight: 0.5, value: null, rule: "", sourceIds: [], message });

const hit = (phraseId: string, matchedText: string): PhraseHit => ({
  phraseId,
  matchedText,
  side: "BUSINESS",
  stage: "FLU",
  phrase: "",
  source: { kind: "quote", id: "q" },
  at: "2026-01-01T00:00:00.000Z",
});

describe("selectTreatments", () => {
  it("prescribes for the evidence, saying why", () => {
    const t = selectTreatments("SNIFFLES", [ev("badNews.late", "SNIFFLES", "Bad news was late.")], []);
    expect(t.map((x) => x.id)).toEqual(["admit-the-problem", "no-surprised-client"]);
    expect(t[1]).toMatchObject({ why: "Bad news was late.", article: "000", signals: ["badNews.late"] });
  });

  it("prescribes an impartial third party at the advanced stages", () => {
    expect(selectTreatments("PNEUMONIA", [], []).map((x) => x.id)).toContain("impartial-third-party");
    expect(selectTreatments("FLU", [], []).map((x) => x.id)).not.toContain("impartial-third-party");
  });

  it("keeps the trains running when service levels slip", () => {
    const t = selectTreatments("SNIFFLES", [ev("reliability.slaMissed", "SNIFFLES", "SLA missed.")], []);
    expect(t.map((x) => x.id)).toContain("keep-the-trains-running");
  });

  it("responds to phrases heard", () => {
    const t = selectTreatments("FLU", [], [hit("we-will-do-it-ourselves", "we'll build it ourselves")]);
    expect(t.find((x) => x.id === "competitive-mindset")?.why).toBe("Heard: “we'll build it ourselves”.");
  });

  it("fits the signals captured on screens", () => {
    const chosen = (signal: string) => selectTreatments("FLU", [ev(signal, "FLU", "seen")], []).filter((t) => t.signals.length > 0).map((t) => t.id);
    expect(chosen("requests.declinedUnexplained")).toEqual(["explain-the-no"]);
    expect(chosen("interactions.itUnanswered")).toEqual(["client-not-colleague", "one-accountable-owner"]);
    expect(chosen("interactions.clientDisengaging")).toEqual(["client-not-colleague"]);
    expect(chosen("delivery.projectMissed")).toEqual(["publish-failures"]);
    expect(chosen("goals.missed")).toEqual(["measurable-goals"]);
    expect(chosen("structure.OUTSOURCING_DECISION")).toEqual(["competitive-mindset"]);
    expect(chosen("ratings.perceptionGap.businessUnderstanding")).toEqual(["shared-understanding"]);
    expect(chosen("ratings.perceptionGap.responsiveness")).toEqual(["shared-understanding"]);
    expect(chosen("ratings.perceptionGap.communication")).toEqual(["toot-your-own-horn"]);
    expect(chosen("ratings.perceptionGap.delivery")).toEqual(["toot-your-own-horn"]);
    expect(chosen("ratings.perceptionGap.trust")).toEqual(["publish-failures"]);
  });

  it("ignores healthy evidence and prescribes nothing without a stage", () => {
    expect(selectTreatments("INSUFFICIENT_DATA", [ev("goals.reviewed", "HEALTHY", "ok")], [])).toEqual([]);
  });
});
