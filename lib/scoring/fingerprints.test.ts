import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accountArb, historyArb, sickHistoryArb } from "../../tests/fixtures/scoring/arbitraries";
import { NOW } from "../../tests/fixtures/scoring/build";
import { EXAMPLES, readExample } from "../../tests/fixtures/scoring/examples";
import { realisticAccount } from "../../tests/fixtures/scoring/realistic";
import { SCENARIOS } from "../../tests/fixtures/scoring/scenarios";
import { SCENARIOS_ISSUE7 } from "../../tests/fixtures/scoring/scenarios-issue7";
import { defaultConfig, parseSignals, safeDiagnose, scoringConfigSchema, type AccountSignals, type DiagnoseOptions, type ScoringConfig } from "./index";

// Every output of a large, varied corpus, pinned to hashes captured from the code as it was
// (fingerprints.json): a change made for speed must leave every diagnosis, and every refusal of
// malformed input, exactly as it was. A deliberate change of output regenerates the file
// (`npx vitest run lib/scoring/fingerprints.test.ts -u`), and its commit says why.

const DAY = 86_400_000;

/** Two 32-bit FNV-1a hashes of the JSON (different seeds), in hex: the library has no node:crypto (it is pure). */
function hash(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + (b >>> 0).toString(16).padStart(8, "0");
}
const shifted = (iso: string, days: number) => new Date(new Date(iso).getTime() + days * DAY).toISOString();

type Case = { signals: unknown; options: DiagnoseOptions };

/** Configurations an admin could save: each moves thresholds the rules and hysteresis read. */
function configs(): ScoringConfig[] {
  const variant = (change: (c: ScoringConfig) => void) => {
    const c = structuredClone(defaultConfig);
    change(c);
    return scoringConfigSchema.parse(c);
  };
  return [
    variant((c) => {
      c.rules.phrases.disabled = ["it-just-doesnt-get-it", "it-just-says-no", "it-not-responsive"];
    }),
    variant((c) => {
      c.windows.recentDays = 120;
      c.windows.trendDays = 60;
      c.hysteresis.checkpoints = 3;
      c.minimumObservations = 8;
    }),
    variant((c) => {
      c.hysteresis.recoveryDays *= 2;
      c.stages.minDistinctSignals = 1;
    }),
  ];
}

function groups(): Record<string, Case[]> {
  const scenarios = [...SCENARIOS, ...SCENARIOS_ISSUE7];
  const realistic = Array.from({ length: 80 }, (_, i) => realisticAccount(i + 1, new Date(NOW), i % 3 !== 0));
  const random = { seed: 20261202, numRuns: 300 };
  const arbitrary = fc.sample(fc.tuple(accountArb, fc.oneof(historyArb, sickHistoryArb), fc.integer({ min: -30, max: 120 })), random);
  const out: Record<string, Case[]> = {
    scenarios: scenarios.flatMap((s) =>
      [0, 20, 45, 90, 200].map((days) => ({ signals: s.signals, options: { now: shifted(NOW, days), history: s.history ?? [] } })),
    ),
    examples: EXAMPLES.map((e) => readExample(e.file)).map(({ signals, now, history }) => ({ signals, options: { now, history } })),
    realistic: realistic.flatMap(({ signals, history }) =>
      [0, 30, 75].map((days) => ({ signals, options: { now: shifted(NOW, days), history } })),
    ),
    arbitrary: arbitrary.map(([signals, history, days]) => ({ signals, options: { now: shifted(NOW, days), history } })),
  };
  configs().forEach((config, c) => {
    out[`config${c + 1}`] = [
      ...scenarios.map((s) => ({ signals: s.signals, options: { now: NOW, history: s.history ?? [], config } })),
      ...realistic.slice(0, 40).map(({ signals, history }) => ({ signals, options: { now: shifted(NOW, 30), history, config } })),
      ...arbitrary.slice(0, 100).map(([signals, history, days]) => ({ signals, options: { now: shifted(NOW, days), history, config } })),
    ];
  });
  out.malformed = malformed(realistic.slice(0, 6).map((r) => r.signals)).map((signals) => ({ signals, options: { now: NOW } }));
  return out;
}

const JUNK: unknown[] = [undefined, null, "", "x", -1, 0, 1.5, 6, 11, 101, true, {}, [], "2026-13-45", "2026-01-31T09:00", new Date(Number.NaN)];

/** Each record's each field replaced by junk, an unknown key added, an id duplicated: what validation refuses or normalises. */
function malformed(accounts: AccountSignals[]): unknown[] {
  const out: unknown[] = [null, 42, "signals", [], {}];
  accounts.forEach((account, a) => {
    for (const [key, list] of Object.entries(account)) {
      out.push({ ...account, [key]: JUNK[a % JUNK.length] });
      if (!Array.isArray(list) || list.length === 0) continue;
      const record = list[a % list.length] as Record<string, unknown>;
      Object.keys(record).forEach((field, f) => {
        const copy: unknown[] = [...list];
        copy[a % list.length] = { ...record, [field]: JUNK[(a + f) % JUNK.length] };
        out.push({ ...account, [key]: copy });
      });
      out.push({ ...account, [key]: [...list, { ...(list[0] as object) }] });
      out.push({ ...account, [key]: [{ ...(list[0] as object), extra: 1 }, ...list.slice(1)] });
    }
  });
  return out;
}

function fingerprints(): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(groups()).map(([name, cases]) => [
      name,
      cases.map(({ signals, options }) => {
        const result = safeDiagnose(signals, options);
        const output = result.ok ? result.diagnosis : result.issues;
        if (name !== "malformed") return hash(output);
        // What validation returns too: the defaults it fills in, the keys it drops.
        const parsed = parseSignals(signals);
        return hash({ output, parsed: parsed.ok ? parsed.signals : parsed.issues });
      }),
    ]),
  );
}

describe("diagnosis outputs, pinned (fingerprints.json)", { timeout: 120_000 }, () => {
  it("every diagnosis and every refusal of the corpus is exactly as captured", async () => {
    // One line per case ("group index hash"): a failure's diff names the cases that changed.
    const lines = Object.entries(fingerprints()).flatMap(([name, list]) => list.map((h, i) => `${name} ${i} ${h}`));
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./fingerprints.txt");
  });
});
