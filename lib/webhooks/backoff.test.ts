import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, retryDelayMs } from "./backoff";

describe("retryDelayMs", () => {
  it("grows four times per failed attempt from 30 seconds", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 0))).toEqual([30_000, 120_000, 480_000, 1_920_000, 7_680_000]);
  });
  it("adds at most a tenth as jitter", () => {
    expect(retryDelayMs(2, 0.999)).toBeLessThanOrEqual(132_000);
    expect(retryDelayMs(2, 0.999)).toBeGreaterThan(120_000);
  });
  it("gives up after the last attempt", () => {
    expect(retryDelayMs(MAX_ATTEMPTS, 0)).toBeNull();
    expect(retryDelayMs(MAX_ATTEMPTS - 1, 0)).not.toBeNull();
  });
});
