import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// The admin tunes the scoring: a change is previewed on every account, saved with a reason only
// after that, and re-diagnoses every account through the job queue with its progress shown.

async function previewAndSave(page: Page, threshold: string, reason: string) {
  await page.getByLabel("Threshold: sniffles", { exact: true }).fill(threshold);
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: /Preview of the draft/ });
  await expect(preview).toBeVisible();
  await expect(preview.getByText("Changed values: stages.threshold.SNIFFLES")).toBeVisible();
  // The accounts whose stage would change, from → to.
  const changes = preview.getByRole("table", { name: "Accounts whose stage would change" });
  await expect(changes.getByRole("row").nth(1)).toBeVisible();

  // A reason is required (the browser asks for it; the server refuses a save without one too).
  await expect(preview.getByLabel("Why this change")).toHaveAttribute("required", "");
  await preview.getByLabel("Why this change").fill(reason);
  await preview.getByRole("button", { name: "Save this configuration" }).click();
  return changes;
}

test("an admin raises a threshold, previews the accounts that would change, saves with a reason and watches every account re-diagnosed", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scoring" }).click();
  await expect(page.getByRole("heading", { name: "Scoring settings" })).toBeVisible();
  await expect(page.getByText("The library's defaults are in force (version 0)")).toBeVisible();

  // An invalid value is named on its field, and nothing is previewed.
  await page.getByLabel("Recent window (days)").fill("0");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Too small: expected number to be >=1")).toBeVisible();
  await expect(page.getByRole("region", { name: /Preview of the draft/ })).toHaveCount(0);
  await page.getByLabel("Recent window (days)").fill("180");

  // Sniffles needs three times the support: the demo's mildly unwell units would read healthy.
  await previewAndSave(page, "3", "Only well-corroborated frustration counts as sniffles");
  await expect(page.getByRole("status").filter({ hasText: "Version 1 saved. Changed: stages.threshold.SNIFFLES." })).toBeVisible();
  const progress = page.getByRole("region", { name: "Re-diagnosis of every account" });
  await expect(progress.getByRole("progressbar", { name: "Re-diagnosis" })).toBeVisible();
  await expect(progress.getByText(/Re-diagnosed \d+ accounts with configuration version 1; \d+ changed stage?\./)).toBeVisible({ timeout: 60_000 });
  await expect(progress.getByRole("progressbar", { name: "Re-diagnosis" })).toHaveAttribute("aria-valuenow", "100");

  const versions = page.getByRole("region", { name: "Versions" });
  await expect(versions.getByText("Version 1")).toBeVisible();
  await expect(versions.getByText("“Only well-corroborated frustration counts as sniffles”")).toBeVisible();
  await expect(versions.getByText("Changed: stages.threshold.SNIFFLES")).toBeVisible();
  await expect(page.getByText(/Version 1 is in force, saved by .+: “Only well-corroborated frustration counts as sniffles”/)).toBeVisible();

  // Back to the default threshold, the same way, so that the other browser tests see the demo's stages.
  await previewAndSave(page, "1", "Back to the default after the demo");
  await expect(page.getByRole("status").filter({ hasText: "Version 2 saved." })).toBeVisible();
  await expect(progress.getByText(/with configuration version 2/)).toBeVisible({ timeout: 60_000 });
});

test("the CIO sees the configuration and its versions but cannot change them", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/admin/scoring");
  await expect(page.getByRole("heading", { name: "The configuration in force" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview" })).toHaveCount(0);
});
