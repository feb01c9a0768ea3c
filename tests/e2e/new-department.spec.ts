import path from "node:path";
import type { Browser, Locator, Page } from "@playwright/test";
import { STAGE_LABELS } from "../../lib/scoring";
import { EMPTY_ADMIN, EMPTY_BASE_URL } from "./empty-site";
import { collectErrors, expect, signIn, test } from "./fixtures";

// Issue 6's headline journey, on a database with no demo data: a new IT department sets up a
// business unit in the browser alone, and its relationship manager records every kind of signal
// and watches the diagnosis follow each one (stage in the notice, evidence on the overview).

test.use({ baseURL: EMPTY_BASE_URL });

// Unique per run, so the journey also passes on an empty site other specs have used.
const run = Date.now().toString(36);
const UNIT = `Treasury ${run}`;
const MANAGER = { name: "Robin Reyes", email: `robin.reyes.${run}@it.example`, password: "first manager 2026" };
const CSV = path.join(import.meta.dirname, "../fixtures/csv");
const STAGE = Object.values(STAGE_LABELS).join("|");
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function signedInPage(browser: Browser, email: string, password: string, errors: string[]): Promise<Page> {
  const api = await signIn(EMPTY_BASE_URL, email, password);
  const context = await browser.newContext({ baseURL: EMPTY_BASE_URL, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  collectErrors(page, errors);
  return page;
}

/** Waits for a save's notice ("Project saved: Treasury moved from Flu to Pneumonia", "… stays at Flu") and returns the stage it names. */
async function stageNoticed(page: Page, prefix: string): Promise<string> {
  const pattern = new RegExp(`^${prefix} ${UNIT} (?:moved from (?:${STAGE}) to (${STAGE})|stays at (${STAGE}))\\.?$`);
  const notice = page.getByText(pattern).first();
  await expect(notice).toBeVisible();
  const match = pattern.exec((await notice.textContent()) ?? "");
  return match?.[1] ?? match?.[2] ?? "";
}

const sections = (page: Page) => page.getByRole("navigation", { name: "Account sections" });
const openSection = (page: Page, name: string) => sections(page).getByRole("link", { name, exact: true }).click();
const stat = (panel: Locator, term: string) => panel.locator("dl > div").filter({ has: panel.page().getByRole("term").getByText(term, { exact: true }) }).getByRole("definition");

/**
 * Opens the overview and checks its Diagnosis panel: the stage the last notice named and the
 * evidence each signal adds. Returns the evidence list and the score (null while there is none).
 */
async function diagnosisShows(page: Page, stage: string, evidence: (string | RegExp)[]) {
  await openSection(page, "Overview");
  const panel = page.getByRole("region", { name: "Diagnosis" });
  await expect(stat(panel, "Stage")).toHaveText(stage);
  const cited = panel.getByRole("heading", { name: "Evidence" }).locator("..");
  for (const text of evidence) await expect(cited).toContainText(text);
  const score = Number.parseInt((await stat(panel, "Score").textContent()) ?? "", 10);
  return { cited, score: Number.isNaN(score) ? null : score };
}

/**
 * The good month's SLA and incident rows (the columns and systems of tests/fixtures/csv/sla-month.csv),
 * dated last month so they stay inside the diagnosis' one-year window whenever the test runs.
 */
function lastMonthCsv() {
  const now = new Date();
  const day = (n: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, n)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).getUTCDate();
  const rows = [
    "type,system,period_start,period_end,target_percent,attained_percent,ticket,title,opened_at,resolved_at,major,heard_from_it_first",
    `sla,ERP,${day(1)},${day(last)},99.9,99.95,,,,,,`,
    `sla,Financial reporting,${day(1)},${day(last)},99.5,97.2%,,,,,,`,
    `incident,ERP,,,,,INC0012345,Month-end close batch failed,${day(20)} 22:15,${day(21)} 03:40,yes,no`,
    `incident,financial REPORTING,,,,,INC0012388,Board pack report timed out,${day(12)} 09:05,${day(12)} 11:00,no,`,
    `incident,ERP,,,,,INC0012399,"Login errors, morning",${day(15)} 08:00,,no,yes`,
  ];
  return { name: "sla-last-month.csv", mimeType: "text/csv", buffer: Buffer.from(rows.join("\n") + "\n") };
}

test("a new IT department sets up a unit, and its manager records every signal and sees the diagnosis follow", async ({ browser, browserErrors }) => {
  test.setTimeout(240_000);

  // ── The administrator: a relationship manager, then the unit with its systems, sponsor and owner.
  const admin = await signedInPage(browser, EMPTY_ADMIN.email, EMPTY_ADMIN.password, browserErrors);
  await admin.goto("/admin/users");
  const addUser = admin.getByRole("region", { name: "Add a user" });
  await addUser.getByLabel("Name").fill(MANAGER.name);
  await addUser.getByLabel("Email").fill(MANAGER.email);
  await addUser.getByLabel("Role").selectOption("RELATIONSHIP_MANAGER");
  await addUser.getByLabel("Initial password").fill(MANAGER.password);
  await addUser.getByRole("button", { name: "Create user" }).click();
  await expect(admin.getByText(`User ${MANAGER.email} created.`)).toBeVisible();

  await admin.goto("/dashboard");
  await admin.getByRole("link", { name: "New business unit" }).click();
  // The portfolio has a "Search by name" field too: fill the form's field once its page is there.
  await expect(admin.getByRole("heading", { name: "New business unit", level: 1 })).toBeVisible();
  await admin.getByLabel("Name", { exact: true }).fill(UNIT);
  await admin.getByLabel("Description").fill("Cash, funding and payments for the group");
  await admin.getByLabel("Criticality to the business").selectOption("HIGH");
  await admin.getByLabel("Agreed meeting cadence (days)").fill("30");
  await admin.getByLabel("Relationship manager").selectOption({ label: MANAGER.name });
  await admin.getByRole("button", { name: "Create business unit" }).click();
  await expect(admin).toHaveURL(/\/accounts\/[a-z0-9]+\/settings$/);
  await expect(admin.getByText(`Business unit ${UNIT} created.`)).toBeVisible();
  const overviewPath = new URL(admin.url()).pathname.replace(/\/settings$/, "");

  // Its trains and buses: the systems the month's ITSM export reports on.
  const systems = admin.getByRole("region", { name: "Core systems" });
  for (const system of ["ERP", "Financial reporting"]) {
    await systems.getByLabel("System").last().fill(system);
    await systems.getByRole("button", { name: "Add core system" }).click();
    await expect(admin.getByText(new RegExp(`^Core system ${system} added: ${UNIT} stays at Insufficient data$`))).toBeVisible();
    await expect(systems.getByRole("listitem").filter({ hasText: system })).toBeVisible();
  }

  // The sponsor is one of the unit's contacts: added first, then chosen in the settings.
  await openSection(admin, "Contacts");
  await expect(admin.getByText("No contacts yet")).toBeVisible();
  const addSponsor = admin.getByRole("region", { name: "Add a contact" });
  await addSponsor.getByLabel("Name").fill("Morgan Blake");
  await addSponsor.getByLabel("Job title").fill("Group Treasurer");
  await addSponsor.getByLabel("Part in the relationship").selectOption("SPONSOR");
  await addSponsor.getByLabel("Influence").selectOption("HIGH");
  await addSponsor.getByRole("button", { name: "Add contact" }).click();
  expect(await stageNoticed(admin, "Contact saved:")).toBe("Insufficient data");
  await openSection(admin, "Unit settings");
  const details = admin.getByRole("region", { name: "Unit details" });
  await details.getByLabel("Executive sponsor").selectOption({ label: "Morgan Blake, Group Treasurer" });
  await details.getByRole("button", { name: "Save details" }).click();
  expect(await stageNoticed(admin, "Saved the sponsor:")).toBe("Insufficient data");
  await expect(admin.getByText(`Sponsor: Morgan Blake, Group Treasurer`)).toBeVisible();
  await expect(admin.getByText(`Currently ${MANAGER.name}`)).toBeVisible();
  await diagnosisShows(admin, "Insufficient data", []);
  await admin.context().close();

  // ── The relationship manager finds the unit on their portfolio.
  const page = await signedInPage(browser, MANAGER.email, MANAGER.password, browserErrors);
  await page.goto("/dashboard");
  await page.getByRole("link", { name: UNIT, exact: true }).click();
  await expect(page.getByRole("heading", { name: UNIT, level: 1 })).toBeVisible();
  await expect(page.getByText(/Sponsor: Morgan Blake, Group Treasurer · Criticality: High/)).toBeVisible();
  expect(page.url()).toContain(overviewPath);
  // What the overview's diagnosis said after each of the manager's signals.
  const after: { signal: string; stage: string; score: number | null }[] = [];
  const diagnosed = async (signal: string, stage: string, evidence: (string | RegExp)[]) => {
    const { cited, score } = await diagnosisShows(page, stage, evidence);
    after.push({ signal, stage, score });
    return cited;
  };

  // The people IT works with.
  await openSection(page, "Contacts");
  const addContact = page.getByRole("region", { name: "Add a contact" });
  for (const [name, title, role] of [
    ["Sam Ortiz", "Head of Payments", "DECISION_MAKER"],
    ["Kit Lane", "Treasury Analyst", "KEY_USER"],
  ] as const) {
    await addContact.getByLabel("Name").fill(name);
    await addContact.getByLabel("Job title").fill(title);
    await addContact.getByLabel("Part in the relationship").selectOption(role);
    await addContact.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("region", { name: "Contacts" }).getByRole("listitem").filter({ hasText: name })).toBeVisible();
    await expect(addContact.getByLabel("Name")).toHaveValue("");
  }
  expect(await stageNoticed(page, "Contact saved:")).toBe("Insufficient data");
  await expect(page.getByRole("region", { name: "Contacts" }).getByRole("listitem")).toHaveCount(3);

  // A project slip (article 001's high-profile failure): four months late, at twice the budget.
  await openSection(page, "Delivery");
  const addProject = page.getByRole("region", { name: "Add a project" });
  await addProject.getByLabel("Project").fill("Payments hub replacement");
  await addProject.getByLabel("High profile").check();
  await addProject.getByLabel("Note for the status history").fill("Vendor slipped twice; the forecast has doubled");
  await addProject.getByLabel("Planned start").fill(daysAgo(300));
  await addProject.getByLabel("Planned end").fill(daysAgo(120));
  await addProject.getByLabel("Budget").fill("400,000");
  await addProject.getByLabel("Actual cost").fill("820,000");
  await addProject.getByRole("button", { name: "Add project" }).click();
  const afterProject = await stageNoticed(page, "Project saved:");
  const project = page.getByRole("listitem").filter({ hasText: "Payments hub replacement" });
  await expect(project.getByText("Not delivered, 120 days past the planned end")).toBeVisible();
  await expect(project.getByText("820,000 of 400,000 (2.05× budget)")).toBeVisible();
  await diagnosed("project slip", afterProject, [/High-profile “Payments hub replacement” missed expectations/]);

  // A month of service levels from the ITSM tool. First a bad file: every bad row named, nothing stored.
  await openSection(page, "Reliability");
  const upload = page.getByRole("region", { name: "Import a month from your ITSM tool" });
  await upload.getByLabel("CSV file").setInputFiles(path.join(CSV, "sla-month-bad.csv"));
  await upload.getByRole("button", { name: "Import file" }).click();
  const refusal = upload.getByRole("status");
  await expect(refusal).toContainText("Nothing was imported: 6 of the 7 rows in sla-month-bad.csv have problems.");
  const bad = refusal.getByRole("table", { name: "Bad rows of sla-month-bad.csv" });
  await expect(bad.getByRole("row")).toHaveCount(7); // the header and six rows
  await expect(bad.getByRole("row").filter({ hasText: /^3/ })).toContainText("“Payroll” is not a core system of this unit");
  await expect(bad.getByRole("row").filter({ hasText: /^6/ })).toContainText("major: must be yes or no");
  await page.reload();
  await expect(page.getByRole("region", { name: "Incidents" }).getByText("Slow reports")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Service levels by core system" }).getByText("99.95%")).toHaveCount(0);

  // Then last month's good file: Financial reporting missed its level, and a major incident the client found out about first.
  await upload.getByLabel("CSV file").setInputFiles(lastMonthCsv());
  await upload.getByRole("button", { name: "Import file" }).click();
  const afterImport = await stageNoticed(page, "Imported sla-last-month\\.csv: .*\\.");
  await expect(page.getByRole("region", { name: "Incidents" }).getByRole("row").filter({ hasText: "INC0012345" })).toContainText("No: found out themselves");
  await diagnosed("SLA month", afterImport, ["Core system “Financial reporting” missed its service level", "The client found out about 1 of 2 incidents before IT told them"]);

  // Bad news told late (article 000): IT knew of the go-live slip for six weeks before telling the client.
  await openSection(page, "Bad news");
  const newsForm = page.getByRole("region", { name: "Record bad news" });
  await newsForm.getByLabel("What went wrong").fill("The payments hub go-live moves to spring");
  await newsForm.getByLabel("Project").selectOption({ label: "Payments hub replacement" });
  await newsForm.getByLabel("When IT knew").fill(daysAgo(45));
  await newsForm.getByLabel("When the client was told").fill(daysAgo(3));
  await newsForm.getByLabel("Told by").selectOption({ label: MANAGER.name });
  await newsForm.getByRole("button", { name: "Record bad news" }).click();
  const afterNews = await stageNoticed(page, "Bad news saved:");
  await expect(page.getByRole("listitem").filter({ hasText: "The payments hub go-live moves to spring" }).getByText("Told 42 days after IT knew")).toBeVisible();
  await diagnosed("bad news told late", afterNews, ["1 piece of bad news reached the client more than"]);

  // A flat "no" (article 002: "IT just says no").
  await openSection(page, "Declined requests");
  const requestForm = page.getByRole("region", { name: "Record a declined request" });
  await requestForm.getByLabel("What the business asked for").fill("Read access to the payments database for the treasury analysts");
  await requestForm.getByLabel("Was the reason explained?").selectOption("no");
  await requestForm.getByRole("button", { name: "Record declined request" }).click();
  const afterNo = await stageNoticed(page, "Declined request saved:");
  await expect(page.getByRole("listitem").filter({ hasText: "Read access to the payments database" }).getByText("Not explained")).toBeVisible();
  await diagnosed("unexplained no", afterNo, ["IT turned down 1 request", "without explaining why"]);

  // IT's own view (article 004): top marks. The client has not rated yet, so there is no gap to show.
  await openSection(page, "IT's assessment");
  await expect(page.getByText("IT has not assessed this relationship yet.")).toBeVisible();
  const assessForm = page.getByRole("region", { name: "Assess the relationship" });
  await assessForm.getByRole("group", { name: /Overall/ }).getByText("5", { exact: true }).click();
  await assessForm.getByRole("group", { name: "Trust" }).getByText("4", { exact: true }).click();
  await assessForm.getByLabel("Notes").fill("Month-end close ran on time all year.");
  await assessForm.getByRole("button", { name: "Save assessment" }).click();
  const afterAssessment = await stageNoticed(page, "Assessment saved:");
  const comparison = page.getByRole("table", { name: "IT's view and the clients' view, aspect by aspect" });
  await expect(comparison.getByRole("row", { name: /^Overall/ }).getByRole("cell")).toHaveText(["5.0", "—", "—"]);
  await expect(comparison.getByRole("row", { name: /^Trust/ }).getByRole("cell")).toHaveText(["4.0", "—", "—"]);
  await expect(page.getByText(/^Next assessment due /)).toBeVisible();
  const evidence = await diagnosed("IT's own rating", afterAssessment, ["High-profile", "missed its service level", "bad news reached the client", "without explaining why"]);
  await expect(evidence).not.toContainText("higher than the client does");

  // These signals took the unit from "insufficient data" to a stage of illness, and the score only fell.
  const story = after.map(({ signal, stage, score }) => `${signal}: ${stage} ${score ?? "–"}`).join("; ");
  expect(["Healthy", "Insufficient data"], story).not.toContain(after.at(-1)?.stage);
  const scores = after.flatMap(({ score }) => (score === null ? [] : [score]));
  expect(scores, story).toEqual(scores.toSorted((a, b) => b - a));
  expect(scores.at(-1), story).toBeLessThan(scores[0] ?? 0);
});
