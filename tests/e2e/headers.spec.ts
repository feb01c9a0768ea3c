import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

// The security headers on every kind of answer, a policy the app's own pages never violate, and
// the attacks the proxy and the schemas turn into 4xx: framing, foreign-origin and oversized
// server-action posts, NUL bytes, odd callbackUrls. Against the production build.

const SECURITY_HEADERS = ["content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options", "x-request-id"];

function expectSecurityHeaders(headers: Record<string, string>, what: string) {
  for (const name of SECURITY_HEADERS) expect(headers[name], `${name} on ${what}`).toBeTruthy();
  expect(headers["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'; /);
  expect(headers["content-security-policy"], what).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  // Served over http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

/** Records every CSP violation the page reports (the console error alone can be missed). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test("every kind of answer carries the headers; JSON is no-store", async ({ baseURL }) => {
  const cio = await signIn(baseURL as string, USERS.cio);
  for (const path of ["/login", "/dashboard", "/api/accounts", `/r/${"x".repeat(43)}`, "/favicon.ico", "/no-such-page"]) {
    const response = await cio.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
    expectSecurityHeaders(response.headers(), path);
  }
  expect((await cio.get("/api/accounts")).headers()["cache-control"]).toBe("no-store");
  const [first, second] = await Promise.all([cio.get("/dashboard"), cio.get("/dashboard")]);
  expect(first!.headers()["content-security-policy"]).not.toBe(second!.headers()["content-security-policy"]);
  await cio.dispose();
});

test("the app's pages run under the policy without a single violation: login, dashboard with charts, account page", async ({ page, signedInAs }) => {
  const loginViolations = await watchViolations(page);
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  expect(await loginViolations()).toEqual([]);

  const cio = await signedInAs("cio");
  const violations = await watchViolations(cio);
  await cio.goto("/dashboard");
  await expect(cio.getByRole("heading", { name: /portfolio/i }).first()).toBeVisible();
  // The charts draw with style attributes (bar widths on the dashboard, recharts' SVG on the
  // account page): they are there and styled.
  await expect(cio.getByRole("region", { name: "Accounts by stage" }).locator("li span[style]").first()).toBeVisible();
  await cio.getByRole("link", { name: "Finance", exact: true }).first().click();
  await expect(cio.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  await expect(cio.locator(".recharts-surface").first()).toBeVisible();
  // Tailwind's stylesheet applied (a heading is not the browser's default black serif).
  expect(await cio.getByRole("heading", { name: "Finance", level: 1 }).evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/^"?Times/);
  expect(await violations()).toEqual([]);
});

test("another site cannot frame the dashboard", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.cio);
  const context = await browser.newContext({ storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  // A page of another origin (served by the test) that frames the dashboard.
  await page.route("http://framer.test/", (route) => route.fulfill({ contentType: "text/html", body: `<iframe src="${baseURL}/dashboard" width="800" height="600"></iframe>` }));
  await page.goto("http://framer.test/");
  // Chromium replaces a frame its ancestors may not hold with its error page.
  await expect.poll(() => page.frames().find((candidate) => candidate !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  await context.close();
});

test("a NUL byte typed into a form gets the field's message, not an error page", async ({ signedInAs }) => {
  const rm = await signedInAs("rm");
  await rm.goto("/dashboard");
  await rm.getByRole("link", { name: "Sales", exact: true }).click();
  await rm.getByRole("link", { name: "Log an interaction" }).click();
  await expect(rm.getByRole("heading", { name: "Log an interaction with Sales" })).toBeVisible();
  await rm.getByLabel("Summary", { exact: true }).fill("Weekly\u0000call");
  await rm.getByRole("button", { name: "Save interaction" }).click();
  await expect(rm.getByText("Summary contains a NUL character (\\0), which cannot be saved: remove it")).toBeVisible();
  await expect(rm.getByLabel("Summary", { exact: true })).toHaveAttribute("aria-invalid", "true");
});

/** A server-action post as a browser's fetch sends it (the action id matters not: the proxy answers first). */
const actionPost = (api: APIRequestContext, baseURL: string, headers: Record<string, string>, body: string | Buffer = "[]") =>
  api.post("/dashboard", { headers: { "next-action": "7f".repeat(21), "content-type": "text/plain;charset=UTF-8", origin: baseURL, ...headers }, data: body, maxRedirects: 0 });

test("server-action posts from another site or over 1 MB get 403 and 413", async ({ baseURL }) => {
  const rm = await signIn(baseURL as string, USERS.rm);
  for (const origin of ["https://evil.example", "null", "http://127.0.0.1:1"]) {
    const response = await actionPost(rm, baseURL as string, { origin });
    expect(response.status(), origin).toBe(403);
    expectSecurityHeaders(response.headers(), `refused post from ${origin}`);
  }
  expect((await actionPost(rm, baseURL as string, {}, Buffer.alloc(2 * 1024 * 1024, "a"))).status()).toBe(413);
  // A form posted without JavaScript (no Next-Action header) from another site: refused too.
  expect((await rm.post("/dashboard", { headers: { origin: "https://evil.example" }, form: { a: "1" }, maxRedirects: 0 })).status()).toBe(403);
  await rm.dispose();
});

test("odd callbackUrls never get a 500: the login page and next-auth answer or redirect on this site", async ({ baseURL, playwright }) => {
  const base = baseURL as string;
  const odd = ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "%E0%A4%A", "%", "/%00", `/${"a".repeat(8000)}`, "\u0000", "/\uD800"];
  const anonymous = await playwright.request.newContext({ baseURL: base });
  for (const value of odd) {
    const query = `callbackUrl=${/%/.test(value) && !value.startsWith("/") ? value : encodeURIComponent(value.toWellFormed())}`;
    for (const path of [`/login?${query}`, `/api/auth/signin?${query}`, `/api/auth/signin/credentials?${query}`]) {
      // Node's fetch sends a malformed percent-encoding as written (Playwright's client refuses to).
      const response = await fetch(new URL(path, base), { redirect: "manual" });
      expect(response.status, `${path.slice(0, 60)}`).toBeLessThan(500);
      const location = response.headers.get("location");
      if (location) expect(new URL(location, base).origin, path.slice(0, 60)).toBe(new URL(base).origin);
    }
  }
  // Signing in with an odd callbackUrl in the form lands on this site.
  for (const callbackUrl of odd) {
    const context = await playwright.request.newContext({ baseURL: base });
    const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await context.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: USERS.client, password: "rapport-demo-2026", callbackUrl, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status(), JSON.stringify(callbackUrl).slice(0, 40)).toBeLessThan(500);
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).origin).toBe(new URL(base).origin);
    await context.dispose();
  }
  // next-auth's callback cookie holding something it cannot use: a 400 that clears it, so the next try works.
  for (const value of ["javascript%3Aalert(1)", "%25", "%00"]) {
    const response = await anonymous.get("/api/auth/signin", { headers: { cookie: `next-auth.callback-url=${value}` }, maxRedirects: 0 });
    expect(response.status(), value).toBe(400);
    expect(response.headers()["set-cookie"]).toMatch(/^next-auth\.callback-url=; Path=\/; Max-Age=0/);
  }
  const malformed = await anonymous.post("/api/auth/signin/credentials", { headers: { "content-type": "application/json" }, data: "{not json" });
  // Through the real server next-auth answers this one with its page (200); what matters is no 5xx.
  expect(malformed.status()).toBeLessThan(500);
  await anonymous.dispose();
});
