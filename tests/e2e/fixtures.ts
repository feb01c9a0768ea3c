import { type APIRequestContext, test as base, expect, type Page, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/story";

export { expect };

export const USERS = {
  admin: "admin@rapport.example",
  cio: "cio@rapport.example",
  rm: "rm.alex@rapport.example",
  client: "client.finance@rapport.example",
} as const;
export type RoleName = keyof typeof USERS;

/**
 * Signs in through next-auth's credentials endpoint (no clicking through the login page) and
 * returns the session cookies, so each test starts signed in as the role it needs.
 */
export async function signIn(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  if (response.status() >= 400) throw new Error(`sign-in as ${email} failed: ${response.status()}`);
  const cookies = (await context.storageState()).cookies;
  if (!cookies.some((cookie) => cookie.name.includes("session-token"))) throw new Error(`sign-in as ${email} was refused`);
  return context;
}

/** A page signed in as `role`; any console error or uncaught exception in the browser fails the test. */
export const test = base.extend<{ browserErrors: string[]; signedInAs: (role: RoleName) => Promise<Page> }>({
  browserErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, "errors in the browser console").toEqual([]);
  },
  signedInAs: async ({ browser, baseURL, browserErrors }, use) => {
    const pages: Page[] = [];
    await use(async (role) => {
      const api = await signIn(baseURL as string, USERS[role]);
      const context = await browser.newContext({ storageState: await api.storageState() });
      await api.dispose();
      const page = await context.newPage();
      collectErrors(page, browserErrors);
      pages.push(page);
      return page;
    });
    await Promise.all(pages.map((page) => page.context().close()));
  },
  page: async ({ page, browserErrors }, use) => {
    collectErrors(page, browserErrors);
    await use(page);
  },
});

/** Records `page`'s console errors and uncaught exceptions in `errors` (the browserErrors fixture's list, which fails the test); for pages of contexts a test builds itself. */
export function collectErrors(page: Page, errors: string[]) {
  page.on("console", (message) => {
    // A 404 the test asked for, or a refused sign-in (401), is logged by the browser as a failed
    // load of that response: expected, not an error of the app.
    if (message.type() === "error" && !/Failed to load resource: .*status of 40[14]/.test(message.text())) errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
}
