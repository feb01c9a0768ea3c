import { describe, expect, it } from "vitest";
import { accountSignalsSchema, parseSignals } from "./input";

describe("accountSignalsSchema", () => {
  it("accepts what the app stores today, with dates as strings or Dates", () => {
    const parsed = accountSignalsSchema.parse({
      ratings: [{ id: "r1", at: new Date("2026-01-01T00:00:00Z"), overall: 4, recommend: 8, dimensions: { trust: null } }],
      interactions: [{ id: "i1", at: "2026-01-02T09:00:00+01:00", type: "CALL", sentiment: "NEUTRAL", itOnTime: null, itPrepared: null }],
      followUps: [{ id: "f1", owedBy: "IT", dueDate: "2026-01-10", doneAt: null, createdAt: "2026-01-02T10:00:00Z" }],
    });
    expect(parsed.interactions[0]?.at.toISOString()).toBe("2026-01-02T08:00:00.000Z");
    expect(parsed.interactions[0]?.cancelledBy).toBe("NOBODY");
    expect(parsed.interactions[0]?.quotes).toEqual([]);
    expect(parsed.projects).toBeUndefined();
  });

  it("defaults every list, so an empty object is valid", () => {
    expect(accountSignalsSchema.parse({})).toEqual({ ratings: [], interactions: [], followUps: [] });
  });

  it("says what is wrong, where", () => {
    const result = parseSignals({
      ratings: [{ id: "r1", at: "2026-01-01T10:00:00", overall: 6, recommend: 3.5 }],
      interactions: [{ id: "i1", at: "yesterday", type: "LUNCH", sentiment: "NEUTRAL" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      "ratings.0.at",
      "ratings.0.overall",
      "ratings.0.recommend",
      "interactions.0.at",
      "interactions.0.type",
    ]);
    expect(result.issues[0]?.message).toMatch(/ISO 8601/);
  });

  it("refuses duplicate ids, which would make the result depend on input order", () => {
    const r = { at: "2026-01-01", overall: 3, recommend: 5 };
    const result = parseSignals({ ratings: [{ id: "a", ...r }, { id: "a", ...r }] });
    expect(result.ok ? [] : result.issues).toEqual([{ path: "ratings.1.id", message: 'Duplicate id "a"' }]);
  });

  it("refuses unknown structural kinds and out-of-range values", () => {
    expect(parseSignals({ structuralEvents: [{ id: "s", at: "2026-01-01", kind: "PARTY" }] }).ok).toBe(false);
    expect(parseSignals({ slaPeriods: [{ id: "s", at: "2026-01-01", targetPercent: 99, attainedPercent: 101 }] }).ok).toBe(false);
  });

  it("accepts the signals captured on screens, every new field optional", () => {
    const parsed = accountSignalsSchema.parse({
      interactions: [
        { id: "i1", at: "2026-01-02", type: "CALL", sentiment: "NEUTRAL", outcome: "UNANSWERED", cancelledBy: "IT" },
        { id: "i2", at: "2026-01-03", type: "CALL", sentiment: "NEUTRAL" },
      ],
      projects: [
        {
          id: "p1",
          at: "2026-03-01",
          status: "DELIVERED",
          plannedEnd: "2026-01-31",
          actualEnd: "2026-03-01",
          budget: 100_000,
          actualCost: 180_000,
          scopeDeliveredPercent: 60,
        },
        { id: "p2", at: "2026-03-01", plannedEnd: "2026-06-30", actualEnd: null },
      ],
      declinedRequests: [{ id: "d1", at: "2026-02-01", reasonExplained: false }],
      itAssessments: [{ id: "a1", at: "2026-02-01", overall: 5, dimensions: { trust: 5, delivery: null } }],
      goals: [{ id: "g1", agreedAt: "2025-10-01", reviews: [{ at: "2026-01-10", result: "MISSED" }] }],
      structuralEvents: [
        { id: "s1", at: "2026-02-01", kind: "SHADOW_IT_TEAM", size: 12 },
        { id: "s2", at: "2026-02-01", kind: "IT_LEADERSHIP_CHANGE", forced: true },
      ],
      slaPeriods: [{ id: "sla1", at: "2026-02-01", targetPercent: 99.5, attainedPercent: 99.9, system: "ERP" }],
    });
    expect(parsed.interactions.map((i) => i.outcome)).toEqual(["UNANSWERED", undefined]);
    expect(parsed.projects?.[0]?.plannedEnd?.toISOString()).toBe("2026-01-31T00:00:00.000Z");
    expect(parsed.goals?.[0]?.reviews?.[0]?.result).toBe("MISSED");
  });

  it("refuses out-of-range or unknown values in the new fields", () => {
    const wrong = parseSignals({
      interactions: [{ id: "i1", at: "2026-01-02", type: "CALL", sentiment: "NEUTRAL", outcome: "LATE" }],
      projects: [{ id: "p1", at: "2026-03-01", status: "ON_HOLD", budget: -1, scopeDeliveredPercent: 120 }],
      declinedRequests: [{ id: "d1", at: "2026-02-01" }],
      goals: [{ id: "g1", agreedAt: "2025-10-01", reviews: [{ at: "2026-01-10", result: "SORT_OF" }] }],
      structuralEvents: [{ id: "s1", at: "2026-02-01", kind: "SHADOW_IT_TEAM", size: 2.5 }],
      slaPeriods: [{ id: "sla1", at: "2026-02-01", targetPercent: 99.5, attainedPercent: 99.9, system: "" }],
    });
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.path)).toEqual([
      "interactions.0.outcome",
      "projects.0.status",
      "projects.0.budget",
      "projects.0.scopeDeliveredPercent",
      "slaPeriods.0.system",
      "structuralEvents.0.size",
      "goals.0.reviews.0.result",
      "declinedRequests.0.reasonExplained",
    ]);
  });
});
