import { describe, expect, it } from "vitest";
import { followUp } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { clientChasing, followUpsOnTime, overdueFollowUps } from "./follow-ups";

describe("overdueFollowUps", () => {
  it("counts open items owed by IT past their due day", () => {
    const list = [
      followUp("a", "IT", 10, null),
      followUp("b", "IT", 3, null),
      followUp("c", "IT", 40, null),
      followUp("d", "BUSINESS", 10, null),
      followUp("e", "IT", 10, 12),
      followUp("f", "IT", -5, null),
    ];
    const [e] = runRule(overdueFollowUps, { followUps: list });
    expect(summary([e!])).toEqual(["followUps.overdue SNIFFLES 0.6"]);
    expect(e?.sourceIds).toEqual(["c", "a", "b"]);
    expect(e?.message).toBe("IT owes 3 overdue follow-ups, the oldest 40 days past due.");
  });

  it("does not count an item due today", () => {
    expect(runRule(overdueFollowUps, { followUps: [followUp("a", "IT", 0, null)] })).toEqual([]);
  });

  it("counts an item done after the evaluation time as still open", () => {
    expect(runRule(overdueFollowUps, { followUps: [followUp("a", "IT", 10, -1)] })).toHaveLength(1);
  });
});

describe("clientChasing", () => {
  it("flags IT owing nearly everything that is open", () => {
    const list = ["a", "b", "c", "d", "e"].map((id) => followUp(id, "IT", -3, null));
    expect(summary(runRule(clientChasing, { followUps: list }))).toEqual(["followUps.clientChasing SNIFFLES 0.4"]);
    expect(runRule(clientChasing, { followUps: [...list.slice(1), followUp("z", "BUSINESS", -3, null)] })).toEqual([]);
  });
});

describe("followUpsOnTime", () => {
  it("sees IT keeping its promises as healthy", () => {
    const list = [followUp("a", "IT", 10, 11), followUp("b", "IT", 20, 20), followUp("c", "IT", 30, 35)];
    expect(summary(runRule(followUpsOnTime, { followUps: list }))).toEqual(["followUps.onTime HEALTHY 0.3"]);
    expect(runRule(followUpsOnTime, { followUps: [...list, followUp("d", "IT", 40, 30)] })).toEqual([]);
  });
});
