import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountArb, historyArb, observedAccountArb, shuffledArb, symptomArb } from "../../tests/fixtures/scoring/arbitraries";
import { NOW } from "../../tests/fixtures/scoring/build";
import { diagnose, severity, type AccountSignals, type DiagnosedStage } from "./index";

const RUNS = { numRuns: Number(process.env.SCORING_PROPERTY_RUNS ?? 300) };

describe("properties", { timeout: 120_000 }, () => {
  it("a worse rating never raises the score", () => {
    fc.assert(
      fc.property(accountArb, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 10 }), (account, pick, drop, recDrop) => {
        const list = account.ratings ?? [];
        fc.pre(list.length > 0);
        const index = pick % list.length;
        const r = list[index]!;
        const worse = { ...r, overall: Math.max(1, r.overall - drop), recommend: Math.max(0, r.recommend - recDrop) };
        const before = diagnose(account, { now: NOW }).score;
        const after = diagnose({ ...account, ratings: list.map((x, i) => (i === index ? worse : x)) }, { now: NOW }).score;
        fc.pre(before !== null && after !== null);
        expect(after).toBeLessThanOrEqual(before!);
      }),
      RUNS,
    );
  });

  // On accounts observed throughout: where data is missing the stage is held as unknown, and any
  // new record, even a symptom milder than the held stage, is information that can end the hold.
  it("adding a symptom never moves the stage towards health", () => {
    fc.assert(
      fc.property(observedAccountArb, historyArb, symptomArb, (account, history, symptom) => {
        const before = diagnose(account, { now: NOW, history }).stage;
        const after = diagnose(symptom.add(account), { now: NOW, history }).stage;
        expect(before).not.toBe("INSUFFICIENT_DATA");
        expect(after).not.toBe("INSUFFICIENT_DATA");
        expect(severity(after as DiagnosedStage), `${symptom.name}: ${before} → ${after}`).toBeGreaterThanOrEqual(
          severity(before as DiagnosedStage),
        );
      }),
      RUNS,
    );
  });

  it("shuffled input gives the same diagnosis", () => {
    fc.assert(
      fc.property(
        accountArb.chain((a) => fc.tuple(fc.constant(a), shuffledArb(a))),
        historyArb,
        ([account, shuffled]: [AccountSignals, AccountSignals], history) => {
          expect(diagnose(shuffled, { now: NOW, history: [...history].reverse() })).toEqual(diagnose(account, { now: NOW, history }));
        },
      ),
      RUNS,
    );
  });

  it("always returns a valid, serialisable diagnosis", () => {
    fc.assert(
      fc.property(accountArb, historyArb, (account, history) => {
        const d = diagnose(account, { now: NOW, history });
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        if (d.score !== null) expect(d.score >= 0 && d.score <= 100).toBe(true);
        expect(d.score === null).toBe(d.stage === "INSUFFICIENT_DATA");
      }),
      RUNS,
    );
  });
});
