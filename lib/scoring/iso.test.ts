import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoString } from "./iso";

describe("isoString", () => {
  it("writes what toISOString writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (time) => {
        expect(isoString(time)).toBe(new Date(time).toISOString());
      }),
      { numRuns: 20_000 },
    );
    for (const time of [0, -1, 946_684_799_999, 951_782_400_000, 4_102_444_800_000, -30_610_224_000_001, 253_402_300_800_000]) {
      expect(isoString(time)).toBe(new Date(time).toISOString());
    }
  });
});
