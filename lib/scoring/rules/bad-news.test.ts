import { describe, expect, it } from "vitest";
import { daysAgo } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { badNews } from "./bad-news";

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
});
