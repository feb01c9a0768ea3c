import { afterEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import {
  daysAgo,
  followUp,
  healthyAccount,
  interaction,
  interactions,
  NOW,
  quote,
  ratings,
} from "../../tests/fixtures/scoring/build";
import { defaultConfig, diagnose, safeDiagnose, type AccountSignals } from "./index";

function fluAccount(): AccountSignals {
  return {
    ratings: ratings("r", 6, 2, 4),
    interactions: [
      ...interactions("i", 5, { sentiment: "NEGATIVE", itOnTime: false }),
      interaction("q", 2, {
        quotes: [
          quote("q1", "BUSINESS", "We've given up waiting for IT; we'll do it ourselves"),
          quote("q2", "IT", "The business needs to get its own house in order"),
        ],
      }),
    ],
    followUps: [followUp("f1", "IT", 20, null), followUp("f2", "IT", 10, null), followUp("f3", "IT", 5, null)],
  };
}

describe("diagnose", () => {
  afterEach(() => vi.useRealTimers());

  it("diagnoses a healthy partnership", () => {
    const d = diagnose(healthyAccount(), { now: NOW });
    expect(d.stage).toBe("HEALTHY");
    expect(d.score).toBeGreaterThanOrEqual(90);
    expect(d.confidence).toBeGreaterThan(0.7);
    expect(d.evidence.every((e) => e.stage === "HEALTHY" && e.decisive)).toBe(true);
    expect(d.treatments.map((t) => t.id)).toEqual(["measurable-goals", "toot-your-own-horn"]);
    expect(d.computedAt).toBe(NOW);
  });

  it("says insufficient data rather than healthy when there is little to go on", () => {
    const d = diagnose({ interactions: [interaction("i1", 3)] }, { now: NOW });
    expect(d).toMatchObject({ stage: "INSUFFICIENT_DATA", score: null, treatments: [] });
    expect(d.confidence).toBeLessThan(0.1);
    expect(diagnose({}, { now: NOW }).stage).toBe("INSUFFICIENT_DATA");
  });

  it("diagnoses the flu, shows what carried it and prescribes for it", () => {
    const d = diagnose(fluAccount(), { now: NOW });
    expect(d.stage).toBe("FLU");
    expect(d.score).toBeLessThan(55);
    const decisive = d.evidence.filter((e) => e.decisive).map((e) => e.signal);
    expect(decisive).toEqual(
      expect.arrayContaining(["ratings.overall.level", "phrases.business.flu", "phrases.it.flu", "phrases.bothSides"]),
    );
    expect(d.phrases.map((p) => [p.side, p.phraseId, p.source])).toEqual([
      ["BUSINESS", "we-will-do-it-ourselves", { kind: "quote", id: "q1" }],
      ["IT", "house-in-order", { kind: "quote", id: "q2" }],
    ]);
    expect(d.phrases[0]).toMatchObject({ interactionId: "q", at: daysAgo(2), matchedText: "given up waiting for IT" });
    const ids = d.treatments.map((t) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining(["admit-the-problem", "client-not-colleague", "shared-understanding", "competitive-mindset"]),
    );
    expect(d.treatments.find((t) => t.id === "client-not-colleague")?.why).toMatch(/IT was late to 5 of 6/);
    expect(d.trend.nextStage).toBe("PNEUMONIA");
  });

  /** A shadow IT team and consultants, resolved some days ago; ratings good for the last `goodDays`, poor before. */
  function recovering(resolvedDaysAgo: number, goodDays: number): AccountSignals {
    const all = ratings("r", 10, 5, 10, 2, 14);
    return {
      ratings: all.map((r) => (Date.parse(NOW) - Date.parse(String(r.at)) > goodDays * 86_400_000 ? { ...r, overall: 2, recommend: 3 } : r)),
      interactions: interactions("p", 8, { sentiment: "POSITIVE" }, 1, 12),
      structuralEvents: [
        { id: "s1", at: daysAgo(200), kind: "SHADOW_IT_TEAM", resolvedAt: daysAgo(resolvedDaysAgo) },
        { id: "s2", at: daysAgo(150), kind: "OUTSIDE_CONSULTANTS", resolvedAt: daysAgo(resolvedDaysAgo) },
      ],
    };
  }
  const wasPneumonia = [{ at: daysAgo(20), stage: "PNEUMONIA" as const, score: 20 }];

  it("does not recover from pneumonia on one good month, and every output agrees with the hold", () => {
    const d = diagnose(recovering(3, 30), { now: NOW, history: wasPneumonia });
    expect(d.rawStage).toBe("SNIFFLES");
    expect(d.stage).toBe("PNEUMONIA");
    expect(d.stageSince).toBe(daysAgo(20));
    expect(d.evidence.some((e) => e.decisive)).toBe(false);
    // Both checkpoints (30 and 60 days ago) were pneumonia: adopted 60 days from now if nothing changes.
    expect(d.hold).toEqual({ rawStage: "SNIFFLES", until: daysAgo(-60) });
    expect(d.score).toBeLessThanOrEqual(defaultConfig.score.bands.PNEUMONIA.max);
    expect(d.trend.direction).toBe("recovering");
    expect(d.confidence).toBeLessThanOrEqual(0.75);
  });

  it("recovers after sustained improvement", () => {
    const d = diagnose(recovering(90, 150), { now: NOW, history: wasPneumonia });
    expect(d.stage).toBe("HEALTHY");
    expect(d.hold).toBeNull();
    expect(d.trend.direction).toBe("improving");
  });

  it("ignores switched-off phrases in the rules, the phrases shown and the treatments", () => {
    const config = structuredClone(defaultConfig);
    config.rules.phrases.disabled = ["we-will-do-it-ourselves"];
    const d = diagnose(fluAccount(), { now: NOW, config });
    expect(d.phrases.map((p) => p.phraseId)).toEqual(["house-in-order"]);
    expect(d.evidence.map((e) => e.signal)).not.toContain("phrases.business.flu");
    expect(d.evidence.map((e) => e.signal)).not.toContain("phrases.bothSides");
    expect(d.treatments.map((t) => t.id)).not.toContain("competitive-mindset");
  });

  it("worsens at once on strong evidence", () => {
    const history = [{ at: daysAgo(7), stage: "HEALTHY" as const, score: 90 }];
    const d = diagnose(fluAccount(), { now: NOW, history });
    expect(d.stage).toBe("FLU");
    expect(d.stageSince).toBe(NOW);
    expect(d.trend.direction).toBe("worsening");
  });

  it("gives the same diagnosis whatever the order of the records", () => {
    const a = fluAccount();
    const b: AccountSignals = {
      ratings: [...a.ratings!].reverse(),
      interactions: [...a.interactions!].reverse().map((i) => ({ ...i, quotes: [...(i.quotes ?? [])].reverse() })),
      followUps: [...a.followUps!].reverse(),
    };
    expect(diagnose(b, { now: NOW })).toEqual(diagnose(a, { now: NOW }));
  });

  it("returns plain JSON", () => {
    const d = diagnose(fluAccount(), { now: NOW });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("never reads the clock", () => {
    const first = diagnose(fluAccount(), { now: new Date(NOW) });
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    expect(diagnose(fluAccount(), { now: NOW })).toEqual(first);
  });

  it("ignores records after the evaluation time", () => {
    const account = healthyAccount();
    account.interactions = [...account.interactions!, ...interactions("future", 6, { sentiment: "VERY_NEGATIVE" }, -1, -10)];
    expect(diagnose(account, { now: NOW })).toEqual(diagnose(healthyAccount(), { now: NOW }));
  });

  it("throws a ZodError on invalid input; safeDiagnose says what is wrong", () => {
    const bad = { ratings: [{ id: "r", at: "2026-01-01", overall: 9, recommend: 1 }] };
    expect(() => diagnose(bad, { now: NOW })).toThrow(ZodError);
    const result = safeDiagnose(bad, { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.path).toBe("ratings.0.overall");
    expect(safeDiagnose({}, { now: "not a date" }).ok).toBe(false);
  });
});
