import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";

// Issue 11 §1: a relationship manager makes an API token on the settings page, sees it once,
// calls the API with it from the test (no cookie), sees its last use, revokes it, and the same
// call is then refused with 401. A read-only token cannot write.

test("make a token, call the API with it, see its last use, revoke it", async ({ signedInAs, baseURL }) => {
  const page = await signedInAs("rm");
  await page.goto("/settings/tokens");
  await expect(page.getByRole("heading", { name: "API tokens", level: 1 })).toBeVisible();
  await expectAccessible(page, page.url());
  const name = `E2E script ${Date.now().toString(36)}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("May").selectOption("READ");
  await page.getByRole("button", { name: "Make a token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);

  const call = (path: string, init: RequestInit = {}) => fetch(`${baseURL}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${secret}`, ...init.headers } });
  const listed = await call("/accounts?limit=100");
  expect(listed.status).toBe(200);
  const { data } = (await listed.json()) as { data: { name: string; access: string }[] };
  expect(data.find((row) => row.name === "Finance")?.access).toBe("full");
  expect(data.find((row) => row.name === "Legal")?.access).toBe("summary");
  // Read only: a write is refused for the scope, whatever the user may do.
  const write = await call("/accounts", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "From a read token", criticality: "LOW" }) });
  expect(write.status).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe("insufficient_scope");

  // Reloaded, the secret is gone for good; the token shows its last use.
  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  const row = page.getByRole("listitem").filter({ hasText: name });
  await expect(row).toContainText("Last used");
  await expect(row).toContainText("read only");

  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: `Revoke ${name}` })).toHaveCount(0);
  expect((await call("/accounts")).status).toBe(401);
});

test("the API reference lists the operations with a curl line, from the OpenAPI document", async ({ signedInAs, baseURL }) => {
  const page = await signedInAs("rm");
  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Accounts", level: 2 })).toBeVisible();
  await expect(page.locator("#listAccounts")).toContainText("Authorization: Bearer $RAPPORT_TOKEN");
  await expectAccessible(page, page.url());
  const document = await fetch(`${baseURL}/api/v1/openapi.json`);
  expect(((await document.json()) as { openapi: string }).openapi).toBe("3.1.0");
});
