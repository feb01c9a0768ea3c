import { expect, test } from "./fixtures";

// The audit log on the demo story (decision 032; the story's events from prisma/seed/build-audit.ts):
// the CIO finds it in the menu, filters it with the plain GET form, and opens a record's history.

test("the CIO browses the demo's audit log, filters it and opens a record's history", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Audit log" }).first().click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const entries = page.getByTestId("audit-entry");
  await expect(entries).toHaveCount(50);
  await expect(page.getByRole("link", { name: "Older changes" })).toBeVisible();

  // Closed actions, by the menu's filter: each shows its status before and after. (The selects are
  // found by name: a label's accessible name holds its options, and "What" lists "account: any".)
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  const what = filters.locator('select[name="action"]');
  await what.selectOption("action.closed");
  await filters.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/[?&]action=action\.closed/);
  await expect(entries.first()).toBeVisible();
  for (const entry of await entries.all()) {
    await expect(entry.locator("code")).toHaveText("action.closed");
    await expect(entry.getByRole("row", { name: /^Status/ })).toBeVisible();
  }

  // An interaction logged in Finance (the story's, or another test's): its history says who recorded it.
  await what.selectOption("interaction.created");
  await filters.locator('select[name="accountId"]').selectOption({ label: "Finance" });
  await filters.getByRole("button", { name: "Show" }).click();
  const logged = entries.first();
  await expect(logged).toContainText("Finance");
  const by = (await logged.locator("span.font-medium").innerText()).trim();
  expect(by).not.toBe("");
  await logged.getByRole("link", { name: "Interaction" }).click();
  await expect(page.getByRole("heading", { name: "Change history" })).toBeVisible();
  await expect(page.getByText(new RegExp(`^by ${by},`))).toBeVisible();
});
