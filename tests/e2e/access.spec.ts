import type { APIRequestContext } from "@playwright/test";
import { expect, type RoleName, signIn, test, USERS } from "./fixtures";

// Every role against every page and route handler, including another account's records by id.

type Who = RoleName | "anonymous";
const WHO: Who[] = ["anonymous", "admin", "cio", "rm", "client"];
const UNKNOWN_ID = "czzzzzzzzzzzzzzzzzzzzzzzz";

let ids: { finance: string; marketing: string; operations: string };
const contexts = new Map<Who, APIRequestContext>();

test.beforeAll(async ({ baseURL, playwright }) => {
  contexts.set("anonymous", await playwright.request.newContext({ baseURL }));
  for (const role of Object.keys(USERS) as RoleName[]) contexts.set(role, await signIn(baseURL as string, USERS[role]));
  const { accounts } = (await (await (contexts.get("cio") as APIRequestContext).get("/api/accounts")).json()) as {
    accounts: { id: string; name: string }[];
  };
  const byName = (name: string) => accounts.find((account) => account.name === name)?.id as string;
  // Alex (the rm) manages Finance and Marketing; Operations is Blair's; the client belongs to Finance.
  ids = { finance: byName("Finance"), marketing: byName("Marketing"), operations: byName("Operations") };
  expect(Object.values(ids).every(Boolean)).toBe(true);
});

test.afterAll(async () => {
  await Promise.all([...contexts.values()].map((context) => context.dispose()));
});

/** 200, 404, or "login" for a redirect to the login page. */
async function pageOutcome(who: Who, path: string): Promise<string> {
  const response = await (contexts.get(who) as APIRequestContext).get(path, { maxRedirects: 0 });
  if ([302, 303, 307, 308].includes(response.status())) {
    const location = response.headers().location ?? "";
    return location.includes("/login") ? "login" : `redirect ${location}`;
  }
  return String(response.status());
}

const PAGES: { path: () => string; expected: Record<Who, string> }[] = [
  { path: () => "/login", expected: { anonymous: "200", admin: "redirect /", cio: "redirect /", rm: "redirect /", client: "redirect /" } },
  { path: () => "/dashboard", expected: { anonymous: "login", admin: "200", cio: "200", rm: "200", client: "404" } },
  { path: () => "/worklist", expected: { anonymous: "login", admin: "200", cio: "200", rm: "200", client: "404" } },
  { path: () => "/admin/users", expected: { anonymous: "login", admin: "200", cio: "404", rm: "404", client: "404" } },
  { path: () => `/accounts/${ids.finance}`, expected: { anonymous: "login", admin: "200", cio: "200", rm: "200", client: "200" } },
  { path: () => `/accounts/${ids.operations}`, expected: { anonymous: "login", admin: "200", cio: "200", rm: "404", client: "404" } },
  { path: () => `/accounts/${UNKNOWN_ID}`, expected: { anonymous: "login", admin: "404", cio: "404", rm: "404", client: "404" } },
  { path: () => `/accounts/${ids.finance}/interactions/new`, expected: { anonymous: "login", admin: "200", cio: "200", rm: "200", client: "404" } },
  { path: () => `/accounts/${ids.operations}/interactions/new`, expected: { anonymous: "login", admin: "200", cio: "200", rm: "404", client: "404" } },
  { path: () => `/accounts/${ids.finance}/rate`, expected: { anonymous: "login", admin: "404", cio: "404", rm: "404", client: "200" } },
  { path: () => `/accounts/${ids.marketing}/rate`, expected: { anonymous: "login", admin: "404", cio: "404", rm: "404", client: "404" } },
];

test("pages: each role sees only what it may", async () => {
  const actual: Record<string, Record<Who, string>> = {};
  const expected: Record<string, Record<Who, string>> = {};
  for (const page of PAGES) {
    const path = page.path();
    expected[path] = page.expected;
    actual[path] = {} as Record<Who, string>;
    for (const who of WHO) actual[path][who] = await pageOutcome(who, path);
  }
  expect(actual).toEqual(expected);
});

test("the home page sends each role to its job", async () => {
  expect(await pageOutcome("anonymous", "/")).toBe("login");
  expect(await pageOutcome("cio", "/")).toBe("redirect /dashboard");
  expect(await pageOutcome("rm", "/")).toBe("redirect /worklist");
  expect(await pageOutcome("client", "/")).toBe(`redirect /accounts/${ids.finance}`);
});

test("route handlers: each role gets only what it may", async () => {
  const status = async (who: Who, method: "get" | "post", path: string, data?: unknown) =>
    (await (contexts.get(who) as APIRequestContext)[method](path, { data, maxRedirects: 0 })).status();

  const table: Record<string, Record<Who, number>> = {};
  const row = async (label: string, method: "get" | "post", path: string, body?: () => unknown) => {
    table[label] = {} as Record<Who, number>;
    for (const who of WHO) table[label][who] = await status(who, method, path, body?.());
  };
  await row("GET /api/accounts", "get", "/api/accounts");
  await row("GET own account", "get", `/api/accounts/${ids.finance}`);
  await row("GET Blair's account", "get", `/api/accounts/${ids.operations}`);
  await row("GET unknown account", "get", `/api/accounts/${UNKNOWN_ID}`);
  const rating = () => ({ overall: 4, recommend: 8, idempotencyKey: crypto.randomUUID() });
  await row("POST rating, Marketing", "post", `/api/accounts/${ids.marketing}/ratings`, rating);
  await row("POST invalid rating, Finance", "post", `/api/accounts/${ids.finance}/ratings`, () => ({ overall: 7 }));
  await row("POST rating, Finance", "post", `/api/accounts/${ids.finance}/ratings`, rating);

  expect(table).toEqual({
    "GET /api/accounts": { anonymous: 401, admin: 200, cio: 200, rm: 200, client: 403 },
    "GET own account": { anonymous: 401, admin: 200, cio: 200, rm: 200, client: 200 },
    "GET Blair's account": { anonymous: 401, admin: 200, cio: 200, rm: 404, client: 404 },
    "GET unknown account": { anonymous: 401, admin: 404, cio: 404, rm: 404, client: 404 },
    "POST rating, Marketing": { anonymous: 401, admin: 403, cio: 403, rm: 403, client: 404 },
    "POST invalid rating, Finance": { anonymous: 401, admin: 400, cio: 400, rm: 400, client: 400 },
    "POST rating, Finance": { anonymous: 401, admin: 403, cio: 403, rm: 403, client: 200 },
  });
});

test("a client never learns IT's diagnosis of them through the API", async () => {
  const body = await (await (contexts.get("client") as APIRequestContext).get(`/api/accounts/${ids.finance}`)).json();
  expect(body).toMatchObject({ access: "client", health: null, diagnosis: null });
  const asCio = await (await (contexts.get("cio") as APIRequestContext).get(`/api/accounts/${ids.finance}`)).json();
  expect(asCio.diagnosis.evidence).toBeInstanceOf(Array);
});
