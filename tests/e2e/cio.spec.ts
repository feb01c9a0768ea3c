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

  // Both charts are drawn on the server: there without waiting for any script (decision 037).
  const scores = page.getByRole("region", { name: "Average health score" });
  await expect(scores.locator("svg polyline")).toBeVisible();
  await scores.getByText("The numbers").click();
  await expect(scores.getByRole("table", { name: "Average score by month" }).getByRole("row")).not.toHaveCount(1);

  // Each stage's bar counts its units and lists them: the chart is also a filter.
  const stages = page.getByRole("region", { name: "Accounts by stage" });
  const counts = await table.locator("tbody td:nth-child(2)").allInnerTexts();
  const flu = counts.filter((cell) => cell.startsWith("Flu")).length;
  await expect(stages.getByRole("link", { name: `Flu: ${flu} ${flu === 1 ? "unit" : "units"}; list them` })).toBeVisible();
  await expect(stages.getByText("12 units; choose a stage to list its units.")).toBeVisible();
  await stages.getByRole("link", { name: /^Flu:/ }).click();
  await expect(page).toHaveURL(/[?&]stage=FLU/);
  await expect(table.getByRole("row")).toHaveCount(flu + 1);
});

test("the CIO pages, sorts and filters the portfolio by keyboard, and the view stays in the URL", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  const table = page.getByRole("table", { name: /Every business unit/ });
  const names = () => table.locator("tbody th[scope=row]").allInnerTexts();

  // Paging (a small page size: the demo's twelve units fit one page of the default 25).
  await page.goto("/dashboard?size=5");
  await expect(page.getByText("Showing 1–5 of 12 business units")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(6);
  const pages = page.getByRole("navigation", { name: "Pages of business units" });
  await expect(pages.locator("[aria-current=page]")).toHaveText("Page 1");
  await pages.getByRole("link", { name: "Next page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(page.getByText("Showing 6–10 of 12 business units")).toBeVisible();

  // Sorting from the column header, by keyboard; choosing it again reverses it.
  await page.goto("/dashboard");
  const header = table.getByRole("columnheader", { name: /Business unit/ });
  await expect(table.getByRole("columnheader", { name: /Score/ })).toHaveAttribute("aria-sort", "ascending");
  await header.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const ascending = await names();
  expect(ascending).toHaveLength(12);
  await header.getByRole("link").focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect.poll(names).toEqual([...ascending].reverse());

  // A filter goes into the URL, survives a reload and keeps the sort; nothing matching says what to do.
  await page.getByLabel("Search by name").fill("fin");
  await page.getByLabel("Search by name").press("Enter");
  await expect(page).toHaveURL(/[?&]q=fin/);
  await expect(page).toHaveURL(/[?&]sort=name/);
  await expect.poll(names).toEqual(["Finance"]);
  await page.reload();
  await expect(page.getByLabel("Search by name")).toHaveValue("fin");
  await expect(page.getByText("Showing 1–1 of 1 business unit")).toBeVisible();
  await page.goto("/dashboard?q=no-such-unit");
  await expect(page.getByText("No business unit matches these filters")).toBeVisible();
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect(table.getByRole("row")).toHaveCount(13);
  // Nonsense in the URL is the default view, not an error.
  expect((await page.goto("/dashboard?page=-1&size=abc&sort=%00&stage=DEAD"))?.status()).toBe(200);
  await expect(table.getByRole("row")).toHaveCount(13);
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
