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
