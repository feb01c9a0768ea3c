import { expect, signIn, test } from "./fixtures";

test("an admin adds a user; repeated failed sign-ins from one place make the login page say how long to wait", async ({ signedInAs, baseURL, page: anonymous }) => {
  // Eleven sign-ins through the page, each a password hash: slow on a busy 2-core machine.
  test.setTimeout(180_000);
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

  // Ten wrong passwords through the real login page use up this address's budget for the account…
  await anonymous.goto("/login");
  for (let attempt = 0; attempt < 10; attempt++) {
    await anonymous.getByLabel("Email").fill(email);
    await anonymous.getByLabel("Password").fill(`wrong ${attempt}`);
    await anonymous.getByRole("button", { name: "Sign in" }).click();
    await expect(anonymous.getByText(/Sign-in failed/)).toBeVisible();
    await expect(anonymous.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  // …so the next attempt here is refused unchecked, and the page says for how long (not whether the account exists).
  await anonymous.getByLabel("Password").fill(password);
  await anonymous.getByRole("button", { name: "Sign in" }).click();
  await expect(anonymous.getByText("Too many sign-in attempts from here. Wait 15 minutes, then try again.")).toBeVisible();
  await expect(signIn(baseURL as string, email, password)).rejects.toThrow(/failed: 401/);
  // The user list has no lock to undo: the account itself was never locked (decision 012).
  await admin.reload();
  await expect(admin.getByRole("row").filter({ hasText: email }).getByText("Active")).toBeVisible();
});
