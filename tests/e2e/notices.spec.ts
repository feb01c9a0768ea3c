import { expect, test } from "./fixtures";

// A server action's notice (the flash) shows once on the page its redirect leads to, even when
// that is the page the form was on: the Toaster used to wait for the path to change, so such a
// notice showed nothing, then turned up stale on the next page.

const PREVIEW_READY = "Preview ready: check the accounts that would change before saving.";

test("a redirect back to the same page shows its notice once, and the next page shows none", async ({ signedInAs }) => {
  const page = await signedInAs("admin");
  const toasts = page.locator("[data-sonner-toast]").filter({ hasText: PREVIEW_READY });
  await page.goto("/admin/scoring");
  // Previewing the configuration in force writes no setting: it stores a preview and redirects to
  // /admin/scoring again.
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page).toHaveURL(/\/admin\/scoring\?preview=/);
  await expect(toasts).toHaveCount(1);
  await toasts.getByRole("button", { name: /close/i }).click();
  await expect(toasts).toHaveCount(0);

  // The notice was taken: another page (a change of path) does not show it again.
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(toasts).toHaveCount(0);

  // Each later save shows its own notice, once.
  await page.goto("/admin/scoring");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(toasts).toHaveCount(1);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(toasts).toHaveCount(2);
});
