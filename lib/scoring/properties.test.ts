import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountArb,
  historyArb,
  observedAccountArb,
  reassuranceArb,
  shuffledArb,
  sickHistoryArb,
  symptomArb,
} from "../../tests/fixtures/scoring/arbitraries";
import { NOW } from "../../tests/fixtures/scoring/build";
import {
  defaultConfig,
  diagnose,
  scoringConfigSchema,
  severity,
  type AccountSignals,
  type DiagnosedStage,
  type Diagnosis,
  type ScoringConfig,
  type Stage,
} from "./index";

const rank = (s: Stage) => (s === "INSUFFICIENT_DATA" ? -1 : severity(s));

/**
 * Every property runs on a random seed, printed on failure; `SCORING_PROPERTY_SEED=<seed>` replays
 * one (with `SCORING_PROPERTY_RUNS` as it was), `SCORING_PROPERTY_RUNS=5000` runs them harder.
 */
const RUNS = Number(process.env.SCORING_PROPERTY_RUNS ?? 300);
const SEED = process.env.SCORING_PROPERTY_SEED;

function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  const seed = SEED !== undefined && SEED !== "" ? Number(SEED) : Math.floor(Math.random() * 2 ** 31);
  try {
    fc.assert(property, { numRuns: RUNS, seed });
  } catch (error) {
    if (error instanceof Error) error.message = `Replay with SCORING_PROPERTY_SEED=${seed} SCORING_PROPERTY_RUNS=${RUNS}\n${error.message}`;
    throw error;
  }
}

/**
 * The signals that compare a period with the one before it (the rating trend, the surprised
 * client): a worse rating in the earlier period shrinks their fall, or turns it into a rise.
 */
const COMPARISONS = ["ratings.overall.trend", "badNews.surprisedClient"] as const;

/**
 * How bad a comparison's verdict is: its stage first, then its weight (heavier is worse when sick,
 * better when healthy); none at all sits between a healthy verdict and the sniffles. A shrinking
 * fall can keep its weight and drop a band (the trend's sniffles and flu bands weigh the same), so
 * the weight alone does not tell whether it shrank.
 */
function comparisonSeverity(d: Diagnosis, signal: string): [number, number] {
  const e = d.evidence.find((x) => x.signal === signal);
  if (!e) return [0, 0];
  return e.stage === "HEALTHY" ? [0, -e.weight] : [severity(e.stage), e.weight];
}

/** The comparisons that are milder after than before, as `signal: stage weight → stage weight`. */
function milderComparisons(before: Diagnosis, after: Diagnosis): string[] {
  const show = (d: Diagnosis, signal: string) => {
    const e = d.evidence.find((x) => x.signal === signal);
    return e ? `${e.stage} ${e.weight}` : "none";
  };
  return COMPARISONS.filter((signal) => {
    const [bs, bw] = comparisonSeverity(before, signal);
    const [as, aw] = comparisonSeverity(after, signal);
    return as < bs || (as === bs && aw < bw);
  }).map((signal) => `${signal}: ${show(before, signal)} → ${show(after, signal)}`);
}

/** The engine with the comparisons switched off: a worse rating then has nothing that could ease the stage. */
const withoutComparisons: ScoringConfig = scoringConfigSchema.parse({
  ...defaultConfig,
  rules: {
    ...defaultConfig.rules,
    ratingTrend: { ...defaultConfig.rules.ratingTrend, minEach: Number.MAX_SAFE_INTEGER },
    surprisedClient: { ...defaultConfig.rules.surprisedClient, weight: 0 },
  },
});

/** An account, one of its ratings made worse (overall down by `drop`, recommendation by `recDrop`). */
const worseRatingArb = fc
  .tuple(accountArb, fc.nat(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 10 }))
  .filter(([account]) => (account.ratings ?? []).length > 0)
  .map(([account, pick, drop, recDrop]) => {
    const list = account.ratings!;
    const index = pick % list.length;
    const r = list[index]!;
    const worse = { ...r, overall: Math.max(1, r.overall - drop), recommend: Math.max(0, r.recommend - recDrop) };
    return { account, worsened: { ...account, ratings: list.map((x, i) => (i === index ? worse : x)) } };
  });

describe("properties", { timeout: 120_000 }, () => {
  // The score keeps within its stage's band, so a worse rating could raise it only by easing the
  // stage. Only signals that compare two periods can ease it (a worse earlier rating shrinks a
  // fall: the rating trend, the surprised client), and those are left out of the score itself.
  it("a worse rating never raises the score, nor eases the stage but by shrinking a fall", () => {
    check(
      fc.property(worseRatingArb, ({ account, worsened }) => {
        const before = diagnose(account, { now: NOW });
        const after = diagnose(worsened, { now: NOW });
        fc.pre(before.score !== null && after.score !== null);
        if (rank(after.stage) < rank(before.stage)) {
          expect(milderComparisons(before, after), `${before.stage} → ${after.stage}`).not.toEqual([]);
        } else {
          expect(after.score).toBeLessThanOrEqual(before.score!);
        }
      }),
    );
  });

  // Without the comparisons nothing may ease the stage: this keeps the exception above from
  // hiding a worse rating that eases it some other way.
  it("without the comparisons, a worse rating never eases the stage nor raises the score", () => {
    check(
      fc.property(worseRatingArb, ({ account, worsened }) => {
        const before = diagnose(account, { now: NOW, config: withoutComparisons });
        const after = diagnose(worsened, { now: NOW, config: withoutComparisons });
        fc.pre(before.score !== null && after.score !== null);
        expect(rank(after.stage), `${before.stage} → ${after.stage}`).toBeGreaterThanOrEqual(rank(before.stage));
        expect(after.score).toBeLessThanOrEqual(before.score!);
      }),
    );
  });

  // The case a random seed found at 472de5a (pinned as a known defect until the cause was found):
  // not the same instants, and not the engine, but the property's measure of a fall. A worse
  // rating in the earlier 90 days shrinks the fall from 1.5 to 1 point, which drops the trend from
  // its flu band to its sniffles band at the same weight (0.5), so the stage eases to the
  // sniffles; the old measure, the fall's summed weight, saw no change.
  it("a worse earlier rating among same-instant ratings eases flu to sniffles by shrinking the fall", () => {
    const at = (day: string) => `${day}T12:00:00.000Z`;
    const account: AccountSignals = {
      ratings: [
        { id: "r0", at: at("2026-04-01"), overall: 2, recommend: 0 },
        { id: "r1", at: at("2026-06-30"), overall: 3, recommend: 7 },
        { id: "r2", at: at("2026-04-01"), overall: 5, recommend: 0 },
        { id: "r3", at: at("2026-06-30"), overall: 1, recommend: 7 },
      ],
      interactions: [],
      followUps: [],
      structuralEvents: [],
      slaPeriods: [{ id: "p0", at: at("2026-06-10"), targetPercent: 99.5, attainedPercent: 98 }],
      agreedCadenceDays: 7,
    };
    const trend = (d: Diagnosis) => d.evidence.find((e) => e.signal === "ratings.overall.trend");
    const before = diagnose(account, { now: NOW });
    expect(before.stage).toBe("FLU");
    expect(trend(before)).toMatchObject({ stage: "FLU", weight: 0.5, value: -1.5 });
    const eased: string[] = [];
    for (const [index, r] of account.ratings!.entries()) {
      const worsened = { ...account, ratings: account.ratings!.map((x, i) => (i === index ? { ...r, overall: Math.max(1, r.overall - 1) } : x)) };
      const after = diagnose(worsened, { now: NOW });
      expect(after.score).not.toBeNull();
      if (rank(after.stage) < rank(before.stage)) {
        eased.push(r.id);
        expect(after.stage).toBe("SNIFFLES");
        expect(trend(after)).toMatchObject({ stage: "SNIFFLES", weight: 0.5, value: -1 });
        expect(milderComparisons(before, after)).toEqual(["ratings.overall.trend: FLU 0.5 → SNIFFLES 0.5"]);
      } else {
        expect(after.score!).toBeLessThanOrEqual(before.score!);
      }
      // Without the trend the same worse rating eases nothing.
      const plain = diagnose(account, { now: NOW, config: withoutComparisons });
      const plainAfter = diagnose(worsened, { now: NOW, config: withoutComparisons });
      expect(rank(plainAfter.stage)).toBeGreaterThanOrEqual(rank(plain.stage));
      expect(plainAfter.score!).toBeLessThanOrEqual(plain.score!);
    }
    // Only the two earlier ratings ease it; the order of same-instant ratings plays no part.
    expect(eased).toEqual(["r0", "r2"]);
    const reordered = { ...account, ratings: [...account.ratings!].reverse().map((r, i) => ({ ...r, id: `q${i}` })) };
    expect(diagnose(reordered, { now: NOW }).stage).toBe("FLU");
  });

  // On accounts observed throughout: where data is missing the stage is held as unknown, and any
  // new record, even a symptom milder than the held stage, is information that can end the hold.
  it("adding a symptom never moves the stage towards health", () => {
    check(
      fc.property(observedAccountArb, historyArb, symptomArb, (account, history, symptom) => {
        const before = diagnose(account, { now: NOW, history }).stage;
        const after = diagnose(symptom.add(account), { now: NOW, history }).stage;
        expect(before).not.toBe("INSUFFICIENT_DATA");
        expect(after).not.toBe("INSUFFICIENT_DATA");
        expect(severity(after as DiagnosedStage), `${symptom.name}: ${before} → ${after}`).toBeGreaterThanOrEqual(
          severity(before as DiagnosedStage),
        );
      }),
    );
  });

  // A reassurance is words that share a symptom's vocabulary but deny or neighbour it ("outsourcing
  // IT is off the table"): said in a meeting already held, it changes nothing but the words heard.
  it("adding a reassurance never worsens the stage", () => {
    check(
      fc.property(observedAccountArb, historyArb, reassuranceArb, (account, history, reassurance) => {
        const before = diagnose(account, { now: NOW, history }).stage;
        const after = diagnose(reassurance.add(account), { now: NOW, history }).stage;
        expect(rank(after), `${reassurance.name}: ${before} → ${after}`).toBeLessThanOrEqual(rank(before));
      }),
    );
  });

  it("a held stage's score, trend and confidence never contradict it", () => {
    let holds = 0;
    check(
      fc.property(accountArb, sickHistoryArb, (account, history) => {
        const d = diagnose(account, { now: NOW, history });
        if (d.stage !== "INSUFFICIENT_DATA") {
          const band = defaultConfig.score.bands[d.stage];
          expect(d.score! >= band.min && d.score! <= band.max, `${d.stage} scored ${d.score}`).toBe(true);
        }
        expect(d.trend.direction === "recovering").toBe(d.hold !== null);
        if (d.hold === null) return;
        holds++;
        expect(d.hold.rawStage).toBe(d.rawStage);
        expect(rank(d.hold.rawStage)).toBeLessThan(rank(d.stage));
        expect(Date.parse(d.hold.until)).toBeGreaterThan(Date.parse(NOW));
        expect(d.confidence).toBeLessThanOrEqual(0.75);
      }),
    );
    expect(holds).toBeGreaterThan(0);
  });

  it("shuffled input gives the same diagnosis", () => {
    check(
      fc.property(
        accountArb.chain((a) => fc.tuple(fc.constant(a), shuffledArb(a))),
        historyArb,
        ([account, shuffled]: [AccountSignals, AccountSignals], history) => {
          expect(diagnose(shuffled, { now: NOW, history: [...history].reverse() })).toEqual(diagnose(account, { now: NOW, history }));
        },
      ),
    );
  });

  it("always returns a valid, serialisable diagnosis", () => {
    check(
      fc.property(accountArb, historyArb, (account, history) => {
        const d = diagnose(account, { now: NOW, history });
        expect(JSON.parse(JSON.stringify(d))).toEqual(d);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
        if (d.score !== null) expect(d.score >= 0 && d.score <= 100).toBe(true);
        expect(d.score === null).toBe(d.stage === "INSUFFICIENT_DATA");
      }),
    );
  });
});
