import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "../../lib/env";
import { proxy } from "../../proxy";

// The proxy (proxy.ts) run on requests built as Next builds them: the headers every answer
// carries, what it passes on to the page (nonce, request id), and the server-action posts it
// refuses before Next would throw (a 500) on them.

const BASE = "http://127.0.0.1:3000";
const request = (path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit; duplex?: "half" } = {}) =>
  new NextRequest(new URL(path, BASE), { ...init, headers: { host: "127.0.0.1:3000", ...init.headers } });
/** What Next hands the page: NextResponse.next({ request: { headers } }) sends them as x-middleware-request-*. */
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const nonceOf = (policy: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy ?? "")?.[1];

const originalUrl = process.env.NEXTAUTH_URL;
afterEach(() => {
  if (originalUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = originalUrl;
  delete process.env.PUBLIC_URL;
  resetEnvCache();
});

describe("security headers", () => {
  it("puts a strict policy with a fresh nonce on every answer, and hands the same nonce to the page", async () => {
    const first = await proxy(request("/dashboard"));
    const policy = first.headers.get("content-security-policy") ?? "";
    for (const directive of ["default-src 'self'", "'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(forwarded(first, "content-security-policy"))).toBe(nonce);
    expect(nonceOf((await proxy(request("/dashboard"))).headers.get("content-security-policy"))).not.toBe(nonce);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
  });

  it("sends the same headers with a static file, an emailed link's page and the API", async () => {
    for (const path of ["/favicon.ico", "/r/" + "a".repeat(43), "/api/accounts", "/login"]) {
      const response = await proxy(request(path));
      expect(response.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("referrer-policy"), path).toBe("same-origin");
    }
  });

  it("marks JSON answers no-store, and leaves pages to Next", async () => {
    expect((await proxy(request("/api/accounts"))).headers.get("cache-control")).toBe("no-store");
    expect((await proxy(request("/api/auth/session"))).headers.get("cache-control")).toBe("no-store");
    expect((await proxy(request("/dashboard"))).headers.get("cache-control")).toBeNull();
  });

  it("asks for HTTPS (HSTS, upgrade-insecure-requests) only when the app's public address is https", async () => {
    process.env.NEXTAUTH_URL = "http://127.0.0.1:3000";
    resetEnvCache();
    const plain = await proxy(request("/login"));
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(plain.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
    process.env.NEXTAUTH_URL = "https://rapport.example.org";
    resetEnvCache();
    const secure = await proxy(request("/login"));
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(secure.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });
});

describe("request ids", () => {
  it("gives each request an id, on the answer and to the page", async () => {
    const response = await proxy(request("/dashboard"));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(forwarded(response, "x-request-id")).toBe(id);
  });

  it("keeps an incoming id only when it is a sane token", async () => {
    const kept = await proxy(request("/login", { headers: { "x-request-id": "lb-7f3a9c2e.0001" } }));
    expect(kept.headers.get("x-request-id")).toBe("lb-7f3a9c2e.0001");
    for (const bad of ["short", "x".repeat(129), 'evil" level=fatal', "has space inside"]) {
      const replaced = await proxy(request("/login", { headers: { "x-request-id": bad } }));
      expect(replaced.headers.get("x-request-id"), bad).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe("server-action posts", () => {
  const action = (headers: Record<string, string>, body: BodyInit = "[]") =>
    request("/accounts/abc", { method: "POST", headers: { "next-action": "7f00aa", "content-type": "text/plain;charset=UTF-8", ...headers }, body });

  it("passes a post from this site, or one without an Origin (as Next does)", async () => {
    const cases: Record<string, string>[] = [{ origin: BASE }, {}, { origin: "https://rapport.example.org", "x-forwarded-host": "rapport.example.org" }];
    for (const headers of cases) {
      const response = await proxy(action(headers));
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("refuses a post from another site, from an opaque or malformed origin, with 403 and the headers", async () => {
    for (const origin of ["https://evil.example", "http://127.0.0.1:3001", "null", "not a url", "http://127.0.0.1:3000.evil.example"]) {
      const response = await proxy(action({ origin }));
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toBe("This form was posted from another site.\n");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
    }
    // A form posted without JavaScript has no Next-Action header: refused all the same.
    expect((await proxy(request("/accounts/abc", { method: "POST", headers: { origin: "https://evil.example" }, body: "a=1" }))).status).toBe(403);
  });

  it("refuses a body over 1 MiB with 413, by its length or, when chunked, by counting it", async () => {
    expect((await proxy(action({ origin: BASE, "content-length": String(2 * 1024 * 1024) }))).status).toBe(413);
    expect((await proxy(action({ origin: BASE, "content-length": "-1" }))).status).toBe(413);
    const chunks = (count: number) =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (count-- <= 0) controller.close();
          else controller.enqueue(new Uint8Array(64 * 1024));
        },
      });
    const chunked = (count: number) =>
      new NextRequest(new URL("/accounts/abc", BASE), { method: "POST", headers: { host: "127.0.0.1:3000", origin: BASE, "next-action": "7f00aa" }, body: chunks(count), duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]);
    expect((await proxy(chunked(32))).status).toBe(413);
    expect((await proxy(chunked(8))).status).toBe(200);
    expect((await proxy(action({ origin: BASE, "content-length": String(1024 * 1024) }))).status).toBe(200);
  });

  it("leaves API routes to their own checks (an unsubscribe POST comes from a mail client, with no Origin of ours)", async () => {
    const response = await proxy(request("/api/unsubscribe/x", { method: "POST", headers: { origin: "https://mail.example", "content-length": String(2 * 1024 * 1024) } }));
    expect(response.status).toBe(200);
  });
});
