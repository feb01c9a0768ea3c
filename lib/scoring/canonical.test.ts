import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountArb } from "../../tests/fixtures/scoring/arbitraries";
import { realisticAccount } from "../../tests/fixtures/scoring/realistic";
import { canonicalCheck } from "./canonical";
import { accountSignalsSchema, parseSignals, validateSignals } from "./input";
import { diagnoseParsed } from "./diagnose";

const NOW = new Date("2026-06-30T12:00:00Z");
const realistic = [1, 2, 3].flatMap((seed) => [realisticAccount(seed, NOW, true).signals, realisticAccount(seed, NOW, false).signals]);
const clone = <T>(value: T): T => structuredClone(value);

describe("validateSignals", () => {
  it("returns the app's signals themselves, and they diagnose as zod's copy does", () => {
    for (const signals of realistic) {
      expect(validateSignals(signals)).toBe(signals);
      const parsed = accountSignalsSchema.parse(signals);
      expect(parsed).not.toBe(signals);
      expect(diagnoseParsed(validateSignals(signals), { now: NOW })).toEqual(diagnoseParsed(parsed, { now: NOW }));
    }
  });

  it("hands other input to zod, which normalises it", () => {
    const signals = clone(realistic[0]!) as Record<string, unknown> & { interactions: Record<string, unknown>[] };
    (signals.interactions[0]! as { at: unknown }).at = "2026-05-01T09:00:00Z";
    delete signals.interactions[1]!.cancelledBy;
    delete signals.interactions[1]!.quotes;
    const result = validateSignals(signals);
    expect(result).not.toBe(signals);
    expect(result.interactions[0]!.at).toEqual(new Date("2026-05-01T09:00:00Z"));
    expect(result.interactions[1]!.cancelledBy).toBe("NOBODY");
    expect(result.interactions[1]!.quotes).toEqual([]);
    expect(validateSignals({})).toEqual({ ratings: [], interactions: [], followUps: [] });
  });

  // Each breaks one rule of the schema on a copy of a valid account (typed loosely: it is made invalid).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>;
  const breakers: [string, (s: Loose) => void][] = [
    ["a score out of range", (s) => (s.ratings[0].overall = 6)],
    ["a fractional score", (s) => (s.ratings[0].overall = 2.5)],
    ["NaN", (s) => (s.ratings[0].recommend = Number.NaN)],
    ["Infinity", (s) => (s.projects[0].budget = Number.POSITIVE_INFINITY)],
    ["a percentage over 100", (s) => (s.slaPeriods[0].attainedPercent = 101)],
    ["an empty id", (s) => (s.followUps[0].id = "")],
    ["an invalid Date", (s) => (s.followUps[0].dueDate = new Date("nope"))],
    ["a number for a date", (s) => (s.followUps[0].createdAt = 0)],
    ["an unknown enum value", (s) => (s.interactions[0].type = "PIGEON")],
    ["a string for a boolean", (s) => (s.incidents[0].major = "yes")],
    ["a non-integer count", (s) => (s.analystLayers[0].count = 1.5)],
    ["a duplicate id", (s) => (s.ratings[1].id = s.ratings[0].id)],
    ["a duplicate quote id across interactions", (s) => {
      const [a, b] = s.interactions.filter((i: { quotes: unknown[] }) => i.quotes.length > 0);
      b.quotes[0].id = a.quotes[0].id;
    }],
    ["an array for an object", (s) => (s.ratings[0].dimensions = [])],
    ["null for a list", (s) => (s.ratings = null)],
  ];

  it.each(breakers)("rejects %s with zod's own error", (_name, breakIt) => {
    const signals = clone(realistic[0]!) as Loose;
    breakIt(signals);
    expect(() => accountSignalsSchema.parse(signals)).toThrow(z.ZodError);
    expect(() => validateSignals(signals)).toThrow(z.ZodError);
    expect(parseSignals(signals).ok).toBe(false);
  });

  it("agrees with zod on generated accounts: accepted as they are only when zod accepts, and diagnosed alike", () => {
    fc.assert(
      fc.property(accountArb, (signals) => {
        const zod = accountSignalsSchema.safeParse(signals);
        const ours = parseSignals(signals);
        expect(ours.ok).toBe(zod.success);
        if (ours.ok && zod.success) expect(diagnoseParsed(ours.signals, { now: NOW })).toEqual(diagnoseParsed(zod.data, { now: NOW }));
      }),
      { numRuns: 150 },
    );
  });
});

describe("canonicalCheck", () => {
  it("refuses, when built, a schema feature it cannot read", () => {
    expect(() => canonicalCheck(z.object({ at: z.string().transform((s) => s.length) }))).toThrow(/at is a pipe/);
    expect(() => canonicalCheck(z.object({ mail: z.email() }))).toThrow(/mail \(string\) has "format"/);
    expect(() => canonicalCheck(z.object({ n: z.number().multipleOf(5) }))).toThrow(/n has a multiple_of/);
  });

  it("reads a schema as another when told to, and keeps zod's number rules", () => {
    const day = z.preprocess((v) => (typeof v === "string" ? new Date(v) : v), z.date());
    const check = canonicalCheck(z.object({ at: day, n: z.int().min(1).max(3).optional() }), { readAs: new Map([[day, z.date()]]) });
    expect(check({ at: new Date() })).toBe(true);
    expect(check({ at: "2026-01-01" })).toBe(false);
    expect(check({ at: new Date(), n: 3 })).toBe(true);
    expect(check({ at: new Date(), n: 4 })).toBe(false);
    expect(check({ at: new Date(), n: 2 ** 60 })).toBe(false);
  });
});
