import { describe, expect, it } from "vitest";
import { daysAgo } from "../../../tests/fixtures/scoring/build";
import { runRule, summary } from "../../../tests/fixtures/scoring/context";
import { declinedRequests } from "./requests";

const declined = (n: number, reasonExplained: boolean, prefix = reasonExplained ? "e" : "f", start = 10) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, at: daysAgo(start + i * 20), reasonExplained }));

describe("declinedRequests", () => {
  it("flags a flat no, and repeated ones as red tape", () => {
    expect(summary(runRule(declinedRequests, { declinedRequests: declined(1, false) }))).toEqual(["requests.declinedUnexplained SNIFFLES 0.3"]);
    expect(summary(runRule(declinedRequests, { declinedRequests: declined(2, false) }))).toEqual(["requests.declinedUnexplained SNIFFLES 0.5"]);
    const [e] = runRule(declinedRequests, { declinedRequests: [...declined(4, false), ...declined(3, true)] });
    expect(summary([e!])).toEqual(["requests.declinedUnexplained FLU 0.5"]);
    expect(e?.message).toBe("IT turned down 4 requests in the last 180 days without explaining why (7 declined in all): “IT just says no”.");
  });

  it("sees every no explained as a mild sign of health, and one alone as nothing yet", () => {
    expect(summary(runRule(declinedRequests, { declinedRequests: declined(2, true) }))).toEqual(["requests.declinedExplained HEALTHY 0.2"]);
    expect(runRule(declinedRequests, { declinedRequests: declined(1, true) })).toEqual([]);
    expect(runRule(declinedRequests, {})).toEqual([]);
  });

  it("forgets a flat no after the recent window", () => {
    expect(runRule(declinedRequests, { declinedRequests: declined(1, false, "old", 200) })).toEqual([]);
  });
});
