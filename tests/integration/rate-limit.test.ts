import { describe, expect, it } from "vitest";
import { blockedFor, clientKey, createLinkMissLimiter, recordMiss, waitText } from "../../lib/http/rate-limit";
import { db } from "../../lib/db/client";
import { resetEnvCache } from "../../lib/env";

// The link-guessing limit on the real database: two limiters stand for two app instances.

const key = () => `test-${crypto.randomUUID()}`;

describe("the link-miss limit", () => {
  it("is shared by two instances through the database", async () => {
    const one = createLinkMissLimiter(db(), { points: 5, duration: 600 });
    const two = createLinkMissLimiter(db(), { points: 5, duration: 600 });
    const client = key();
    for (let i = 0; i < 2; i++) expect(await recordMiss(client, one)).toBeNull();
    for (let i = 0; i < 2; i++) expect(await recordMiss(client, two)).toBeNull();
    expect(await blockedFor(client, one)).toBeNull();
    // The fifth miss, on either instance, blocks the client on both.
    const wait = await recordMiss(client, one);
    expect(wait).toBeGreaterThan(590);
    expect(await blockedFor(client, two)).toBeGreaterThan(590);
    expect(await blockedFor(client, one)).toBeGreaterThan(590);
    expect(await recordMiss(client, two)).toBeGreaterThan(590);
    // Another client is not affected.
    expect(await blockedFor(key(), two)).toBeNull();
    const row = await db().rateLimit.findFirst({ where: { key: { endsWith: client } } });
    expect(row?.points).toBe(6);
  });

  it("counts concurrent misses from several instances", async () => {
    const limiters = Array.from({ length: 3 }, () => createLinkMissLimiter(db(), { points: 100, duration: 600 }));
    const client = key();
    // The first miss creates the row; then concurrent increments are all counted.
    await recordMiss(client, limiters[0]);
    await Promise.all(Array.from({ length: 9 }, (_, i) => recordMiss(client, limiters[i % 3])));
    const row = await db().rateLimit.findFirst({ where: { key: { endsWith: client } } });
    expect(row?.points).toBe(10);
  });

  it("starts a new window once the old one expires", async () => {
    const limiter = createLinkMissLimiter(db(), { points: 1, duration: 1 });
    const client = key();
    expect(await recordMiss(client, limiter)).not.toBeNull();
    expect(await blockedFor(client, limiter)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await blockedFor(client, limiter)).toBeNull();
  });

  it("keys by the address the declared proxy saw, never storing it", () => {
    const declared = process.env.TRUST_PROXY_HOPS;
    process.env.TRUST_PROXY_HOPS = "1";
    resetEnvCache();
    try {
      const a = clientKey(new Headers({ "x-forwarded-for": "198.51.100.1, 203.0.113.7" }));
      // What the client wrote before the proxy's entry does not change its key.
      expect(a).toBe(clientKey(new Headers({ "x-forwarded-for": "203.0.113.7" })));
      expect(a).not.toBe(clientKey(new Headers({ "x-forwarded-for": "203.0.113.8" })));
      expect(a).not.toContain("203");
      // No proxy declared: the header is not believed, every client shares the unknown key.
      process.env.TRUST_PROXY_HOPS = "0";
      resetEnvCache();
      expect(clientKey(new Headers({ "x-forwarded-for": "203.0.113.7" }))).toBe(clientKey(new Headers()));
    } finally {
      if (declared === undefined) delete process.env.TRUST_PROXY_HOPS;
      else process.env.TRUST_PROXY_HOPS = declared;
      resetEnvCache();
    }
    expect(waitText(30)).toBe("a minute");
    expect(waitText(601)).toBe("11 minutes");
  });
});
