import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, signIn, test, USERS } from "./fixtures";

// Issue 11 §3: a relationship manager imports contacts from a CSV file. A bad row is named by its
// line and nothing is imported; the corrected file's columns are matched, its rows checked and
// counted, and the background import shows its progress, then what it did. The same file again
// changes nothing.

// Unique per run, so the spec passes again on a demo database it has used before.
const run = Date.now().toString(36);
const people = [
  { name: `Priya Raman ${run}`, email: `priya.raman.${run}@finance.example`, title: "Financial Controller" },
  { name: `Samuel Okafor ${run}`, email: `samuel.okafor.${run}@finance.example`, title: "Head of Treasury" },
  { name: `Lena Schulz ${run}`, email: `lena.schulz.${run}@finance.example`, title: "Payroll Manager" },
];

/** A CSV of Finance's new people; "Work email" is no header the import knows, so its column is chosen by hand. */
const csv = (rows: string[][]) => `${["Business unit", "Full name", "Work email", "Position"].join(",")}\n${rows.map((row) => row.join(",")).join("\n")}\n`;
const goodRows = people.map((person) => ["Finance", person.name, person.email, person.title]);

async function upload(page: Page, fileName: string, text: string) {
  await page.goto("/import");
  await expect(page.getByRole("heading", { name: "Import from CSV", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "Upload a file" });
  await form.getByRole("radio", { name: "Contacts" }).check();
  await form.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(text) });
  await form.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(page.getByRole("heading", { name: `Import ${fileName}`, level: 1 })).toBeVisible();
  return page.getByRole("region", { name: "Match the columns" });
}

test("a relationship manager imports a contacts CSV: bad rows named, columns matched, progress, then the same file changes nothing", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/worklist");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import from CSV", level: 1 })).toBeVisible();

  // A file whose first row names a unit Rapport does not have: named by its line, nothing imported.
  let mapping = await upload(page, `contacts-bad-${run}.csv`, csv([["Atlantis", `Nobody ${run}`, "", "Clerk"], ...goodRows]));
  await expect(mapping.getByLabel("Business unit")).toHaveValue("0");
  await expect(mapping.getByLabel("Name")).toHaveValue("1");
  await expect(mapping.getByLabel("Job title")).toHaveValue("3");
  await expect(mapping.getByRole("region", { name: /^The first 4 rows of contacts-bad/ })).toContainText("Atlantis");
  await mapping.getByRole("button", { name: "Check the rows" }).click();
  const bad = mapping.getByRole("region", { name: `Bad rows of contacts-bad-${run}.csv` });
  await expect(mapping.getByText(`Nothing was imported: 1 of the 4 rows in contacts-bad-${run}.csv has a problem.`)).toBeVisible();
  await expect(bad.getByRole("row").filter({ hasText: /^2/ })).toContainText("“Atlantis” is not a business unit in Rapport");
  await expect(mapping.getByRole("button", { name: /^Import \d+ rows?$/ })).toHaveCount(0);
  await expectAccessible(page, "the mapping page with a bad row");

  // The corrected file: the email column is matched by hand, and the check counts three new contacts.
  const fileName = `contacts-${run}.csv`;
  const text = csv(goodRows);
  mapping = await upload(page, fileName, text);
  await expect(mapping.getByLabel("Email")).toHaveValue("");
  await mapping.getByLabel("Email").selectOption({ label: "Work email" });
  await mapping.getByRole("button", { name: "Check the rows" }).click();
  await expect(mapping.getByText("Every row is good: 3 new, 0 updated, 0 unchanged.")).toBeVisible();
  // The check leaves the columns as chosen.
  await expect(mapping.getByLabel("Email")).toHaveValue("2");
  await expectAccessible(page, "the mapping page with the counts");

  // A column changed after the check asks for another check before importing.
  await mapping.getByLabel("Phone").selectOption({ label: "Position" });
  await expect(mapping.getByText("check the rows again before importing")).toBeVisible();
  await expect(mapping.getByRole("button", { name: "Import 3 rows" })).toHaveCount(0);
  await mapping.getByLabel("Phone").selectOption({ label: "Not imported" });
  await mapping.getByRole("button", { name: "Check the rows" }).click();
  await mapping.getByRole("button", { name: "Import 3 rows" }).click();

  // Progress (the job may be quick: the bar, or already its outcome), then what it did.
  await expect(page.getByRole("progressbar", { name: `Importing ${fileName}` }).or(page.getByText(`Imported ${fileName}:`)).first()).toBeVisible();
  await expect(page.getByText(`Imported ${fileName}: 3 created, 0 updated, 0 unchanged.`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Imported", { exact: true })).toBeVisible();
  await expectAccessible(page, "a finished import");

  // The new people are Finance's contacts: the outcome links the unit it wrote to.
  await expect(page.getByRole("link", { name: "Open the portfolio" })).toBeVisible();
  await page.getByRole("link", { name: "Finance’s contacts" }).click();
  const contacts = page.getByRole("region", { name: "Contacts" });
  await expect(contacts.getByRole("listitem").filter({ hasText: people[0]!.name })).toContainText(people[0]!.title);

  // The same file again, on a phone: nothing would change.
  await page.setViewportSize({ width: 390, height: 844 });
  const fits = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mapping = await upload(page, fileName, text);
  await fits();
  await mapping.getByLabel("Email").selectOption({ label: "Work email" });
  await mapping.getByRole("button", { name: "Check the rows" }).click();
  await expect(mapping.getByText("Every row is good: 0 new, 0 updated, 3 unchanged.")).toBeVisible();
  await expect(mapping.getByText("Importing it would change nothing")).toBeVisible();

  // The list of imports names the finished one with its counts.
  await page.goto("/import");
  const recent = page.getByRole("region", { name: "Your recent imports" });
  await expect(recent.getByRole("listitem").filter({ hasText: fileName }).first()).toBeVisible();
  await expect(recent.getByRole("listitem").filter({ hasText: "3 created, 0 updated, 0 unchanged" })).toHaveCount(1);
  await fits();
  await expectAccessible(page, "the import page with recent imports");
});

test("without JavaScript, the import posts natively: the server refuses an unreadable file, then maps, checks, imports, and the page says how it went on reload", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.rm);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  await page.goto("/import");
  const form = page.getByRole("region", { name: "Upload a file" });
  // A relationship manager imports no units: the CIO and administrators create them.
  await expect(form.getByRole("radio", { name: "Business units" })).toHaveCount(0);

  // No browser check here: the server's own check answers, and nothing is listed.
  await form.getByLabel("CSV file").setInputFiles({ name: "contacts.xlsx", mimeType: "application/zip", buffer: Buffer.from("PK") });
  await form.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(page.getByText("This is not a CSV file")).toBeVisible();
  await form.getByLabel("CSV file").setInputFiles({ name: `empty-${run}.csv`, mimeType: "text/csv", buffer: Buffer.from("Business unit,Name\n") });
  await form.getByRole("button", { name: "Upload and match columns" }).click();
  await expect(page.getByText("The file has a header but no rows.")).toBeVisible();
  await page.goto("/import");
  await expect(page.getByText(`empty-${run}.csv`)).toHaveCount(0);

  const fileName = `marketing-${run}.csv`;
  await form.getByRole("radio", { name: "Contacts" }).check();
  await form.getByLabel("CSV file").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(`Unit,Name,Email\nMarketing,Noa Script ${run},noa.${run}@marketing.example\n`) });
  await form.getByRole("button", { name: "Upload and match columns" }).click();
  const mapping = page.getByRole("region", { name: "Match the columns" });
  await mapping.getByRole("button", { name: "Check the rows" }).click();
  await expect(page.getByText("Every row is good: 1 new, 0 updated, 0 unchanged.")).toBeVisible();
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("heading", { name: `Import ${fileName}`, level: 1 })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(`Imported ${fileName}: 1 created, 0 updated, 0 unchanged.`)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await context.close();
});
