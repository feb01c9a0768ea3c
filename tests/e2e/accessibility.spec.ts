import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

// WCAG 2.1 A and AA checks (axe-core) on every page a role works in, including forms showing errors.

test("the login page", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await expectAccessible(page, "the login page with errors");
});

test("the CIO's dashboard and an account page", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await expect(page.getByRole("region", { name: "Average health score" }).locator("svg polyline")).toBeVisible();
  await expectAccessible(page, "the dashboard");
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Evidence" })).toBeVisible();
  await expectAccessible(page, "an account page");
});

test("the interaction form with errors", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Finance", exact: true }).click();
  await page.getByRole("link", { name: "Log an interaction" }).click();
  await page.getByRole("button", { name: "Add a quote" }).click();
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await page.getByRole("button", { name: "Save interaction" }).click();
  await expect(page.getByText("Summary must be at least 3 characters")).toBeVisible();
  await expectAccessible(page, "the interaction form");
});

test("the rating form with errors, and the users page", async ({ signedInAs }) => {
  const client = await signedInAs("client");
  await client.goto("/");
  await client.getByRole("link", { name: "Rate IT's service" }).click();
  await client.getByRole("button", { name: "Send rating" }).click();
  await expect(client.getByText("Overall satisfaction is required")).toBeVisible();
  await expectAccessible(client, "the rating form");

  const admin = await signedInAs("admin");
  await admin.goto("/admin/users");
  await expectAccessible(admin, "the users page");
});

test("the scoring settings with errors and with a preview, as the CIO reads them, and background work", async ({ signedInAs }) => {
  const admin = await signedInAs("admin");
  await admin.goto("/admin/scoring");
  await admin.getByLabel("Recent window (days)").fill("0");
  await admin.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(admin.getByText("Too small: expected number to be >=1")).toBeVisible();
  await expectAccessible(admin, "the scoring settings with errors");
  await admin.getByLabel("Recent window (days)").fill("180");
  await admin.getByLabel("Threshold: sniffles", { exact: true }).fill("3");
  await admin.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(admin.getByRole("region", { name: /Preview of the draft/ }).getByRole("table", { name: "Accounts whose stage would change" })).toBeVisible();
  await expectAccessible(admin, "a scoring preview");

  // The preview is a run of its own, so the page has at least one.
  await admin.goto("/admin/tasks");
  await expect(admin.getByRole("region", { name: "Recent runs" }).getByRole("progressbar").first()).toBeVisible();
  await expectAccessible(admin, "the background work page");

  const cio = await signedInAs("cio");
  await cio.goto("/admin/scoring");
  await expect(cio.getByRole("heading", { name: "The configuration in force" })).toBeVisible();
  await expectAccessible(cio, "the scoring settings as the CIO reads them");
});
