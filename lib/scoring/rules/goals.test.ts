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
});
