import { describe, expect, it } from "vitest";
import { daysAgo, rating, ratings } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { dimensions, perceptionGap, ratingLevel, ratingTrend, recommend, responseRate } from "./ratings";

describe("ratingLevel", () => {
  it("maps the average overall rating onto stages", () => {
    expect(summary(runRule(ratingLevel, { ratings: ratings("r", 4, 5, 9) }))).toEqual(["ratings.overall.level HEALTHY 1"]);
    expect(summary(runRule(ratingLevel, { ratings: ratings("r", 4, 3, 7) }))).toEqual(["ratings.overall.level SNIFFLES 0.6"]);
    expect(summary(runRule(ratingLevel, { ratings: ratings("r", 4, 2, 5) }))).toEqual(["ratings.overall.level FLU 0.6"]);
    expect(summary(runRule(ratingLevel, { ratings: ratings("r", 4, 1, 0) }))).toEqual(["ratings.overall.level PNEUMONIA 0.6"]);
  });

  it("says nothing between the bands or with too few ratings", () => {
    expect(runRule(ratingLevel, { ratings: ratings("r", 4, 4, 8).map((r, i) => (i === 0 ? { ...r, overall: 3 } : r)) })).toEqual([]);
    expect(runRule(ratingLevel, { ratings: ratings("r", 1, 1, 0) })).toEqual([]);
  });

  it("ignores ratings outside the window and in the future", () => {
    const old = [rating("a", 200, 1, 0), rating("b", 300, 1, 0), rating("c", -5, 1, 0)];
    expect(runRule(ratingLevel, { ratings: [...ratings("r", 2, 5, 9), ...old] })[0]?.stage).toBe("HEALTHY");
  });

  it("names its source records and says what it saw", () => {
    const [e] = runRule(ratingLevel, { ratings: ratings("r", 3, 2, 5) });
    expect(e?.sourceIds).toEqual(["r2", "r1", "r0"]);
    expect(e?.message).toBe("Clients rated IT 2/5 on average over the last 180 days (3 ratings), below 2.5.");
  });
});

describe("recommend", () => {
  it("uses the net share of promoters over detractors", () => {
    expect(summary(runRule(recommend, { ratings: ratings("r", 4, 4, 10) }))).toEqual(["ratings.recommend.net HEALTHY 0.5"]);
    expect(summary(runRule(recommend, { ratings: ratings("r", 4, 3, 5) }))).toEqual(["ratings.recommend.net FLU 0.5"]);
    const mixed = [...ratings("a", 2, 3, 5), ...ratings("b", 1, 3, 9, 8), ...ratings("c", 1, 3, 8, 9)];
    expect(summary(runRule(recommend, { ratings: mixed }))).toEqual(["ratings.recommend.net SNIFFLES 0.4"]);
  });
});

describe("dimensions", () => {
  it("flags each poorly rated dimension", () => {
    const list = ratings("r", 3, 3, 7).map((r) => ({ ...r, dimensions: { trust: 1, delivery: 2, communication: 4 } }));
    expect(summary(runRule(dimensions, { ratings: list }))).toEqual([
      "ratings.dimension.delivery SNIFFLES 0.3",
      "ratings.dimension.trust FLU 0.3",
    ]);
  });

  it("ignores dimensions rated too rarely", () => {
    const list = ratings("r", 3, 3, 7).map((r, i) => (i === 0 ? { ...r, dimensions: { trust: 1 } } : r));
    expect(runRule(dimensions, { ratings: list })).toEqual([]);
  });
});

describe("ratingTrend", () => {
  it("flags a fall against the previous period", () => {
    const list = [...ratings("new", 3, 2, 5, 5, 20), ...ratings("old", 3, 4, 8, 100, 20)];
    expect(summary(runRule(ratingTrend, { ratings: list }))).toEqual(["ratings.overall.trend FLU 0.5"]);
  });

  it("sees a rise as a healthy sign", () => {
    const list = [...ratings("new", 3, 5, 9, 5, 20), ...ratings("old", 3, 4, 8, 100, 20)];
    expect(summary(runRule(ratingTrend, { ratings: list }))).toEqual(["ratings.overall.trend HEALTHY 0.3"]);
  });

  it("needs ratings in both periods", () => {
    expect(runRule(ratingTrend, { ratings: ratings("new", 5, 1, 0, 5, 10) })).toEqual([]);
  });
});

describe("responseRate", () => {
  const requests = (answered: number, total: number) =>
    Array.from({ length: total }, (_, i) => ({
      id: `q${i}`,
      sentAt: `2026-0${1 + (i % 5)}-10`,
      // The latest answered, so that the last 90 days (April and May) judge no worse than the 180.
      answeredAt: i >= total - answered ? `2026-0${1 + (i % 5)}-12` : null,
    }));

  it("flags clients who stop answering", () => {
    expect(summary(runRule(responseRate, { ratingRequests: requests(1, 10) }))).toEqual(["ratings.responseRate FLU 0.4"]);
    expect(summary(runRule(responseRate, { ratingRequests: requests(3, 10) }))).toEqual(["ratings.responseRate SNIFFLES 0.4"]);
    expect(summary(runRule(responseRate, { ratingRequests: requests(8, 10) }))).toEqual(["ratings.responseRate HEALTHY 0.3"]);
  });

  it("says nothing when requests are not recorded", () => {
    expect(runRule(responseRate, {})).toEqual([]);
  });

  /** `total` requests sent `from` to `from + 80` days ago, the first `answered` of them answered two days later. */
  const round = (prefix: string, from: number, answered: number, total: number) =>
    Array.from({ length: total }, (_, i) => {
      const sent = from + Math.floor((i * 80) / total);
      return { id: `${prefix}${i}`, sentAt: daysAgo(sent), answeredAt: i < answered ? daysAgo(sent - 2) : null };
    });
  // 14 of 20 answered 95–175 days ago, 3 of 20 in the last 90 days: 42% over 180 days, no band on its own.
  const falling = [...round("old", 95, 14, 20), ...round("new", 5, 3, 20)];

  it("shows a falling response rate with its trend, judged on the latest window", () => {
    const [e, ...rest] = runRule(responseRate, { ratingRequests: falling });
    expect(rest).toEqual([]);
    expect(summary([e!])).toEqual(["ratings.responseRate SNIFFLES 0.4"]);
    expect(e?.value).toBe(0.15);
    expect(e?.rule).toBe("rating response rate below 40% and falling");
    expect(e?.message).toBe(
      "The response rate fell from 70% to 15%: clients answered 3 of 20 rating requests in the last 90 days, 14 of 20 in the 90 days before (17 of 40 rating requests in the last 180 days): they are disengaging.",
    );
    // Every request the message speaks of, oldest first.
    expect(e?.sourceIds).toHaveLength(40);
    expect(e?.sourceIds[0]).toBe("old19");
    expect(e?.sourceIds.at(-1)).toBe("new0");
  });

  it("reaches flu when the latest window collapses", () => {
    const collapsed = [...round("old", 95, 16, 20), ...round("new", 5, 1, 20)];
    expect(summary(runRule(responseRate, { ratingRequests: collapsed }))).toEqual(["ratings.responseRate FLU 0.4"]);
  });

  it("is the same whatever the input order", () => {
    const reversed = [...falling].reverse();
    expect(runRule(responseRate, { ratingRequests: reversed })).toEqual(runRule(responseRate, { ratingRequests: falling }));
  });

  it("never looks better when an earlier request went unanswered", () => {
    const worse = falling.map((r) => (r.id.startsWith("old") ? { ...r, answeredAt: null } : r));
    const [e] = runRule(responseRate, { ratingRequests: worse });
    // No longer falling (0% before), and the 180 days now judge it: 3 of 40.
    expect(summary([e!])).toEqual(["ratings.responseRate FLU 0.4"]);
    expect(e?.message).toBe("Clients answered 3 of 40 rating requests in the last 180 days (8%): they are disengaging.");
  });

  it("is not healthy while the latest window is low, and needs enough requests in it to judge it", () => {
    const lateDip = [...round("old", 95, 20, 20), ...round("new", 5, 12, 20)];
    // 80% over 180 days, but 60% lately: neither a symptom nor healthy.
    expect(runRule(responseRate, { ratingRequests: lateDip })).toEqual([]);
    // Three requests lately are too few to judge the window: the 180 days decide (20 of 23).
    const few = [...round("old", 95, 20, 20), ...round("new", 5, 0, 3)];
    expect(summary(runRule(responseRate, { ratingRequests: few }))).toEqual(["ratings.responseRate HEALTHY 0.3"]);
  });

  it("tells a healthy rate's fall too", () => {
    const dip = [...round("old", 95, 20, 20), ...round("new", 5, 16, 20)];
    const [e] = runRule(responseRate, { ratingRequests: dip });
    expect(summary([e!])).toEqual(["ratings.responseRate HEALTHY 0.3"]);
    expect(e?.message).toMatch(/^The response rate fell from 100% to 80%/);
  });

  it("does not count answers given after now (a replay of history)", () => {
    const later = round("new", 5, 0, 10).map((r) => ({ ...r, answeredAt: daysAgo(-3) }));
    expect(summary(runRule(responseRate, { ratingRequests: later }))).toEqual(["ratings.responseRate FLU 0.4"]);
  });
});

describe("perceptionGap", () => {
  it("flags IT rating itself far above the client's view", () => {
    const own = [{ id: "a1", at: "2026-06-01", overall: 5 }];
    expect(summary(runRule(perceptionGap, { ratings: ratings("r", 3, 3, 7), itAssessments: own }))).toEqual([
      "ratings.perceptionGap FLU 0.6",
    ]);
    expect(summary(runRule(perceptionGap, { ratings: ratings("r", 3, 4, 7), itAssessments: own }))).toEqual([
      "ratings.perceptionGap SNIFFLES 0.5",
    ]);
  });

  it("flags reliable service rated poorly (article 004)", () => {
    const slaPeriods = [{ id: "s1", at: "2026-06-01", targetPercent: 99.9, attainedPercent: 99.99 }];
    expect(summary(runRule(perceptionGap, { ratings: ratings("r", 3, 2, 5), slaPeriods }))).toEqual([
      "ratings.reliableButRatedLow SNIFFLES 0.4",
    ]);
  });

  it("needs client ratings", () => {
    expect(runRule(perceptionGap, { itAssessments: [{ id: "a1", at: "2026-06-01", overall: 5 }] })).toEqual([]);
  });

  it("shows the gap dimension by dimension where both sides rated it (in the dimensions rule)", () => {
    const own = [{ id: "a1", at: "2026-06-01", overall: 4, dimensions: { trust: 5, delivery: 5, communication: 4, businessUnderstanding: 5 } }];
    const client = ratings("r", 3, 4, 8).map((r) => ({ ...r, dimensions: { trust: 2, delivery: 4, communication: null, businessUnderstanding: 3 } }));
    const evidence = runRule(dimensions, { ratings: client, itAssessments: own });
    // Delivery is one point apart (not clearly), communication unrated by the client, responsiveness by both.
    expect(summary(evidence)).toEqual([
      "ratings.perceptionGap.businessUnderstanding SNIFFLES 0.2",
      "ratings.dimension.trust SNIFFLES 0.3",
      "ratings.perceptionGap.trust FLU 0.3",
    ]);
    expect(evidence[2]).toMatchObject({
      sourceIds: ["a1", "r2", "r1", "r0"],
      message: "IT rates its trust 5/5, clients 2/5: 3 points apart.",
    });
  });

  it("needs a dimension rated by the client at least twice", () => {
    const own = [{ id: "a1", at: "2026-06-01", overall: 4, dimensions: { trust: 5 } }];
    const client = [...ratings("r", 2, 4, 8), { ...ratings("t", 1, 4, 8)[0]!, dimensions: { trust: 1 } }];
    expect(runRule(dimensions, { ratings: client, itAssessments: own })).toEqual([]);
  });

  it("does not call a unit reliable when one core system misses its service level", () => {
    const slaPeriods = [
      ...Array.from({ length: 11 }, (_, m) => ({ id: `m${m}`, at: daysAgo(m * 30 + 20), targetPercent: 99.9, attainedPercent: 99.99, system: "E-mail" })),
      { id: "erp", at: daysAgo(30), targetPercent: 99.5, attainedPercent: 97, system: "ERP" },
    ];
    expect(runRule(perceptionGap, { ratings: ratings("r", 3, 2, 5), slaPeriods })).toEqual([]);
    // As one service, 1 missed period in 12 is no SLA symptom, so the unit would count as reliable.
    const asOne = slaPeriods.map(({ system: _, ...p }) => p);
    expect(summary(runRule(perceptionGap, { ratings: ratings("r", 3, 2, 5), slaPeriods: asOne }))).toEqual(["ratings.reliableButRatedLow SNIFFLES 0.4"]);
  });
});
