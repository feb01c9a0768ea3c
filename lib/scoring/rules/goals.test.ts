import { describe, expect, it } from "vitest";
import { daysAgo } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { goals } from "./goals";

describe("goals", () => {
  it("flags no goals at all, but only when goals are recorded", () => {
    expect(summary(runRule(goals, { goals: [] }))).toEqual(["goals.none SNIFFLES 0.3"]);
    expect(runRule(goals, {})).toEqual([]);
  });

  it("flags goals left unreviewed, and sees regular reviews as healthy", () => {
    const list = [
      { id: "g1", agreedAt: daysAgo(400), lastReviewedAt: daysAgo(200) },
      { id: "g2", agreedAt: daysAgo(400), lastReviewedAt: daysAgo(30) },
    ];
    expect(summary(runRule(goals, { goals: list }))).toEqual(["goals.unreviewed SNIFFLES 0.4"]);
    expect(summary(runRule(goals, { goals: list.slice(1) }))).toEqual(["goals.reviewed HEALTHY 0.5"]);
  });

  it("respects each goal's own review rhythm", () => {
    const list = [{ id: "g1", agreedAt: daysAgo(400), lastReviewedAt: daysAgo(200), reviewEveryDays: 365 }];
    expect(summary(runRule(goals, { goals: list }))).toEqual(["goals.reviewed HEALTHY 0.5"]);
  });

  describe("reviews", () => {
    const goal = (id: string, results: ("MET" | "PARTLY" | "MISSED")[], extra: Record<string, unknown> = {}) => ({
      id,
      agreedAt: daysAgo(400),
      lastReviewedAt: null,
      // Quarterly, the latest 20 days ago.
      reviews: results.map((result, i) => ({ at: daysAgo(20 + (results.length - 1 - i) * 90).slice(0, 10), result })),
      ...extra,
    });

    it("take the latest review at or before now as the last review, if later", () => {
      const stale = { id: "g", agreedAt: daysAgo(400), lastReviewedAt: daysAgo(300) };
      expect(summary(runRule(goals, { goals: [stale] }))).toEqual(["goals.unreviewed SNIFFLES 0.4"]);
      expect(summary(runRule(goals, { goals: [{ ...stale, reviews: [{ at: daysAgo(30), result: "PARTLY" as const }] }] }))).toEqual([
        "goals.reviewed HEALTHY 0.5",
      ]);
      expect(summary(runRule(goals, { goals: [{ ...stale, reviews: [{ at: daysAgo(-5), result: "MET" as const }] }] }))).toEqual([
        "goals.unreviewed SNIFFLES 0.4",
      ]);
    });

    it("flag goals missed at review after review, and more than one as flu", () => {
      expect(summary(runRule(goals, { goals: [goal("g1", ["MET", "MISSED", "MISSED"]), goal("g2", ["MET"])] }))).toEqual([
        "goals.reviewed HEALTHY 0.5",
        "goals.missed SNIFFLES 0.4",
      ]);
      expect(summary(runRule(goals, { goals: [goal("g1", ["MISSED", "MISSED"]), goal("g2", ["PARTLY", "MISSED", "MISSED"])] }))).toEqual([
        "goals.reviewed HEALTHY 0.5",
        "goals.missed FLU 0.4",
      ]);
    });

    it("do not flag a single miss, or a goal met again since", () => {
      expect(summary(runRule(goals, { goals: [goal("g1", ["MISSED"]), goal("g2", ["MISSED", "MISSED", "MET"])] }))).toEqual([
        "goals.reviewed HEALTHY 0.5",
      ]);
    });

    it("see goals met at reviews on schedule as healthy", () => {
      const met = [goal("g1", ["PARTLY", "MET"]), goal("g2", ["MET"]), goal("g3", ["MET"]), goal("g4", ["PARTLY"])];
      expect(summary(runRule(goals, { goals: met }))).toEqual(["goals.reviewed HEALTHY 0.5", "goals.met HEALTHY 0.3"]);
      // Met long ago and not reviewed since is not "met and reviewed".
      const old = [goal("g1", ["MET"], { reviews: [{ at: daysAgo(200), result: "MET" }] })];
      expect(summary(runRule(goals, { goals: old }))).toEqual(["goals.unreviewed SNIFFLES 0.4"]);
    });
  });
});
