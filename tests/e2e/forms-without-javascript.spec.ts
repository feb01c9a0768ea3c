import { type Browser, expect, test } from "@playwright/test";
import { signIn, USERS } from "./fixtures";

// The forms post natively before JavaScript loads (or when it never does): the server answers
// with the page, its errors and the values typed, or a fresh form after a success.

async function pageWithoutJavaScript(browser: Browser, baseURL: string, role: keyof typeof USERS) {
  const api = await signIn(baseURL, USERS[role]);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  // The portfolio streams its widgets in with JavaScript, so the account is looked up instead.
  const { accounts } = (await (await api.get("/api/accounts")).json()) as { accounts: { id: string; name: string }[] };
  await api.dispose();
  return { page: await context.newPage(), accounts };
}

test("without JavaScript, the new-user form shows the server's errors with the values kept, then starts afresh", async ({ browser, baseURL }) => {
  const { page } = await pageWithoutJavaScript(browser, baseURL as string, "admin");
  await page.goto("/admin/users");
  const email = `nojs.${Date.now()}@rapport.example`;

  await page.getByLabel("Name").fill("Noa Script");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await expect(page.getByText("Please correct the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Initial password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Noa Script");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  // A password is never sent back, not even to the admin who typed it.
  await expect(page.getByLabel("Initial password")).toHaveValue("");

  await page.getByLabel("Initial password").fill("a long enough password");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status").getByText(`User ${email} created.`)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("");
  await expect(page.getByRole("row").filter({ hasText: email })).toBeVisible();
  await page.context().close();
});

test("without JavaScript, the interaction form adds a quote row through the server and keeps what was typed", async ({ browser, baseURL }) => {
  const { page, accounts } = await pageWithoutJavaScript(browser, baseURL as string, "rm");
  const sales = accounts.find((account) => account.name === "Sales");
  await page.goto(`/accounts/${sales?.id}/interactions/new`);

  await page.getByLabel("Summary").fill("Roadmap review");
  await page.getByRole("button", { name: "Add a quote" }).click();
  await expect(page.getByRole("textbox", { name: "Quote 1" })).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue("Roadmap review");
  // Adding a row saves nothing and reports nothing.
  await expect(page.getByText("Please correct the fields marked below.")).toHaveCount(0);

  await page.getByRole("button", { name: "Remove quote 1" }).click();
  await expect(page.getByRole("textbox", { name: "Quote 1" })).toHaveCount(0);
  await expect(page.getByLabel("Summary")).toHaveValue("Roadmap review");
  await page.context().close();
});
