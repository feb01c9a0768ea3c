import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { collectErrors, expect, signIn, test, USERS } from "./fixtures";

// Issue 9 §3: sessions live on the server (decision 012). A cookie copied from a signed-in
// browser stops working when its owner signs out; an administrator's role change or
// deactivation ends the user's open sessions at their next request.

type Cookies = Awaited<ReturnType<APIRequestContext["storageState"]>>;

async function openWith(browser: Browser, state: Cookies, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext({ storageState: state })).newPage();
  collectErrors(page, errors);
  return page;
}

async function signedInPage(browser: Browser, baseURL: string, email: string, errors: string[], password?: string): Promise<Page> {
  const api = await signIn(baseURL, email, password);
  const state = await api.storageState();
  await api.dispose();
  return openWith(browser, state, errors);
}

test("a copied session cookie stops working the moment its owner signs out", async ({ browser, baseURL, browserErrors }) => {
  const api = await signIn(baseURL as string, USERS.cio);
  const cookies = await api.storageState();
  await api.dispose();
  const owner = await openWith(browser, cookies, browserErrors);
  const copy = await openWith(browser, cookies, browserErrors);
  await copy.goto("/settings/password");
  await expect(copy.getByRole("heading", { name: "Change your password" })).toBeVisible();

  await owner.goto("/logout");
  await owner.getByRole("button", { name: "Sign out" }).click();
  await expect(owner).toHaveURL(/\/login/);

  await copy.goto("/settings/password");
  await expect(copy).toHaveURL(/\/login/);
  await Promise.all([owner.context().close(), copy.context().close()]);
});

test("a role change and a deactivation end the user's open session at its next request", async ({ browser, baseURL, signedInAs, browserErrors }) => {
  const admin = await signedInAs("admin");
  const name = `Sid Session ${Date.now()}`;
  const email = `sid.${Date.now()}@rapport.example`;
  const password = "a long enough password";
  await admin.goto("/admin/users");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Initial password").fill(password);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`User ${email} created.`)).toBeVisible();
  await admin.getByRole("link", { name }).click();
  await expect(admin.getByRole("heading", { name })).toBeVisible();
  const editPage = admin.url();

  const user = await signedInPage(browser, baseURL as string, email, browserErrors, password);
  await user.goto("/settings/password");
  await expect(user.getByText(`Signed in as ${email}`)).toBeVisible();

  await admin.getByLabel("Role").selectOption({ label: "CIO" });
  await admin.getByRole("button", { name: "Save details" }).click();
  await expect(admin.getByText(`Saved ${name}'s details.`)).toBeVisible();
  await user.goto("/settings/password");
  await expect(user).toHaveURL(/\/login/);

  const again = await signedInPage(browser, baseURL as string, email, browserErrors, password);
  await again.goto("/settings/password");
  await expect(again.getByText(`Signed in as ${email}`)).toBeVisible();
  await admin.goto(editPage);
  await admin.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(admin.getByText(`${name} is deactivated and signed out everywhere.`)).toBeVisible();
  await again.goto("/settings/password");
  await expect(again).toHaveURL(/\/login/);
  await Promise.all([user.context().close(), again.context().close()]);
});
