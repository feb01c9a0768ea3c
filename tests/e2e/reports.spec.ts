import { readFile } from "node:fs/promises";
import { lastFullMonth, monthOf } from "../../lib/reports/month";
import { pdfText } from "../support/pdf-text";
import { expect, test } from "./fixtures";

// The monthly value report and the failure report (issue 10 §5): opened, printed, downloaded as
// PDF and read back; a client sees their own unit's alone.

const last = lastFullMonth(new Date());
const before = monthOf(new Date(), -2);

test("a client opens their unit's monthly report, prints it without the app around it, and downloads its PDF", async ({ signedInAs }) => {
  const page = await signedInAs("client");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  const title = `Finance: IT's value report, ${last.label}`;
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  // The demo story delivers a Finance project in every last month (16 and 40 days ago).
  const delivered = page.getByRole("region", { name: "Projects delivered" });
  await expect(delivered.getByText(/Supplier invoice scanning|Budget planning workbook/).first()).toBeVisible();
  await expect(delivered.getByText(/^Benefit: /).first()).toBeVisible();
  for (const section of ["Service levels", "Improvements made", "Ratings trend", "You said, we did"]) {
    await expect(page.getByRole("region", { name: section })).toBeVisible();
  }
  await expect(page.getByRole("heading", { name: /^Commitments for / })).toBeVisible();

  // Printed: the report alone, no navigation, toolbar or account header.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("link", { name: "Download PDF" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Finance", level: 1 })).toBeHidden();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  const printed = await pdfText(await page.pdf({ format: "A4" }));
  expect(printed).toContain(title);
  expect(printed).toContain("Projects delivered");
  expect(printed).not.toContain("Sign out");
  expect(printed).not.toContain("Download PDF");
  await page.emulateMedia({ media: "screen" });

  // The PDF made on the server says the same.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`finance-value-report-${last.key}.pdf`);
  const text = await pdfText(await readFile((await file.path()) as string));
  expect(text).toContain(title);
  for (const section of ["Projects delivered", "Service levels", "Improvements made", "Ratings trend", "You said, we did"]) expect(text).toContain(section);
  expect(text).toMatch(/Supplier invoice scanning|Budget planning workbook/);
  expect(text).not.toContain("Retail Stores");

  // Another month, chosen in the form, is in the URL.
  await page.getByLabel("Month", { exact: true }).fill(before.key);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`month=${before.key}`));
  await expect(page.getByRole("heading", { name: `Finance: IT's value report, ${before.label}` })).toBeVisible();
});

test("a client never sees another unit's report; a month not started yet is explained", async ({ signedInAs }) => {
  const cio = await signedInAs("cio");
  await cio.goto("/dashboard");
  const salesHref = await cio.getByRole("link", { name: "Sales", exact: true }).first().getAttribute("href");
  const salesId = /\/accounts\/([a-z0-9]+)/.exec(salesHref ?? "")?.[1];
  expect(salesId).toBeTruthy();

  const client = await signedInAs("client");
  expect((await client.goto(`/accounts/${salesId}/reports`))?.status()).toBe(404);
  expect((await client.request.get(`/api/reports/accounts/${salesId}/monthly`)).status()).toBe(404);
  expect((await client.request.get(`/api/reports/accounts/${salesId}/failures`)).status()).toBe(404);
  expect((await client.request.get("/api/reports/portfolio/failures")).status()).toBe(403);

  await client.goto("/");
  await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(client).toHaveURL(/\/accounts\/[a-z0-9]+\/reports$/);
  const next = monthOf(new Date(), 1).key;
  await client.goto(`${new URL(client.url()).pathname}?month=${next}`);
  await expect(client.getByText(/^That month has not started yet/)).toBeVisible();
  // No report, nothing to print or download.
  await expect(client.getByRole("link", { name: "Download PDF" })).toHaveCount(0);
  await expect(client.getByRole("button", { name: /^Print/ })).toHaveCount(0);
});

test("the CIO reads the portfolio's failure report and downloads it", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { name: `The portfolio: IT's value report, ${last.label}` })).toBeVisible();
  await page.getByRole("link", { name: "Failure report" }).click();
  const heading = page.getByRole("heading", { name: /^The portfolio: failure report, / });
  await expect(heading).toBeVisible();
  await page.getByLabel("Span").selectOption("12");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/months=12/);
  // Retail Stores' tills miss their service level: its major incidents are in the year's report.
  await expect(page.getByRole("region", { name: "Major incidents" }).getByText(/^Retail Stores: /).first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^portfolio-failure-report-\d{4}-\d{2}-to-\d{4}-\d{2}\.pdf$/);
  const text = await pdfText(await readFile((await file.path()) as string));
  expect(text).toContain("The portfolio: failure report, ");
  expect(text).toContain("Major incidents");
  expect(text).toContain("Retail Stores: ");
});
