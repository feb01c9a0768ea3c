import { describe, expect, it } from "vitest";
import type { ProjectStatus } from "../enums";
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
    expect(e?.message).toBe("High-profile “New CRM” missed expectations: late, over budget, missing scope.");
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

  describe("from the numbers", () => {
    /** Delivered `deliveredDaysAgo`, planned for `plannedDaysAgo`; a budget of 100. */
    const sized = (id: string, plannedDaysAgo: number, deliveredDaysAgo: number | null, actualCost: number, scope: number, extra: Record<string, unknown> = {}) => ({
      id,
      name: id.toUpperCase(),
      at: daysAgo(deliveredDaysAgo ?? 10),
      status: (deliveredDaysAgo === null ? "IN_PROGRESS" : "DELIVERED") as ProjectStatus,
      plannedEnd: daysAgo(plannedDaysAgo).slice(0, 10),
      actualEnd: deliveredDaysAgo === null ? null : daysAgo(deliveredDaysAgo).slice(0, 10),
      budget: 100,
      actualCost,
      scopeDeliveredPercent: scope,
      ...extra,
    });

    it("states the size of each miss: the article's late, twice the cost, half the things", () => {
      const [e] = runRule(delivery, { projects: [sized("crm", 150, 30, 200, 50, { highProfile: true })] });
      expect(summary([e!])).toEqual(["delivery.highProfileFailure FLU 1"]);
      expect(e).toMatchObject({
        value: "4 months late, 2.0× budget, 50% of scope",
        message: "High-profile “CRM” missed expectations: 4 months late, 2.0× budget, 50% of scope.",
      });
    });

    it("weighs four months late at twice the budget more than a week late", () => {
      const week = (hp: boolean) => [sized("a", 40, 33, 115, 100, { highProfile: hp })];
      const months = (hp: boolean) => [sized("a", 150, 30, 200, 100, { highProfile: hp })];
      expect(runRule(delivery, { projects: [sized("a", 40, 33, 100, 100)] })).toEqual([]);
      expect(summary(runRule(delivery, { projects: week(false) }))).toEqual(["delivery.projectMissed SNIFFLES 0.3"]);
      expect(summary(runRule(delivery, { projects: months(false) }))).toEqual(["delivery.projectMissed SNIFFLES 0.5"]);
      expect(summary(runRule(delivery, { projects: week(true) }))).toEqual(["delivery.highProfileFailure FLU 0.8"]);
      expect(summary(runRule(delivery, { projects: months(true) }))).toEqual(["delivery.highProfileFailure FLU 0.9"]);
      expect(runRule(delivery, { projects: week(false) })[0]?.value).toBe("7 days late, 15% over budget");
    });

    it("tolerates a few days, 10% over and 90% of scope", () => {
      const projects = [sized("a", 40, 36, 110, 90), sized("b", 40, 40, 95, 100)];
      expect(summary(runRule(delivery, { projects }))).toEqual(["delivery.onTarget HEALTHY 0.3"]);
    });

    it("lets the numbers win over the stated booleans", () => {
      const onTime = sized("a", 40, 40, 100, 100, { late: true, overBudget: true, scopeMissed: true });
      const late = sized("b", 60, 30, 100, 100, { late: false });
      expect(summary(runRule(delivery, { projects: [onTime, late] }))).toEqual(["delivery.failedShare SNIFFLES 0.4"]);
      expect(runRule(delivery, { projects: [onTime, late] })[0]?.sourceIds).toEqual(["b"]);
    });

    it("measures a project not yet delivered against now, and judges it clean only once delivered", () => {
      const overdue = sized("a", 100, null, 100, 40);
      expect(runRule(delivery, { projects: [overdue] })[0]).toMatchObject({
        signal: "delivery.projectMissed",
        value: "3 months late (not delivered yet)",
        weight: 0.3,
      });
      // Before its planned end, on budget so far: nothing is known yet, neither good nor bad.
      const underWay = [sized("a", -30, null, 50, 40), sized("b", -60, null, 80, 10)];
      expect(runRule(delivery, { projects: underWay })).toEqual([]);
      // A forecast overrun shows before delivery.
      expect(runRule(delivery, { projects: [sized("a", -30, null, 160, 40)] })[0]?.value).toBe("60% over budget");
    });

    it("takes `at` as the delivery date when a delivered project has no actual end", () => {
      const p = { ...sized("a", 130, 20, 100, 100), actualEnd: undefined };
      expect(runRule(delivery, { projects: [p] })[0]?.value).toBe("4 months late");
    });

    it("does not count a cancelled project as late or short of scope, only its spending", () => {
      const cancelled = (actualCost: number) =>
        sized("a", 100, 20, actualCost, 0, { status: "CANCELLED", highProfile: true, late: true, scopeMissed: true });
      expect(runRule(delivery, { projects: [cancelled(60)] })).toEqual([]);
      expect(summary(runRule(delivery, { projects: [cancelled(60), sized("b", 40, 40, 100, 100)] }))).toEqual([]);
      expect(runRule(delivery, { projects: [cancelled(180)] })[0]).toMatchObject({ signal: "delivery.highProfileFailure", value: "80% over budget" });
    });
  });
});
