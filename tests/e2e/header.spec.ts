import { expect, signIn, test, USERS } from "./fixtures";

// The header on a phone folds behind a Menu button; on a laptop every link and every account
// section shows without scrolling sideways.

test("on a phone the header's links open from a Menu button, close on Escape and after navigating", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await page.waitForLoadState("networkidle");
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("heading", { name: "Relationship portfolio" })).toBeInViewport();

  await menu.click();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Reports" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();

  await menu.click();
  await nav.getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
});

test("without JavaScript a phone shows the header's links, and no Menu button that could not open", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.cio);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 }, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  await page.goto(`${baseURL}/reports`);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
  await context.close();
});

test("at laptop width every account section's tab is on screen, none past the edge", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.setViewportSize({ width: 1366, height: 800 });
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Operations", exact: true }).first().click();
  await expect(page.getByRole("heading", { name: "Operations", level: 1 })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Account sections" }).getByRole("link");
  expect(await tabs.count()).toBeGreaterThan(10);
  for (const tab of await tabs.all()) {
    const box = (await tab.boundingBox())!;
    expect(box.x + box.width, await tab.innerText()).toBeLessThanOrEqual(1366);
  }
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});
