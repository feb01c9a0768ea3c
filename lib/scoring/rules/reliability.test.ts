import { describe, expect, it } from "vitest";
import { daysAgo } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { incidents, sla } from "./reliability";

const period = (id: string, attainedPercent: number) => ({ id, at: daysAgo(30), targetPercent: 99.5, attainedPercent });

describe("sla", () => {
  it("flags missed service levels on the client's core systems", () => {
    expect(summary(runRule(sla, { slaPeriods: [period("a", 98), period("b", 99.9), period("c", 99.9)] }))).toEqual([
      "reliability.slaMissed SNIFFLES 0.4",
    ]);
    expect(summary(runRule(sla, { slaPeriods: [period("a", 98), period("b", 97)] }))).toEqual(["reliability.slaMissed FLU 0.4"]);
    expect(summary(runRule(sla, { slaPeriods: [period("a", 99.9), period("b", 99.5)] }))).toEqual(["reliability.slaMet HEALTHY 0.3"]);
  });
});

describe("sla per core system", () => {
  const periods = (system: string | undefined, attained: number[]) =>
    attained.map((a, i) => ({ id: `${system ?? "unit"}-${i}`, at: daysAgo(20 + i * 30), targetPercent: 99.5, attainedPercent: a, ...(system ? { system } : {}) }));

  it("flags one core system below target even when the others dilute it", () => {
    const slaPeriods = [...periods("ERP", [98.1, 99.9]), ...periods("E-mail", Array(10).fill(99.9))];
    const [e, ...rest] = runRule(sla, { slaPeriods });
    expect(rest).toEqual([]);
    expect(summary([e!])).toEqual(["reliability.slaMissed FLU 0.4"]);
    expect(e?.message).toBe("Core system “ERP” missed its service level in 1 of 2 recent periods (lowest 98.1% against 99.5%).");
    // Without systems the same periods are one service, missed in 1 of 12: under the first band.
    expect(runRule(sla, { slaPeriods: slaPeriods.map(({ system: _, ...p }) => p) })).toEqual([]);
  });

  it("gives each failing system its own evidence, and health only when every one met its level", () => {
    const slaPeriods = [...periods("ERP", [98, 99.9, 99.9]), ...periods("CRM", [97, 99.9, 99.9]), ...periods(undefined, [99.9])];
    expect(summary(runRule(sla, { slaPeriods }))).toEqual(["reliability.slaMissed SNIFFLES 0.4", "reliability.slaMissed SNIFFLES 0.4"]);
    expect(summary(runRule(sla, { slaPeriods: [...periods("ERP", [99.9, 99.9]), ...periods(undefined, [99.6])] }))).toEqual([
      "reliability.slaMet HEALTHY 0.3",
    ]);
  });
});

describe("incidents", () => {
  const incident = (id: string, major: boolean, heardFromItFirst: boolean | null) => ({ id, at: daysAgo(20), major, heardFromItFirst });

  it("counts major incidents and the ones the client found out about first", () => {
    const list = [incident("a", true, false), incident("b", true, false), incident("c", false, true)];
    expect(summary(runRule(incidents, { incidents: list }))).toEqual([
      "reliability.majorIncidents SNIFFLES 0.4",
      "reliability.notHeardFromItFirst SNIFFLES 0.4",
    ]);
  });

  it("needs a few incidents with news before judging communication", () => {
    expect(runRule(incidents, { incidents: [incident("a", false, false)] })).toEqual([]);
  });
});
