import { expect, test } from "./fixtures";

// "Why did it move": the account page says what changed since the diagnosis before, and the score
// chart's tooltip what changed at each point, by mouse and by keyboard, with a table alternative.

const CHANGE_LINE = /Stage: |Added: |Removed: |more change/;

test("the CIO sees what changed since the previous diagnosis, and what changed at a point of the score chart", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sales", level: 1 })).toBeVisible();

  const changed = page.getByRole("region", { name: /^What changed since \d{1,2} \w{3} \d{4}$/ });
  await expect(changed).toBeVisible();
  await expect(changed.getByText(/^Compared with the diagnosis of .+; it moved .+\.$/)).toBeVisible();
  await expect(changed.getByRole("heading", { name: /New evidence|Reads differently|No longer seen/ }).first()).toBeVisible();
  // The records behind a change are named and lead to the record.
  const record = changed.getByRole("link").first();
  await expect(record).toHaveText(/\d{4}/);
  await expect(record).toHaveAttribute("href", /^\/accounts\/[a-z0-9]+\//);

  const chart = page.getByRole("region", { name: "Health score over time" });
  const tooltip = chart.getByTestId("chart-tooltip");
  // Keyboard: focus the chart, then step through its points until one says what changed there.
  await chart.getByRole("application").focus();
  await expect(tooltip).toBeVisible();
  for (let step = 0; step < 500 && !CHANGE_LINE.test((await tooltip.textContent()) ?? ""); step++) await page.keyboard.press("ArrowRight");
  await expect(tooltip).toContainText(CHANGE_LINE);
  await expect(tooltip).toContainText(/Health score: \d+/);

  // Mouse: hovering the chart shows a point's tooltip too.
  await chart.getByRole("application").blur();
  const box = await chart.getByRole("application").boundingBox();
  await page.mouse.move(box!.x + box!.width * 0.9, box!.y + box!.height / 2);
  await expect(tooltip).toContainText(/Health score: \d+/);

  // The same changes as a table, for reading rather than hovering.
  await chart.getByText(/^What changed at each point \(\d+\)$/).click();
  const table = chart.getByRole("table", { name: /where something changed/ });
  await expect(table.getByRole("row").nth(1)).toContainText(CHANGE_LINE);
});

test("at phone width the comparison fits the screen", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Sales", exact: true }).first().click();
  await expect(page.getByRole("region", { name: /^What changed since / })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
