import { describe, expect, it } from "vitest";
import { alertsFor, type HealthChangeRow, isStale, worseningTimes } from "./rules";

const at = new Date("2026-12-02T10:00:00Z");
const change = (overrides: Partial<HealthChangeRow>): HealthChangeRow => ({
  id: 7n,
  accountId: "acc",
  at,
  fromStage: null,
  toStage: null,
  fromRisk: null,
  toRisk: null,
  newSymptoms: null,
  ...overrides,
});
const kinds = (row: HealthChangeRow, worsened = new Set<number>()) => alertsFor(row, "Sales", worsened).map((a) => a.kind);

describe("which health changes raise alerts", () => {
  it("a worse stage does; a better one, a first diagnosis or the same stage does not", () => {
    expect(alertsFor(change({ fromStage: "SNIFFLES", toStage: "FLU" }), "Sales", new Set())).toEqual([
      expect.objectContaining({ kind: "STAGE_WORSENED", message: "Sales worsened from sniffles to flu.", dedupeKey: "acc:7:stage" }),
    ]);
    expect(kinds(change({ fromStage: "FLU", toStage: "SNIFFLES" }))).toEqual([]);
    expect(kinds(change({ fromStage: "INSUFFICIENT_DATA", toStage: "PNEUMONIA" }))).toEqual([]);
    expect(kinds(change({ fromStage: "FLU", toStage: "FLU", fromRisk: 0.2, toRisk: 0.3 }))).toEqual([]);
  });

  it("a risk of the next stage rising to 70% does, at the same stage only, and not at the end stage", () => {
    expect(alertsFor(change({ fromStage: "FLU", toStage: "FLU", fromRisk: 0.69, toRisk: 0.7 }), "Sales", new Set())[0]?.message).toBe("Sales's risk of pneumonia rose to 70%.");
    expect(kinds(change({ fromStage: "FLU", toStage: "FLU", fromRisk: 0.75, toRisk: 0.8 }))).toEqual([]);
    expect(kinds(change({ fromStage: "FLU", toStage: "FLU", fromRisk: null, toRisk: 0.9 }))).toEqual(["RISK_RISING"]);
    expect(kinds(change({ fromStage: "DEATH_AND_REINCARNATION", toStage: "DEATH_AND_REINCARNATION", fromRisk: 0.1, toRisk: 0.9 }))).toEqual([]);
  });

  it("decisive new symptoms of sickness do, one per signal, unless the same diagnosis worsened the stage", () => {
    const newSymptoms = [
      { signal: "phrases.business", stage: "PNEUMONIA", message: "“My guys are way better”" },
      { signal: "ratings.overall.level", stage: "HEALTHY", message: "Ratings are high" },
      { nonsense: true },
    ];
    const row = change({ toStage: "FLU", newSymptoms });
    expect(alertsFor(row, "Sales", new Set())).toEqual([
      expect.objectContaining({ kind: "NEW_SYMPTOM", signal: "phrases.business", message: "New at Sales (pneumonia): “My guys are way better”", dedupeKey: "acc:7:symptom:phrases.business" }),
    ]);
    const times = worseningTimes([change({ fromStage: "SNIFFLES", toStage: "FLU" }), row]);
    expect(kinds(row, times.get("acc"))).toEqual([]);
  });

  it("changes diagnosed more than two days ago are history, not news", () => {
    expect(isStale({ at }, new Date(at.getTime() + 47 * 3_600_000))).toBe(false);
    expect(isStale({ at }, new Date(at.getTime() + 49 * 3_600_000))).toBe(true);
  });
});
