import { type Page } from "@playwright/test";
import { collectErrors, expect, signIn, test } from "./fixtures";

// Issue 7 §5: a human's override of the stage, beside the computed stage on the account and the
// portfolio (table and phone-width cards), ended early with a reason; clients never see one.

const DAY = 86_400_000;
const REASON = "The COO told me privately they are pricing an outside logistics platform";

async function openAccount(page: Page, name: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("the CIO sets an override with a reason and a last day, sees it beside the computed stage on the account and the portfolio, and ends it", async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const page = await signedInAs("cio");

  // The demo story's own override: Customer Service, beside its computed stage.
  await page.goto("/dashboard");
  const table = page.getByRole("table", { name: /Every business unit/ });
  await expect(table.getByRole("row").filter({ hasText: "Customer Service" })).toContainText(/Override:\s*Healthy — by Morgan Reyes, until/);

  await openAccount(page, "Supply Chain");
  await page.getByText("Set a manual stage").click();
  const stage = page.getByRole("combobox", { name: "Stage" });
  await stage.selectOption("PNEUMONIA");
  const until = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
  await page.getByLabel("Until (last day it holds)").fill(until);
  // A reason too short to mean anything is refused, and what was chosen stays.
  await page.getByLabel("Why you disagree with the engine").fill("gut");
  await page.getByRole("button", { name: "Set override" }).click();
  await expect(page.getByText("The reason must be at least 10 characters")).toBeVisible();
  await expect(stage).toHaveValue("PNEUMONIA");

  await page.getByLabel("Why you disagree with the engine").fill(REASON);
  await page.getByRole("button", { name: "Set override" }).click();
  await expect(page.getByText(/^Override set on Supply Chain: Pneumonia until .+, shown beside the computed stage \(.+\)\.$/).first()).toBeVisible();
  const override = page.getByText(/^Override:/).locator("..");
  await expect(override).toContainText(`Pneumonia — by Morgan Reyes, until`);
  await expect(override).toContainText(REASON);
  // The engine's stage is still there, named as computed.
  await expect(page.getByText("Computed:")).toBeVisible();
  await expect(page.getByText(/^Score \d+$/).first()).toBeVisible();

  // The portfolio: beside the stage in the table, and in the cards at phone width.
  await page.goto("/dashboard");
  const row = table.getByRole("row").filter({ hasText: "Supply Chain" });
  await expect(row).toContainText("Override: Pneumonia — by Morgan Reyes");
  await expect(row).toContainText(REASON);
  await page.setViewportSize({ width: 375, height: 800 });
  const card = table.getByRole("row").filter({ hasText: "Supply Chain" });
  await expect(card).toContainText("Override: Pneumonia — by Morgan Reyes");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Ended early, with a reason; the history keeps it.
  await openAccount(page, "Supply Chain");
  await page.getByRole("button", { name: "End override" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "End override" }).click();
  await expect(dialog.getByText(/^The reason (is required|must be at least 3 characters)$/)).toBeVisible();
  await dialog.getByLabel("Why end it now?").fill("Agreed with the COO at the review");
  await dialog.getByRole("button", { name: "End override" }).click();
  await expect(page.getByText(/^The Pneumonia override on Supply Chain has ended: the computed stage \(.+\) stands alone again\.$/).first()).toBeVisible();
  await expect(page.getByText(/^Override:/)).toHaveCount(0);
  await page.getByText("Override history (1)").click();
  const entry = page.getByRole("listitem").filter({ hasText: REASON });
  await expect(entry).toContainText("ended");
  await expect(entry).toContainText("Ended by Morgan Reyes");
  await expect(entry).toContainText("Agreed with the COO at the review");
});

test("a business client sees no override on their own account", async ({ browser, baseURL, browserErrors }) => {
  const api = await signIn(baseURL as string, "client.customer-service@rapport.example");
  const context = await browser.newContext({ storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  collectErrors(page, browserErrors);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Customer Service", level: 1 })).toBeVisible();
  await expect(page.getByText(/Override/)).toHaveCount(0);
  await expect(page.getByText("Set a manual stage")).toHaveCount(0);
  await context.close();
});
