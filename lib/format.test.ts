import { describe, expect, it } from "vitest";
import { formatDate, formatMonth, humanize } from "./format";

describe("formatMonth", () => {
  // 23:30 UTC on the last day of November is already December in Paris: the month is UTC's.
  const at = new Date("2026-11-30T23:30:00Z");

  it("names the month in each style, in UTC", () => {
    expect(formatMonth(at, "short")).toBe("Nov 26");
    expect(formatMonth(at)).toBe("Nov 2026");
    expect(formatMonth(at, "long")).toBe("November 2026");
  });

  it("takes what charts carry: an ISO string or epoch milliseconds", () => {
    expect(formatMonth(at.toISOString(), "short")).toBe("Nov 26");
    expect(formatMonth(at.getTime(), "short")).toBe("Nov 26");
  });
});

describe("formatDate and humanize", () => {
  it("write a day and an enum as people read them", () => {
    expect(formatDate(new Date("2026-02-01T00:00:00Z"))).toBe("1 Feb 2026");
    expect(humanize("STATUS_UPDATE")).toBe("Status update");
  });
});
