import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/env";
import { clientKey, LINK_MISSES, recordMiss } from "../../lib/http/rate-limit";
import { proxy } from "../../proxy";

// Issue 9: the public link pages (/r/<token>, /u/<token>) answer HTTP 429 with Retry-After, not a
// 200 that only reads "Too many attempts", to an address blocked for guessing links. Pages cannot
// set their status, so the proxy does (lib/http/link-block.ts); the page still says why.

const declared = process.env.TRUST_PROXY_HOPS;
beforeAll(() => {
  process.env.TRUST_PROXY_HOPS = "1";
  resetEnvCache();
});
afterAll(() => {
  if (declared === undefined) delete process.env.TRUST_PROXY_HOPS;
  else process.env.TRUST_PROXY_HOPS = declared;
  resetEnvCache();
});

const request = (path: string, ip: string, method = "GET") =>
  new NextRequest(new URL(path, "http://127.0.0.1:3000"), { method, headers: { host: "127.0.0.1:3000", "x-forwarded-for": ip } });

describe("link pages of a blocked address", () => {
  it("answer 429 with Retry-After; other addresses, other pages and posts are not touched", async () => {
    const guesser = "203.0.113.9";
    expect((await proxy(request("/r/not-a-token", guesser))).status).toBe(200);
    for (let i = 0; i < LINK_MISSES.points; i++) await recordMiss(clientKey(new Headers({ "x-forwarded-for": guesser })));

    for (const path of ["/r/not-a-token", "/u/another-guess"]) {
      const blocked = await proxy(request(path, guesser));
      expect(blocked.status).toBe(429);
      const wait = Number(blocked.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(LINK_MISSES.duration);
      // Still the page's own answer (rendered by Next after the proxy), with the security headers.
      expect(blocked.headers.get("x-middleware-next")).toBe("1");
      expect(blocked.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    }
    expect((await proxy(request("/r/not-a-token", "203.0.113.10"))).status).toBe(200);
    expect((await proxy(request("/dashboard", guesser))).status).toBe(200);
    expect((await proxy(request("/r/_components/x", guesser))).status).toBe(200);
  });
});
