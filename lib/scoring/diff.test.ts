import { describe, expect, it } from "vitest";
import { interaction, NOW, quote, ratings } from "../../tests/fixtures/scoring/build";
import { diagnose } from "./diagnose";
import { diffDiagnoses, evidenceMoved, type DiffEvidence, type Diffable } from "./diff";
import type { PhraseHit } from "./types";

const item = (signal: string, weight: number, sourceIds: string[], extra: Partial<DiffEvidence> = {}): DiffEvidence => ({
  signal,
  stage: "SNIFFLES",
  weight,
  message: `${signal} ×${weight}`,
  sourceIds,
  ...extra,
});
const state = (evidence: DiffEvidence[], extra: Partial<Diffable> = {}): Diffable => ({ stage: "SNIFFLES", score: 70, evidence, phrases: [], ...extra });

describe("diffDiagnoses", () => {
  it("finds nothing between a diagnosis and itself", () => {
    const d = state([item("ratings.overall.level", 2, ["r1", "r2"])]);
    const diff = diffDiagnoses(d, d);
    expect(diff).toMatchObject({ stage: null, score: { from: 70, to: 70, delta: 0 }, added: [], removed: [], changed: [], phrasesHeard: [] });
    expect(evidenceMoved(diff)).toBe(false);
  });

  it("reports the stage, the score delta, and items added and removed with their records", () => {
    const before = state([item("followUps.overdue", 1, ["f1"]), item("ratings.overall.level", 2, ["r1"])], { stage: "SNIFFLES", score: 72 });
    const after = state([item("phrases.business.flu", 3, ["q1", "i1"], { stage: "FLU" }), item("ratings.overall.level", 2, ["r1"])], { stage: "FLU", score: 55 });
    const diff = diffDiagnoses(before, after);
    expect(diff.stage).toEqual({ from: "SNIFFLES", to: "FLU" });
    expect(diff.score).toEqual({ from: 72, to: 55, delta: -17 });
    expect(diff.added).toEqual([after.evidence[0]]);
    expect(diff.added[0]?.sourceIds).toEqual(["q1", "i1"]);
    expect(diff.removed).toEqual([before.evidence[0]]);
    expect(diff.changed).toEqual([]);
    expect(evidenceMoved(diff)).toBe(true);
  });

  it("reports a change of weight with the records newly behind it and those dropped", () => {
    const before = state([item("ratings.overall.level", 2, ["r1", "r2"])]);
    const after = state([item("ratings.overall.level", 3, ["r2", "r3"], { stage: "FLU" })]);
    expect(diffDiagnoses(before, after).changed).toEqual([
      { signal: "ratings.overall.level", before: before.evidence[0], after: after.evidence[0], weightDelta: 1, newSourceIds: ["r3"], droppedSourceIds: ["r1"] },
    ]);
  });

  it("reports an item reworded on new records even when its weight stayed (capped)", () => {
    const before = state([item("followUps.overdue", 2, ["f1"], { message: "1 overdue follow-up" })]);
    const after = state([item("followUps.overdue", 2, ["f1", "f2"], { message: "2 overdue follow-ups" })]);
    expect(diffDiagnoses(before, after).changed).toMatchObject([{ weightDelta: 0, newSourceIds: ["f2"], droppedSourceIds: [] }]);
  });

  it("matches a repeated signal by its records: one missed project replaced by another is a removal and an addition", () => {
    const before = state([item("delivery.projectMissed", 2, ["p1"]), item("delivery.projectMissed", 2, ["p2"])]);
    const after = state([item("delivery.projectMissed", 3, ["p1"]), item("delivery.projectMissed", 2, ["p3"])]);
    const diff = diffDiagnoses(before, after);
    expect(diff.changed.map((c) => [c.before.sourceIds, c.after.sourceIds, c.weightDelta])).toEqual([[["p1"], ["p1"], 1]]);
    expect(diff.added.map((e) => e.sourceIds)).toEqual([["p3"]]);
    expect(diff.removed.map((e) => e.sourceIds)).toEqual([["p2"]]);
  });

  it("has no score delta when either side had insufficient data", () => {
    const diff = diffDiagnoses(state([], { stage: "INSUFFICIENT_DATA", score: null }), state([]));
    expect(diff.score).toEqual({ from: null, to: 70, delta: null });
    expect(diff.stage).toEqual({ from: "INSUFFICIENT_DATA", to: "SNIFFLES" });
  });

  it("lists the phrases newly heard, not those heard before", () => {
    const hit = (id: string, phraseId: string): PhraseHit => ({
      phraseId,
      side: "BUSINESS",
      stage: "SNIFFLES",
      matchedText: "doesn't get it",
      phrase: "IT just doesn't get it",
      source: { kind: "quote", id },
      interactionId: `i-${id}`,
      at: NOW,
    });
    const diff = diffDiagnoses(state([], { phrases: [hit("q1", "a")] }), state([], { phrases: [hit("q1", "a"), hit("q2", "a"), hit("q1", "b")] }));
    expect(diff.phrasesHeard.map((h) => `${h.source.id}/${h.phraseId}`)).toEqual(["q2/a", "q1/b"]);
  });

  it("on real diagnoses: a complaint logged shows as phrase evidence added, with the quote and its interaction", () => {
    const base = { ratings: ratings("r", 6, 4, 8), interactions: [interaction("i1", 20)] };
    const complaint = interaction("i2", 2, { quotes: [quote("q2", "BUSINESS", "IT just doesn't get it")] });
    const before = diagnose(base, { now: NOW });
    const after = diagnose({ ...base, interactions: [...base.interactions, complaint] }, { now: NOW });
    const diff = diffDiagnoses(before, after);
    const phrases = diff.added.filter((e) => e.signal.startsWith("phrases.business."));
    expect(phrases).toHaveLength(1);
    expect(phrases[0]?.sourceIds).toEqual(expect.arrayContaining(["q2", "i2"]));
    expect(diff.phrasesHeard.map((h) => h.source.id)).toEqual(["q2"]);
    expect(diff.removed).toEqual([]);
    // Back the other way: the same item is removed.
    expect(diffDiagnoses(after, before).removed.map((e) => e.signal)).toEqual(phrases.map((e) => e.signal));
  });
});
