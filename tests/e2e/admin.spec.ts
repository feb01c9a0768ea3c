import { expect, signIn, test } from "./fixtures";

test("an admin adds a user; repeated failed sign-ins lock them out until the admin unlocks them", async ({ signedInAs, baseURL, page: anonymous }) => {
  const admin = await signedInAs("admin");
  await admin.goto("/admin/users");
  const email = `rae.${Date.now()}@rapport.example`;
  const password = "a long enough password";

  await admin.getByLabel("Name").fill("Rae Newcomer");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Initial password").fill("short");
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText("Use at least 12 characters")).toBeVisible();
  await expect(admin.getByLabel("Email")).toHaveValue(email);

  await admin.getByLabel("Initial password").fill(password);
  await admin.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`User ${email} created.`)).toBeVisible();
  // A created user's form starts afresh: above all, the password is gone.
  await expect(admin.getByLabel("Initial password")).toHaveValue("");
  await expect(admin.getByLabel("Email")).toHaveValue("");
  await expect(admin.getByLabel("Name")).toHaveValue("");

  // Five wrong passwords through the real login page lock the account…
  await anonymous.goto("/login");
  for (let attempt = 0; attempt < 5; attempt++) {
    await anonymous.getByLabel("Email").fill(email);
    await anonymous.getByLabel("Password").fill(`wrong ${attempt}`);
    await anonymous.getByRole("button", { name: "Sign in" }).click();
    await expect(anonymous.getByText(/Sign-in failed/)).toBeVisible();
  }
  // …so even the right one is refused.
  await expect(signIn(baseURL as string, email, password)).rejects.toThrow(/failed: 401/);

  await admin.reload();
  const row = admin.getByRole("row").filter({ hasText: email });
  await row.getByRole("button", { name: "Unlock Rae Newcomer" }).click();
  await expect(row.getByText("Active")).toBeVisible();
  // The button is gone with the lock, and the notice still comes.
  await expect(admin.getByText("User unlocked.")).toBeVisible();
  const api = await signIn(baseURL as string, email, password);
  await api.dispose();
});
