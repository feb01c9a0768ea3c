import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NEUTRAL_CASES, PARAPHRASE_CASES, SYMPTOM_CASES, type ParaphraseCase } from "../../../tests/fixtures/scoring/paraphrases";
import { detectPhrases, PHRASE_CATALOGUE } from "../index";

// The paraphrase set was written from the articles, not from the patterns: it measures how well
// the engine hears what people actually say. Issue 7 sets the target at 0.95 for both figures.
const TARGET = 0.95;
const RUNS = { numRuns: Number(process.env.SCORING_PROPERTY_RUNS ?? 200) };

const catalogue = new Map(PHRASE_CATALOGUE.map((entry) => [entry.id, entry]));

const detect = (c: Pick<ParaphraseCase, "text" | "speaker">) => detectPhrases(c.text, c.speaker);

/** What a diagnosis uses: which side showed which stage. An unknown id can never be matched. */
const stageLabels = (c: ParaphraseCase) =>
  new Set(c.expect.map((e) => `${e.side}:${catalogue.get(e.phraseId)?.stage ?? `unknown phrase ${e.phraseId}`}`));
const idLabels = (c: ParaphraseCase) => new Set(c.expect.map((e) => `${e.side}:${e.phraseId}`));
const hitKeys = (c: Pick<ParaphraseCase, "text" | "speaker">) => new Set(detect(c).map((h) => `${h.side}:${h.phraseId}`));

interface Score {
  precision: number;
  recall: number;
  misses: { text: string; speaker: string; missing: string }[];
  falseHits: { text: string; speaker: string; extra: string }[];
}

function score(cases: ParaphraseCase[], expected: (c: ParaphraseCase) => Set<string>, found: (c: ParaphraseCase) => Set<string>): Score {
  let truePositives = 0;
  const misses: Score["misses"] = [];
  const falseHits: Score["falseHits"] = [];
  for (const c of cases) {
    const want = expected(c);
    const got = found(c);
    const speaker = c.speaker ?? "notes";
    for (const label of want) {
      if (got.has(label)) truePositives += 1;
      else misses.push({ text: c.text, speaker, missing: label });
    }
    for (const label of got) if (!want.has(label)) falseHits.push({ text: c.text, speaker, extra: label });
  }
  const ratio = (wrong: number) => (truePositives + wrong === 0 ? 1 : truePositives / (truePositives + wrong));
  return { precision: ratio(falseHits.length), recall: ratio(misses.length), misses, falseHits };
}

function report(title: string, s: Score) {
  console.log(`${title}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)}`);
  if (s.misses.length > 0) console.table(s.misses);
  if (s.falseHits.length > 0) console.table(s.falseHits);
}

/** Negating variants of a sentence a reader would never take as the symptom itself. */
const NEGATIONS: ((sentence: string) => string)[] = [
  (s) => `I never said that ${lowerFirst(s)}`,
  (s) => `Nobody here thinks ${lowerFirst(s)}`,
  (s) => `It is not true that ${lowerFirst(s)}`,
];

// "IT", "I", "I'm" and capitals-only sentences keep their case; anything else reads as a clause.
function lowerFirst(s: string): string {
  if (/^(IT|I)\b/.test(s) || s === s.toUpperCase()) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

const isSubset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

describe("the paraphrase set", () => {
  it("is large enough and covers every catalogue phrase with several wordings", () => {
    expect(SYMPTOM_CASES.length).toBeGreaterThanOrEqual(100);
    expect(NEUTRAL_CASES.length).toBeGreaterThanOrEqual(80);
    for (const entry of PHRASE_CATALOGUE) {
      const wordings = SYMPTOM_CASES.filter((c) => c.expect.some((e) => e.phraseId === entry.id));
      expect(wordings.length, entry.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("labels only catalogue phrases, each with its catalogue side", () => {
    for (const c of SYMPTOM_CASES) {
      for (const e of c.expect) {
        expect(catalogue.get(e.phraseId)?.side, `${e.phraseId} in "${c.text}"`).toBe(e.side);
      }
    }
  });

  // The (sentence, phrase) figures are printed for the phrase engineer; the diagnosis needs only
  // side and stage right, so the target applies to those.
  it(`meets precision and recall of ${TARGET} on (sentence, side, stage)`, () => {
    report("(sentence, phrase)", score(PARAPHRASE_CASES, idLabels, hitKeys));
    const s = score(PARAPHRASE_CASES, stageLabels, (c) => new Set(detect(c).map((h) => `${h.side}:${h.stage}`)));
    report("(sentence, side, stage)", s);
    expect(s.precision, "precision").toBeGreaterThanOrEqual(TARGET);
    expect(s.recall, "recall").toBeGreaterThanOrEqual(TARGET);
  });
});

describe("phrase detection properties", { timeout: 120_000 }, () => {
  it("negating a symptom sentence never adds a symptom", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYMPTOM_CASES), fc.constantFrom(...NEGATIONS), (c, negate) => {
        const negated = { text: negate(c.text), speaker: c.speaker };
        const before = hitKeys(c);
        const after = hitKeys(negated);
        expect(isSubset(after, before), `"${negated.text}": ${[...after].join(", ")} ⊄ ${[...before].join(", ")}`).toBe(true);
      }),
      RUNS,
    );
  });

  // Neutral words beside a text, before or after it, cannot create a hit neither had alone.
  // Counterexamples the property below once found (all 61,560 pairs were then checked once by hand).
  it.each([
    // A "two-day overrun" is time, not money: with a slip next to it, no cost-twice-does-half.
    [
      "Told the client today about the two-day overrun rather than waiting a month. We found out about the slip from someone else. Why didn't IT tell us weeks ago?",
      ["BUSINESS:why-not-told-sooner"],
    ],
    // "no." ends the sentence (wink reads it as "number"), so the denial after "Firing the IT team" counts.
    ["Ask IT for anything and they just say no. Firing the IT team has never been on the agenda.", ["BUSINESS:it-just-says-no"]],
  ])("%s", (text, expected) => {
    expect([...hitKeys({ text, speaker: "BUSINESS" })]).toEqual(expected);
  });

  it("adding a neutral sentence to a text never adds a hit", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAPHRASE_CASES), fc.constantFrom(...NEUTRAL_CASES), fc.boolean(), (c, n, before) => {
        const speaker = c.speaker;
        const text = before ? `${n.text} ${c.text}` : `${c.text} ${n.text}`;
        const alone = new Set([...hitKeys(c), ...hitKeys({ text: n.text, speaker })]);
        const together = hitKeys({ text, speaker });
        expect(isSubset(together, alone), `"${text}": ${[...together].join(", ")} ⊄ ${[...alone].join(", ")}`).toBe(true);
      }),
      RUNS,
    );
  });
});
