import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";
import { newestMailTo } from "./mail";

// Rating campaigns in the browser (issue 8). Each test adds its own contacts with fresh addresses,
// so the demo story's campaigns (and the recontact window) never decide who is asked.

const suffix = () => Math.random().toString(36).slice(2, 8);

async function openAccount(page: Page, name: string): Promise<string> {
  await page.goto("/dashboard");
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2]!;
}

async function addContact(page: Page, accountId: string, name: string, email: string) {
  await page.goto(`/accounts/${accountId}/contacts`);
  const form = page.getByRole("region", { name: "Add a contact" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: /save|add/i }).click();
  await expect(page.getByText(name).first()).toBeVisible();
}

async function expectAccessible(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  expect(summary, `accessibility violations on ${what}`).toEqual([]);
}

/** Starts an ad-hoc campaign from the account page's "Ask for a rating", for the chosen contacts; ends on its page, open. */
async function startCampaign(page: Page, accountId: string, { name, contacts, anonymous = false }: { name: string; contacts: string[]; anonymous?: boolean }) {
  await page.goto(`/accounts/${accountId}`);
  await page.getByRole("link", { name: "Ask for a rating" }).first().click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Who is asked").selectOption("chosen");
  for (const contact of contacts) await page.getByRole("checkbox", { name: contact }).check();
  if (anonymous) await page.getByRole("checkbox", { name: "Anonymous" }).check();
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("invitation-row")).toHaveCount(contacts.length);
  }).toPass({ timeout: 30_000 });
}

test("the CIO asks an account for a rating from its page; the campaign page shows who was asked", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  const id = suffix();
  const accountId = await openAccount(page, "Research");
  const ada = `Ada Campaign ${id}`;
  const ben = `Ben Campaign ${id}`;
  await addContact(page, accountId, ada, `ada.${id}@research.test`);
  await addContact(page, accountId, ben, `ben.${id}@research.test`);

  await page.goto(`/accounts/${accountId}`);
  await page.getByRole("link", { name: "Ask for a rating" }).first().click();
  await expect(page.getByRole("heading", { name: "Ask Research for a rating" })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("How did we do? Research");
  await expect(page.getByRole("checkbox", { name: "Research", exact: true })).toBeChecked();

  // A closing date before the opening: the form says so and keeps what was typed.
  const opens = await page.getByLabel("Opens on").inputValue();
  await page.getByLabel("Closes on").fill(opens);
  await page.getByLabel("Name", { exact: true }).fill(`After the lab move ${id}`);
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByText("The closing date must be after the opening date")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`After the lab move ${id}`);

  const closes = new Date(Date.parse(`${opens}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Closes on").fill(closes);
  await page.getByLabel("Who is asked").selectOption("chosen");
  await page.getByRole("checkbox", { name: `${ada} (Research)` }).check();
  await page.getByRole("checkbox", { name: `${ben} (Research)` }).check();
  await page.getByRole("button", { name: "Start campaign" }).click();

  await expect(page.getByRole("heading", { name: `After the lab move ${id}` })).toBeVisible();
  await expect(page.getByText(/is open: invitations are being sent/)).toBeVisible();
  // The tick runs in the background: the page shows both as asked once it has.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("invitation-row")).toHaveCount(2);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId("invitation-row").filter({ hasText: ada })).toContainText("No");
  await expect(page.getByTestId("response-rate")).toContainText("0% (0 of 2)");

  await page.goto("/campaigns");
  const row = page.getByRole("row").filter({ hasText: `After the lab move ${id}` });
  await expect(row).toContainText("Open");
  await expect(row).toContainText("Research");
});

test("the survey policy confirms what changed; a manager cannot open it", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/admin/surveys");
  await page.getByLabel("Reminders at most").fill("3");
  await page.getByRole("button", { name: "Save survey policy" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Survey policy saved: reminders at most 2 → 3." })).toHaveCount(1);
  await page.getByLabel("Reminders at most").fill("2");
  await page.getByLabel("Minimum anonymous group size (K)").fill("1");
  await page.getByRole("button", { name: "Save survey policy" }).click();
  await expect(page.getByText("The minimum group size must be between 2 and 100")).toBeVisible();
  await page.getByLabel("Minimum anonymous group size (K)").fill("5");
  await page.getByRole("button", { name: "Save survey policy" }).click();
  await expect(page.locator("[data-sonner-toast]").filter({ hasText: "Survey policy saved: reminders at most 3 → 2." })).toHaveCount(1);

  const rm = await signedInAs("rm");
  const response = await rm.goto("/admin/surveys");
  expect(response?.status()).toBe(404);
  await rm.goto("/campaigns/new");
  // A manager may ask only the accounts they manage.
  await expect(rm.getByRole("group", { name: "Accounts" }).getByRole("checkbox", { name: "Operations" })).toHaveCount(0);
});

test("a contact rates from the emailed link without a password; the link is then used; a reminder goes only to the contact who did not answer", async ({ signedInAs, browser }) => {
  const page = await signedInAs("cio");
  const id = suffix();
  const accountId = await openAccount(page, "Legal");
  const [cleo, dev] = [`Cleo Link ${id}`, `Dev Link ${id}`];
  const [cleoEmail, devEmail] = [`cleo.${id}@legal.test`, `dev.${id}@legal.test`];
  await addContact(page, accountId, cleo, cleoEmail);
  await addContact(page, accountId, dev, devEmail);

  const name = `Contract portal check ${id}`;
  await startCampaign(page, accountId, { name, contacts: [`${cleo} (Legal)`, `${dev} (Legal)`] });
  const campaignUrl = page.url();

  // The test SMTP server receives both invitations; each carries its own link.
  const cleoMail = await newestMailTo(cleoEmail);
  const devMail = await newestMailTo(devEmail);
  expect(cleoMail.parsed.subject).toContain("Legal");
  expect(cleoMail.ratingLink).toBeTruthy();
  expect(cleoMail.ratingLink).not.toBe(devMail.ratingLink);

  // A fresh browser with no session opens the link, rates and is thanked.
  const stranger = await browser.newContext();
  const rater = await stranger.newPage();
  await rater.goto(cleoMail.ratingLink!);
  await expect(rater.getByRole("heading", { level: 1, name: "How is IT doing for Legal?" })).toBeVisible();
  await rater.getByRole("group", { name: /Overall, how satisfied/ }).getByText("2", { exact: true }).click();
  await rater.getByRole("group", { name: /How likely are you to recommend/ }).getByText("6", { exact: true }).click();
  await rater.getByLabel(/Anything you want IT to know/).fill(`The portal keeps logging us out ${id}`);
  await rater.getByRole("button", { name: "Send my rating" }).click();
  await expect(rater.getByRole("heading", { name: "Thank you: your rating is received" })).toBeVisible();
  // The same link again: it says it was used.
  await rater.goto(cleoMail.ratingLink!);
  await expect(rater.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await stranger.close();

  // The campaign page: Cleo answered (not anonymous), Dev did not; the result shows.
  await page.goto(campaignUrl);
  await expect(page.getByTestId("invitation-row").filter({ hasText: cleo })).toContainText("Yes");
  await expect(page.getByTestId("invitation-row").filter({ hasText: dev })).toContainText("No");
  await expect(page.getByTestId("response-rate")).toContainText("50% (1 of 2)");
  await expect(page.getByText(`“The portal keeps logging us out ${id}”`)).toBeVisible();

  // The account was re-diagnosed with the rating: its page lists it.
  await page.goto(`/accounts/${accountId}`);
  await expect(page.getByText(`The portal keeps logging us out ${id}`).first()).toBeVisible();

  // A reminder goes to Dev only.
  await page.goto(campaignUrl);
  await page.getByRole("button", { name: "Remind those who have not answered" }).click();
  await expect(page.getByText("1 reminder queued, only to those who have not answered.").first()).toBeVisible();
  const reminder = await newestMailTo(devEmail, { after: devMail.file });
  expect(reminder.ratingLink).toBe(devMail.ratingLink);
  await expect(newestMailTo(cleoEmail, { after: cleoMail.file, timeoutMs: 3_000 })).rejects.toThrow(/no email/);
});

test("an anonymous campaign with fewer than K answers shows no scores and no comments", async ({ signedInAs, browser }) => {
  const page = await signedInAs("cio");
  const id = suffix();
  const accountId = await openAccount(page, "Facilities");
  const eve = `Eve Anon ${id}`;
  const eveEmail = `eve.${id}@facilities.test`;
  await addContact(page, accountId, eve, eveEmail);
  const name = `Anonymous pulse ${id}`;
  await startCampaign(page, accountId, { name, contacts: [`${eve} (Facilities)`], anonymous: true });
  const campaignUrl = page.url();

  const mail = await newestMailTo(eveEmail);
  const stranger = await browser.newContext();
  const rater = await stranger.newPage();
  await rater.goto(mail.ratingLink!);
  await rater.getByRole("group", { name: /Overall, how satisfied/ }).getByText("1", { exact: true }).click();
  await rater.getByRole("group", { name: /How likely are you to recommend/ }).getByText("2", { exact: true }).click();
  await rater.getByLabel(/Anything you want IT to know/).fill(`Secret complaint ${id}`);
  await rater.getByRole("button", { name: "Send my rating" }).click();
  await expect(rater.getByRole("heading", { name: "Thank you: your rating is received" })).toBeVisible();
  await stranger.close();

  await page.goto(campaignUrl);
  await expect(page.getByTestId("response-rate")).toContainText("100% (1 of 1)");
  await expect(page.getByTestId("results-hidden").first()).toContainText("Hidden: 1 answer so far");
  await expect(page.getByTestId("results-shown")).toHaveCount(0);
  await expect(page.getByText(`Secret complaint ${id}`)).toHaveCount(0);
  // Who was invited shows; whether they answered does not.
  await expect(page.getByTestId("invitation-row").filter({ hasText: eve })).not.toContainText("Yes");
});

test("the campaign pages are accessible, with the demo's campaigns, a scorecard and the form's errors", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Rating campaigns" })).toBeVisible();
  await expectAccessible(page, "the campaign list");

  // Every campaign page of the demo renders; one with a scorecard shows its scatter and table.
  const links = await page.getByRole("table").getByRole("link").evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
  let scorecards = 0;
  for (const path of links.filter((href) => href.startsWith("/campaigns/")).slice(0, 12)) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Who was asked" })).toBeVisible();
    const scorecard = page.getByRole("region", { name: "Importance × satisfaction scorecard" });
    if ((await scorecard.count()) > 0 && scorecards === 0) {
      scorecards++;
      await expect(scorecard.getByRole("table")).toBeVisible();
      await expectAccessible(page, `the campaign page ${path} with its scorecard`);
    }
  }

  await page.goto("/campaigns/new");
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByText("Choose at least one account")).toBeVisible();
  await expectAccessible(page, "the new campaign form with errors");
  await page.goto("/admin/surveys");
  await expectAccessible(page, "the survey policy");
});

test("without JavaScript, a manager schedules a campaign for an account they manage", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.rm);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  const id = suffix();
  await page.goto("/campaigns/new");
  await page.getByLabel("Name", { exact: true }).fill(`No-script round ${id}`);
  await page.getByRole("button", { name: "Start campaign" }).click();
  // The server answers with the errors and keeps what was typed.
  await expect(page.getByText("Choose at least one account")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`No-script round ${id}`);

  const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole("checkbox", { name: "Marketing", exact: true }).check();
  await page.getByLabel("Opens on").fill(day(2));
  await page.getByLabel("Closes on").fill(day(9));
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByRole("heading", { name: `No-script round ${id}` })).toBeVisible();
  await expect(page.getByText("Scheduled", { exact: true })).toBeVisible();
  await expect(page.getByText("Not open yet")).toBeVisible();
  await context.close();
});
