import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

// The relationship manager records delivery (article 001's high-profile failure) and a month of
// service levels from the ITSM tool, and sees a bad file refused row by row with nothing stored.

const CSV = path.join(import.meta.dirname, "../fixtures/csv");
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const notice = (what: string, account: string) => new RegExp(`^${what}: ${account} (moved from [\\w ]+ to [\\w ]+|stays at [\\w ]+)$`);

async function openSection(page: Page, account: string, section: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: account, exact: true }).click();
  await expect(page.getByRole("heading", { name: account, level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: section }).click();
}

test("a relationship manager adds a high-profile project, logs its slip, and sees what each save did to the diagnosis", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await openSection(page, "Marketing", "Delivery");
  const add = page.getByRole("region", { name: "Add a project" });

  // A cost without a budget is refused by the field, and nothing typed is lost.
  await add.getByLabel("Project").fill("Campaign platform rebuild");
  await add.getByLabel("High profile").check();
  await add.getByLabel("Planned start").fill(daysAgo(300));
  await add.getByLabel("Planned end").fill(daysAgo(120));
  await add.getByLabel("Actual cost").fill("180,000");
  await add.getByRole("button", { name: "Add project" }).click();
  await expect(add.getByText("Enter the budget the cost is compared with")).toBeVisible();
  await expect(add.getByLabel("Project")).toHaveValue("Campaign platform rebuild");

  await add.getByLabel("Budget").fill("100,000");
  await add.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByText(notice("Project saved", "Marketing"))).toBeVisible();
  await expect(add.getByLabel("Project")).toHaveValue("");
  const listed = page.getByRole("listitem").filter({ hasText: "Campaign platform rebuild" });
  await expect(listed.getByText("High profile")).toBeVisible();
  await expect(listed.getByText("Not delivered, 120 days past the planned end")).toBeVisible();
  await expect(listed.getByText("180,000 of 100,000 (1.8× budget)")).toBeVisible();

  // The slip: delivered today, four months late, at twice the budget, with 60% of the scope.
  await listed.getByRole("link", { name: "Edit Campaign platform rebuild" }).click();
  const edit = page.getByRole("region", { name: "Edit Campaign platform rebuild" });
  await edit.getByLabel("Status", { exact: true }).selectOption("DELIVERED");
  await edit.getByLabel("Actual end").fill(daysAgo(0));
  await edit.getByLabel("Actual cost").fill("200,000");
  await edit.getByLabel("Scope delivered (%)").fill("60");
  await edit.getByLabel("Why the status changed").fill("Went live four months late without the reporting module");
  await edit.getByRole("button", { name: "Save project" }).click();
  await expect(page.getByText(notice("Project updated", "Marketing"))).toBeVisible();
  const history = page.getByRole("region", { name: "Status history" });
  await expect(history.getByText(": Went live four months late without the reporting module")).toBeVisible();

  await page.getByRole("link", { name: "← All projects" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Campaign platform rebuild" }).getByText("120 days late")).toBeVisible();
  // The diagnosis judges the numbers: the overview cites the project.
  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Overview" }).click();
  await expect(page.getByText(/“Campaign platform rebuild” missed expectations/).first()).toBeVisible();
});

test("a relationship manager uploads a month of SLA and incident rows, then sees a bad file refused row by row", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await openSection(page, "Finance", "Reliability");
  const upload = page.getByRole("region", { name: "Import a month from your ITSM tool" });

  await upload.getByLabel("CSV file").setInputFiles(path.join(CSV, "sla-month.csv"));
  await upload.getByRole("button", { name: "Import file" }).click();
  await expect(page.getByText(/^Imported sla-month\.csv: .*incidents? added.*\. Finance (moved from|stays at) /)).toBeVisible();
  const incidents = page.getByRole("region", { name: "Incidents" });
  await expect(incidents.getByRole("row").filter({ hasText: "INC0012345" })).toContainText("Month-end close batch failed");
  await expect(incidents.getByRole("row").filter({ hasText: "INC0012345" })).toContainText("No: found out themselves");
  const levels = page.getByRole("region", { name: "Service levels by core system" });
  await expect(levels.getByRole("region", { name: "Financial reporting" }).getByRole("row").filter({ hasText: "1 Oct 2026 – 31 Oct 2026" })).toContainText("97.2%");

  // The bad file: every bad row with its line and what is wrong; nothing of it is stored.
  await upload.getByLabel("CSV file").setInputFiles(path.join(CSV, "sla-month-bad.csv"));
  await upload.getByRole("button", { name: "Import file" }).click();
  const result = upload.getByRole("status");
  await expect(result.getByText("Nothing was imported: 6 of the 7 rows in sla-month-bad.csv have problems.", { exact: false })).toBeVisible();
  const bad = result.getByRole("table", { name: "Bad rows of sla-month-bad.csv" });
  await expect(bad.getByRole("row")).toHaveCount(7); // the header and six rows
  await expect(bad.getByRole("row").filter({ hasText: /^3/ })).toContainText("“Payroll” is not a core system of this unit");
  await expect(bad.getByRole("row").filter({ hasText: /^6/ })).toContainText("major: must be yes or no");
  await expect(bad.getByRole("row").filter({ hasText: /^8/ })).toContainText("the same system and period as line 2");
  await expect(upload.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");
  await page.reload();
  await expect(page.getByRole("region", { name: "Incidents" }).getByText("Slow reports")).toHaveCount(0);

  // Not a CSV at all: one clear message, checked before anything is uploaded.
  await page.getByRole("region", { name: "Import a month from your ITSM tool" }).getByLabel("CSV file").setInputFiles({ name: "sla.xlsx", mimeType: "application/zip", buffer: Buffer.from("PK") });
  await page.getByRole("region", { name: "Import a month from your ITSM tool" }).getByRole("button", { name: "Import file" }).click();
  await expect(page.getByText("This is not a CSV file: export the report as CSV (.csv) and upload that")).toBeVisible();
});

test("the CIO reads both sections at phone width: accessible (WCAG 2.1 AA), no sideways scrolling, history links", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.setViewportSize({ width: 375, height: 800 });
  for (const section of ["Delivery", "Reliability"]) {
    await openSection(page, "Finance", section);
    await expect(page.getByRole("link", { name: /^Change history of / }).first()).toBeVisible();
    if (section === "Reliability") await expect(page.locator(".recharts-line path").first()).toBeVisible();
    // Wide tables scroll inside their own box; the page itself fits the phone. (Measured before
    // axe, whose scan of scrolled boxes leaves the layout wider than a person ever sees it.)
    expect(await page.evaluate(() => document.documentElement.scrollWidth), section).toBeLessThanOrEqual(375);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`), section).toEqual([]);
  }
});

test("without JavaScript, the upload posts natively: a bad file comes back row by row, and the server refuses a non-CSV", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.rm);
  const { accounts } = (await (await api.get("/api/accounts")).json()) as { accounts: { id: string; name: string }[] };
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  await page.goto(`/accounts/${accounts.find((a) => a.name === "Finance")?.id}/reliability`);
  const upload = page.getByRole("region", { name: "Import a month from your ITSM tool" });

  await upload.getByLabel("CSV file").setInputFiles(path.join(CSV, "sla-month-bad.csv"));
  await upload.getByRole("button", { name: "Import file" }).click();
  await expect(upload.getByRole("table", { name: "Bad rows of sla-month-bad.csv" }).getByRole("row")).toHaveCount(7);

  // No browser check here: the server's own check answers.
  await upload.getByLabel("CSV file").setInputFiles({ name: "sla.xlsx", mimeType: "application/zip", buffer: Buffer.from("PK") });
  await upload.getByRole("button", { name: "Import file" }).click();
  await expect(upload.getByText("This is not a CSV file: export the report as CSV (.csv) and upload that")).toBeVisible();
  await context.close();
});
