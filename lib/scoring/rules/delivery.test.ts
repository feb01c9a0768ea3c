import { describe, expect, it } from "vitest";
import { daysAgo } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { delivery } from "./delivery";

const project = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  at: daysAgo(30),
  late: false,
  overBudget: false,
  scopeMissed: false,
  ...extra,
});

describe("delivery", () => {
  it("flags a high-profile project that missed expectations (the usual start of the flu)", () => {
    const projects = [project("p1", { name: "New CRM", highProfile: true, late: true, overBudget: true, scopeMissed: true })];
    const [e] = runRule(delivery, { projects });
    expect(summary([e!])).toEqual(["delivery.highProfileFailure FLU 0.8"]);
    expect(e?.message).toBe("High-profile “New CRM” was late and over budget and missing scope.");
  });

  it("does not count one miss on a high-profile project as a failure", () => {
    expect(runRule(delivery, { projects: [project("p1", { highProfile: true, late: true })] })).toEqual([]);
  });

  it("flags a run of troubled projects, and sees clean delivery as healthy", () => {
    const troubled = [project("p1", { late: true }), project("p2", { overBudget: true }), project("p3")];
    expect(summary(runRule(delivery, { projects: troubled }))).toEqual(["delivery.failedShare SNIFFLES 0.4"]);
    expect(summary(runRule(delivery, { projects: [project("p1"), project("p2")] }))).toEqual(["delivery.onTarget HEALTHY 0.3"]);
  });

  it("ignores projects whose outcome is unknown or long past", () => {
    const projects = [
      project("p1", { late: null, overBudget: null, scopeMissed: null }),
      project("p2", { at: daysAgo(400), late: true, overBudget: true, highProfile: true }),
      project("p3", { late: true }),
    ];
    expect(runRule(delivery, { projects })).toEqual([]);
  });
});
