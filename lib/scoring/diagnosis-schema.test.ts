import { describe, expect, it } from "vitest";
import { NOW } from "../../tests/fixtures/scoring/build";
import { EXAMPLES, readExample } from "../../tests/fixtures/scoring/examples";
import { SCENARIOS_ISSUE7 } from "../../tests/fixtures/scoring/scenarios-issue7";
import { diagnose } from "./diagnose";
import { parseStoredDiagnosis } from "./diagnosis-schema";
import { DIAGNOSIS_FORMAT_VERSION, type Diagnosis } from "./types";

const fresh = (file: string): Diagnosis => {
  const { signals, now, history } = readExample(file);
  return diagnose(signals, { now, history });
};
/** As the database hands it back: plain JSON. */
const stored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("parseStoredDiagnosis", () => {
  // Catches drift: a field added to Diagnosis but not to the schema would be stripped here.
  it.each(EXAMPLES.map((e) => [e.file]))("reads back, unchanged, what diagnose returns today (%s)", (file) => {
    const diagnosis = fresh(file);
    expect(diagnosis.formatVersion).toBe(DIAGNOSIS_FORMAT_VERSION);
    expect(parseStoredDiagnosis(stored(diagnosis))).toEqual({ ok: true, diagnosis });
  });

  it("reads back a diagnosis whose stage hysteresis holds, with its hold", () => {
    const held = SCENARIOS_ISSUE7.find((scenario) => scenario.name.includes("held"));
    const diagnosis = diagnose(held!.signals, { now: NOW, history: held!.history });
    expect(diagnosis.hold).not.toBeNull();
    expect(parseStoredDiagnosis(stored(diagnosis))).toEqual({ ok: true, diagnosis });
  });

  it("keeps a hold", () => {
    const diagnosis = { ...fresh("flu-account.json"), hold: { rawStage: "SNIFFLES", until: "2027-01-12T00:00:00.000Z" } };
    const read = parseStoredDiagnosis(stored(diagnosis));
    expect(read.ok && read.diagnosis.hold).toEqual({ rawStage: "SNIFFLES", until: "2027-01-12T00:00:00.000Z" });
  });

  it("upgrades a format 1 row (no formatVersion, no hold) to the current format, holding nothing", () => {
    const { formatVersion: _v, hold: _h, ...formatOne } = fresh("outsourcing-decision.json");
    const read = parseStoredDiagnosis(stored(formatOne));
    expect(read).toEqual({ ok: true, diagnosis: { ...formatOne, formatVersion: DIAGNOSIS_FORMAT_VERSION, hold: null } });
  });

  it("reads a format 1 row written before 'recovering' existed, phrases with and without their interaction", () => {
    const { formatVersion: _v, hold: _h, ...formatOne } = fresh("flu-account.json");
    expect(formatOne.phrases.some((hit) => hit.interactionId)).toBe(true);
    expect(parseStoredDiagnosis(stored({ ...formatOne, trend: { ...formatOne.trend, direction: "improving" } })).ok).toBe(true);
  });

  it.each([
    ["null", null, "not an object"],
    ["a string", "HEALTHY", "not an object"],
    ["an array", [], "not an object"],
    ["an empty object (the test factories' default)", {}, "stage"],
    ["a newer format", { formatVersion: 3 }, "unknown diagnosis format 3"],
  ])("refuses %s, saying why", (_name, value, reason) => {
    const read = parseStoredDiagnosis(value);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toContain(reason);
  });

  it.each<[string, (d: Record<string, unknown>) => void, string]>([
    ["evidence that is not a list", (d) => (d.evidence = "lots"), "evidence"],
    ["an evidence item with an unknown stage", (d) => ((d.evidence as { stage: string }[])[0]!.stage = "MEASLES"), "evidence.0.stage"],
    ["a phrase hit without its source", (d) => delete (d.phrases as Record<string, unknown>[])[0]!.source, "phrases.0.source"],
    ["a score out of range", (d) => (d.score = 140), "score"],
    ["a trend direction nobody writes", (d) => ((d.trend as { direction: string }).direction = "sideways"), "trend.direction"],
    ["a hold without its end", (d) => (d.hold = { rawStage: "HEALTHY" }), "hold.until"],
    ["a computedAt that is not a time", (d) => (d.computedAt = "yesterday"), "computedAt"],
  ])("refuses a format 2 row with %s, naming the field", (_name, spoil, path) => {
    const diagnosis = stored(fresh("flu-account.json")) as Record<string, unknown>;
    spoil(diagnosis);
    const read = parseStoredDiagnosis(diagnosis);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason.startsWith(`${path}:`)).toBe(true);
  });

  it("refuses a format 1 row cut short", () => {
    const { formatVersion: _v, hold: _h, treatments: _t, ...cut } = fresh("healthy-account.json");
    expect(parseStoredDiagnosis(stored(cut))).toMatchObject({ ok: false, reason: expect.stringContaining("treatments") });
  });
});
