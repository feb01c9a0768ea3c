import { describe, expect, it } from "vitest";
import { daysAgo, rating } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { badNews, surprisedClient } from "./bad-news";

describe("badNews", () => {
  it("flags bad news told late or not yet told", () => {
    const list = [
      { id: "b1", knownAt: daysAgo(60), toldAt: daysAgo(30) },
      { id: "b2", knownAt: daysAgo(20), toldAt: null },
      { id: "b3", knownAt: daysAgo(3), toldAt: null },
    ];
    const [e] = runRule(badNews, { badNews: list });
    expect(summary([e!])).toEqual(["badNews.late SNIFFLES 0.6"]);
    expect(e?.sourceIds).toEqual(["b1", "b2"]);
  });

  it("sees bad news told promptly as healthy", () => {
    const list = [
      { id: "b1", knownAt: daysAgo(60), toldAt: daysAgo(59) },
      { id: "b2", knownAt: daysAgo(20), toldAt: daysAgo(18) },
    ];
    expect(summary(runRule(badNews, { badNews: list }))).toEqual(["badNews.toldEarly HEALTHY 0.3"]);
  });

  it("sees a surprised client when the ratings fall after late news", () => {
    const news = [{ id: "b1", knownAt: daysAgo(80), toldAt: daysAgo(45) }];
    const before = [rating("r1", 120, 4, 8), rating("r2", 60, 4, 8)];
    const after = [rating("r3", 30, 2, 5), rating("r4", 10, 2, 5)];
    const [e] = runRule(surprisedClient, { badNews: news, ratings: [...before, ...after] });
    expect(summary([e!])).toEqual(["badNews.surprisedClient SNIFFLES 1"]);
    expect(e?.sourceIds).toEqual(["b1", "r3", "r4"]);
    expect(e?.message).toMatch(/35 days after IT knew.*from 4\.0 to 2\.0/);
    // Ratings that held up, or news told in time, are no surprise.
    expect(runRule(surprisedClient, { badNews: news, ratings: [...before, rating("r3", 30, 4, 8)] })).toEqual([]);
    const early = [{ id: "b1", knownAt: daysAgo(48), toldAt: daysAgo(45) }];
    expect(runRule(surprisedClient, { badNews: early, ratings: [...before, ...after] })).toEqual([]);
  });
});
