import { expect, signIn, test } from "./fixtures";

// Issue 6 §9: an administrator edits, resets and deactivates a user; a deactivated user's open
// session stops working at their next request; everyone changes their own password.

const PASSWORD = "a long enough password";

async function createUser(admin: import("@playwright/test").Page, name: string, role = "CIO") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${Date.now()}@rapport.example`;
  await admin.goto("/admin/users");
  await admin.getByLabel("Name").fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption(role);
  await admin.getByLabel("Initial password").fill(PASSWORD);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`User ${email} created.`)).toBeVisible();
  return email;
}

test("a deactivated user's open session ends at their next request; reactivated, they sign in again", async ({ signedInAs, baseURL, browser }) => {
  const admin = await signedInAs("admin");
  const email = await createUser(admin, "Dee Parting");

  const session = await signIn(baseURL as string, email, PASSWORD);
  const context = await browser.newContext({ storageState: await session.storageState() });
  await session.dispose();
  const leaver = await context.newPage();
  await leaver.goto("/dashboard");
  await expect(leaver.getByRole("heading", { name: "Portfolio" })).toBeVisible();

  await admin.getByRole("link", { name: "Dee Parting" }).click();
  await admin.getByRole("button", { name: "Deactivate Dee Parting" }).click();
  await expect(admin.getByText("Dee Parting is deactivated and signed out everywhere.")).toBeVisible();

  // Same cookie, next request: back to the sign-in page.
  await leaver.goto("/dashboard");
  await expect(leaver).toHaveURL(/\/login/);
  await expect(signIn(baseURL as string, email, PASSWORD)).rejects.toThrow(/failed: 401/);
  await context.close();

  await admin.getByRole("button", { name: "Reactivate Dee Parting" }).click();
  await expect(admin.getByText("Dee Parting can sign in again.")).toBeVisible();
  await (await signIn(baseURL as string, email, PASSWORD)).dispose();
});

test("an administrator corrects a user's details and resets their password", async ({ signedInAs, baseURL }) => {
  const admin = await signedInAs("admin");
  const email = await createUser(admin, "Ren Typo");
  await admin.getByRole("link", { name: "Ren Typo" }).click();

  // Typed before hydration, the value can be reset by it: retry until the save is confirmed.
  await expect(async () => {
    await admin.getByLabel("Name").fill("Ren Right");
    await admin.getByRole("button", { name: "Save details" }).click();
    await expect(admin.getByText("Saved Ren Right's details.")).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 30_000 });
  await expect(admin.getByRole("heading", { name: "Ren Right" })).toBeVisible();
  await expect(admin.getByLabel("Name")).toHaveValue("Ren Right");

  await admin.getByLabel("New password").fill("a brand new password");
  await admin.getByRole("button", { name: "Reset password" }).click();
  await expect(admin.getByText(/Password reset/)).toBeVisible();
  await expect(signIn(baseURL as string, email, PASSWORD)).rejects.toThrow(/failed: 401/);
  await (await signIn(baseURL as string, email, "a brand new password")).dispose();
});

test("a user changes their own password and signs in again with it", async ({ signedInAs, baseURL, browser }) => {
  const admin = await signedInAs("admin");
  const email = await createUser(admin, "Max Mover", "RELATIONSHIP_MANAGER");
  const session = await signIn(baseURL as string, email, PASSWORD);
  const context = await browser.newContext({ storageState: await session.storageState() });
  await session.dispose();
  const page = await context.newPage();

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Password" }).click();
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password", { exact: true }).fill("my new secret 2026");
  await page.getByLabel("New password again").fill("my new secret 2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is not your current password")).toBeVisible();

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill("my new secret 2026");
  await page.getByLabel("New password again").fill("my new secret 2026");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByText("Password changed. Sign in with your new password.")).toBeVisible();
  await context.close();
  await (await signIn(baseURL as string, email, "my new secret 2026")).dispose();
});
