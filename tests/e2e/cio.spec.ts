import { expect, test } from "./fixtures";

test("the CIO sees every business unit's stage, score and owner, with charts", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  const table = page.getByRole("table", { name: /Every business unit/ });
  await expect(table.getByRole("row")).toHaveCount(13); // header + twelve units
  for (const stage of ["Healthy", "Sniffles", "Flu", "Pneumonia", "Death and reincarnation"]) {
    await expect(table.getByText(stage, { exact: true }).first()).toBeVisible();
  }
  await expect(table.getByRole("row").filter({ hasText: "Facilities" })).toContainText("Unassigned");
  // Where each unit is heading: the sliding Sales unit is not stable.
  await expect(table.getByRole("columnheader", { name: "Heading" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "Sales" })).toContainText(/Worsening|Improving|Stable/);

  const stages = page.getByRole("region", { name: "Accounts by stage" });
  await expect(stages.locator(".recharts-bar-rectangle path").first()).toBeVisible();
  await expect(stages.getByText(/Accounts per stage: Healthy \d+, Sniffles \d+/)).toBeAttached();
  const scores = page.getByRole("region", { name: "Average health score" });
  await expect(scores.locator(".recharts-line path").first()).toBeVisible();
});

test("the CIO opens a sick account: diagnosis with evidence and treatments, score history, ratings and timeline", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Marketing", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Marketing", level: 1 })).toBeVisible();

  const diagnosis = page.getByRole("region", { name: "Diagnosis" });
  await expect(diagnosis.getByRole("heading", { name: "Evidence" })).toBeVisible();
  await expect(diagnosis.getByRole("heading", { name: "Evidence" }).locator("+ ul > li").first()).toBeVisible();
  await expect(diagnosis.getByRole("heading", { name: "Treatments" }).locator("+ ol > li").first()).toBeVisible();
  await expect(diagnosis.getByText(/Why: /).first()).toBeVisible();

  await expect(page.getByRole("region", { name: "Health score over time" }).locator(".recharts-line path").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Ratings" }).getByText(/\d+ ratings?, average satisfaction/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" }).getByRole("listitem").first()).toBeVisible();
  // Evidence links name their record (kind, date, title) and lead to it.
  const link = diagnosis.getByRole("heading", { name: "Evidence" }).locator("..").getByRole("link").first();
  await expect(link).not.toHaveText(/^record \d+$/);
  await link.click();
  await expect(page).toHaveURL(/#record-[a-z0-9]+$/);
  await expect(page.locator(`[id="${new URL(page.url()).hash.slice(1)}"]`)).toBeAttached();
});
