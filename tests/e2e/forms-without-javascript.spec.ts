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
  await expect(page.getByText("Please correct the fields marked in red.")).toBeVisible();
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
  await expect(page.getByText("Please correct the fields marked in red.")).toHaveCount(0);

  await page.getByRole("button", { name: "Remove quote 1" }).click();
  await expect(page.getByRole("textbox", { name: "Quote 1" })).toHaveCount(0);
  await expect(page.getByLabel("Summary")).toHaveValue("Roadmap review");
  await page.context().close();
});

test("without JavaScript, the scoring draft shows the server's errors with the values kept, and a preview lists the accounts that would change, with the form that saves it", async ({ browser, baseURL }) => {
  const { page } = await pageWithoutJavaScript(browser, baseURL as string, "admin");
  await page.goto("/admin/scoring");
  const threshold = page.getByLabel("Threshold: sniffles", { exact: true });
  await page.getByLabel("Recent window (days)").fill("0");
  await threshold.fill("3");
  await page.getByRole("checkbox", { name: /IT just doesn.t get it/ }).first().uncheck();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  // The library's own check names the field, and the form says nothing was previewed.
  await expect(page.getByText("Too small: expected number to be >=1")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The configuration is not valid (1 problem)" })).toBeVisible();
  await expect(page.getByLabel("Recent window (days)")).toHaveAttribute("aria-invalid", "true");
  await expect(threshold).toHaveValue("3");
  await expect(page.getByRole("checkbox", { name: /IT just doesn.t get it/ }).first()).not.toBeChecked();
  await expect(page.getByRole("region", { name: /Preview of the draft/ })).toHaveCount(0);

  await page.getByLabel("Recent window (days)").fill("180");
  await page.getByRole("checkbox", { name: /IT just doesn.t get it/ }).first().check();
  await page.getByRole("button", { name: "Preview", exact: true }).click();
  const preview = page.getByRole("region", { name: /Preview of the draft/ });
  await expect(preview.getByText("Changed values: stages.threshold.SNIFFLES.")).toBeVisible();
  await expect(preview.getByRole("table", { name: "Accounts whose stage would change" }).getByRole("row").nth(1)).toBeVisible();
  await expect(threshold).toHaveValue("3");
  // Saving without JavaScript re-diagnoses every demo account, so it is tested after the specs that
  // read the demo's stages: background-work.spec.ts.
  await expect(preview.getByRole("button", { name: "Save this configuration" })).toBeVisible();
  await page.context().close();
});

test("without JavaScript, 'Re-detect phrases now' names the unticked confirmation and queues nothing", async ({ browser, baseURL }) => {
  const { page } = await pageWithoutJavaScript(browser, baseURL as string, "admin");
  await page.goto("/admin/tasks");
  const redetect = page.getByRole("region", { name: "Re-detect phrases" });
  await redetect.getByRole("button", { name: "Re-detect phrases now" }).click();
  await expect(redetect.getByText("Tick the box to confirm: every stored text is re-read and accounts may change stage.")).toBeVisible();
  await expect(redetect.getByLabel(/I understand that every stored note/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Re-detection of phrases")).toHaveCount(0);
  // Ticking it and queuing a re-detection re-diagnoses the demo's accounts: background-work.spec.ts, with JavaScript.
  await page.context().close();
});
