import type { Browser, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { EMPTY_ADMIN, EMPTY_BASE_URL } from "./empty-site";
import { collectErrors, expect, signIn, test, USERS } from "./fixtures";
import { newestMailTo } from "./mail";

// Email in the browser: on the empty site (no SMTP server) a campaign's invitation lands in the
// development mailbox, where an administrator opens it and follows its link to the rating page;
// on the demo site the same invitation goes through a real SMTP server (tests/e2e/server.ts).

const run = Date.now().toString(36);

async function signedInPage(browser: Browser, baseURL: string, email: string, password: string | undefined, errors: string[]): Promise<Page> {
  const api = await signIn(baseURL, email, password);
  const context = await browser.newContext({ baseURL, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  // Playwright's trace recorder tries to run its script in the mailbox's sandboxed email frame
  // (no allow-scripts, on purpose) and Chromium logs the refusal as an error: not the app's.
  page.on("console", (message) => {
    const text = message.text();
    if (message.type() === "error" && !/Failed to load resource: .*status of 40[14]/.test(text) && !/^Blocked script execution in 'about:srcdoc'/.test(text)) errors.push(text);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return page;
}

/** A new unit with one contact who has an address, and a campaign asking it that opens today. */
async function campaignForNewContact(page: Page, unit: string, contact: { name: string; email: string }, campaign: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "New business unit" }).click();
  // The portfolio has a "Search by name" field too: fill the form's field once its page is there.
  await expect(page.getByRole("heading", { name: "New business unit" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(unit);
  await page.getByRole("button", { name: "Create business unit" }).click();
  await expect(page.getByText(`Business unit ${unit} created.`)).toBeVisible();
  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Contacts", exact: true }).click();
  const add = page.getByRole("region", { name: "Add a contact" });
  await add.getByLabel("Name").fill(contact.name);
  await add.getByLabel("Email").fill(contact.email);
  await add.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("region", { name: "Contacts" }).getByRole("listitem").filter({ hasText: contact.name })).toBeVisible();

  await page.goto("/campaigns/new");
  await page.getByLabel("Name", { exact: true }).fill(campaign);
  await page.getByLabel("Message").fill("Tell us <b>honestly</b> & briefly.");
  await page.getByRole("group", { name: "Accounts" }).getByLabel(unit).check();
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[a-z0-9]+$/);
}

/** The contact's side: the link opens the rating page, signed out. */
async function opensRatingPage(browser: Browser, link: string, unit: string, errors: string[]) {
  expect(link).toMatch(/\/r\/[A-Za-z0-9_-]{43}$/);
  const context = await browser.newContext();
  const page = await context.newPage();
  collectErrors(page, errors);
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: `How is IT doing for ${unit}?`, level: 1 })).toBeVisible();
  await context.close();
}

test("on a site without an SMTP server, an admin reads an invitation in the development mailbox and its link opens the rating page", async ({ browser, browserErrors }) => {
  test.setTimeout(180_000);
  const unit = `Mailroom ${run}`;
  const contact = { name: `Casey Post ${run}`, email: `casey.${run}@mailroom.example` };
  const campaign = `Mailbox check ${run}`;
  const admin = await signedInPage(browser, EMPTY_BASE_URL, EMPTY_ADMIN.email, EMPTY_ADMIN.password, browserErrors);

  await admin.goto("/admin/email");
  await expect(admin.getByRole("heading", { name: "Email delivery", level: 1 })).toBeVisible();
  await expect(admin.getByText("No SMTP server is configured (SMTP_HOST)")).toBeVisible();

  await campaignForNewContact(admin, unit, contact, campaign);

  // Delivery runs at once after the campaign opens (and every minute regardless).
  await admin.goto("/admin/mailbox");
  await expect(admin.getByRole("heading", { name: "Development mailbox", level: 1 })).toBeVisible();
  const subject = admin.getByRole("link", { name: `How is IT doing for ${unit}? ${campaign}` });
  await expect(async () => {
    await admin.reload();
    await expect(subject).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await expect(admin.getByText(`To ${contact.name} <${contact.email}>`)).toBeVisible();
  await expectAccessible(admin, "the development mailbox");
  await subject.click();

  await expect(admin.getByRole("heading", { name: `How is IT doing for ${unit}? ${campaign}`, level: 1 })).toBeVisible();
  await expect(admin.getByText(`${EMPTY_ADMIN.name} via Rapport <`)).toBeVisible();
  // The email's HTML, sandboxed; the campaign's text is shown as text, not markup.
  const email = admin.frameLocator("iframe");
  await expect(email.getByText("Tell us <b>honestly</b> & briefly.")).toBeVisible();
  await expect(email.getByRole("link", { name: "Rate IT" })).toBeVisible();
  await expect(admin.locator("pre").first()).toContainText("Unsubscribe:");
  const link = (await admin.getByTestId("rating-link").getAttribute("href")) ?? "";
  expect(link.startsWith(`${EMPTY_BASE_URL}/r/`)).toBe(true);

  // Delivery status: sent, nothing failed or waiting from this campaign.
  await admin.goto("/admin/email");
  await expect(admin.getByTestId("outbox-sent")).not.toHaveText("0");

  await opensRatingPage(browser, link, unit, browserErrors);
  await admin.context().close();
});

test("on the demo site, invitations go through the SMTP server with a working link and one-click unsubscribe headers", async ({ browser, baseURL, browserErrors }) => {
  test.setTimeout(180_000);
  const unit = `Post room ${run}`;
  const contact = { name: `Drew Mail ${run}`, email: `drew.${run}@postroom.example` };
  const campaign = `SMTP check ${run}`;
  const admin = await signedInPage(browser, baseURL as string, USERS.admin, undefined, browserErrors);

  await admin.goto("/admin/mailbox");
  await expect(admin.getByText(/An SMTP server is configured \(127\.0\.0\.1\)/)).toBeVisible();
  // The demo story's earlier emails stay readable there, rendered again with their link.
  const earlier = admin.getByRole("region", { name: "Emails" }).getByRole("link");
  if ((await earlier.count()) > 0) {
    await earlier.first().click();
    await expect(admin.getByRole("heading", { name: "As the contact sees it" })).toBeVisible();
    await expect(admin.getByTestId("rating-link")).toHaveAttribute("href", new RegExp(`^${baseURL}/r/[A-Za-z0-9_-]{43}$`));
  }

  await campaignForNewContact(admin, unit, contact, campaign);
  const mail = await newestMailTo(contact.email, { timeoutMs: 120_000 });
  expect(mail.parsed.subject).toBe(`How is IT doing for ${unit}? ${campaign}`);
  expect(mail.parsed.from?.value[0]?.name).toMatch(/ via Rapport$/);
  expect(String(mail.parsed.html)).toContain("Tell us &lt;b&gt;honestly&lt;/b&gt; &amp; briefly.");
  // mailparser gathers the List-* headers under "list".
  const list = mail.parsed.headers.get("list") as { unsubscribe?: { url?: string }; "unsubscribe-post"?: { name?: string } } | undefined;
  expect(list?.["unsubscribe-post"]?.name).toBe("List-Unsubscribe=One-Click");
  expect(list?.unsubscribe?.url).toMatch(new RegExp(`^${baseURL}/api/unsubscribe/[^/]+$`));
  expect(mail.ratingLink?.startsWith(`${baseURL}/r/`)).toBe(true);

  await opensRatingPage(browser, mail.ratingLink!, unit, browserErrors);
  await admin.context().close();
});
