import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountArb } from "../../tests/fixtures/scoring/arbitraries";
import { NOW, ratings } from "../../tests/fixtures/scoring/build";
import { SCENARIOS } from "../../tests/fixtures/scoring/scenarios";
import { SCENARIOS_ISSUE7 } from "../../tests/fixtures/scoring/scenarios-issue7";
import { type AccountSignals, diagnoseParsed, validateSignals } from "../scoring";
import { encodeSpans, expandSpans, GONE, spanRecordsOf } from "./source-spans";

// A stored diagnosis keeps runs of records as spans; read back with the account's records as they
// were, it must list exactly the records the library named, in the same order.

function roundTrip(signals: AccountSignals) {
  const parsed = validateSignals(signals);
  const diagnosis = diagnoseParsed(parsed, { now: NOW });
  const records = spanRecordsOf(parsed);
  const stored = encodeSpans(diagnosis, records);
  return { diagnosis, stored, read: expandSpans(JSON.parse(JSON.stringify(stored)), records) };
}

describe("record spans in stored diagnoses", () => {
  it.each([...SCENARIOS, ...SCENARIOS_ISSUE7].map((s) => [s.name, s] as const))("%s: reads back as diagnosed", (_, scenario) => {
    const { diagnosis, read } = roundTrip(scenario.signals);
    expect(read).toEqual(diagnosis);
  });

  it("reads back as diagnosed for generated accounts", () => {
    fc.assert(
      fc.property(accountArb, (signals) => {
        const { diagnosis, read } = roundTrip(signals);
        expect(read).toEqual(diagnosis);
      }),
      { numRuns: 300 },
    );
  });

  it("stores a year of ratings in a few tokens, keeping each item's first record", () => {
    const signals = { ratings: [...ratings("a", 150, 2, 3, 1, 1), ...ratings("b", 40, 4, 8, 2, 4).map((r) => ({ ...r, dimensions: { trust: 2 } }))], interactions: [], followUps: [] };
    const { diagnosis, stored, read } = roundTrip(signals);
    const level = stored.evidence.find((e) => e.signal === "ratings.overall.level")!;
    expect(level.sourceIds).toHaveLength(2);
    expect(level.sourceIds[0]).toBe(diagnosis.evidence.find((e) => e.signal === "ratings.overall.level")!.sourceIds[0]);
    expect(stored.evidence.find((e) => e.signal === "ratings.dimension.trust")?.sourceIds).toHaveLength(2);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(diagnosis).length / 2);
    expect(read).toEqual(diagnosis);
  });

  it("counts a record missing since the diagnosis as gone, not as another record", () => {
    const signals = { ratings: ratings("r", 10, 2, 3), interactions: [], followUps: [] };
    const parsed = validateSignals(signals);
    const diagnosis = diagnoseParsed(parsed, { now: NOW });
    const records = spanRecordsOf(parsed);
    const stored = encodeSpans(diagnosis, records);
    const later = { ...records, rating: records.rating.filter((r) => r.id !== "r4") };
    const ids = expandSpans(stored, later).evidence.find((e) => e.signal === "ratings.overall.level")!.sourceIds;
    const original = diagnosis.evidence.find((e) => e.signal === "ratings.overall.level")!.sourceIds;
    expect(ids).toHaveLength(original.length);
    expect(ids.filter((id) => id.startsWith(GONE))).toHaveLength(1);
    expect(ids.filter((id) => !id.startsWith(GONE))).toEqual(original.filter((id) => id !== "r4"));
  });
});
