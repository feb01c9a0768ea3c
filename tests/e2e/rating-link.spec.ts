import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { collectErrors, expect, test } from "./fixtures";
import { newestMailTo } from "./mail";

// The emailed rating link in a browser with no session (issue 8). The invitation is made the way
// IT makes one (a campaign from the account page); the link comes from the email the demo server
// sent to the test SMTP server (PGlite's database cannot be opened beside the server).

const suffix = () => Math.random().toString(36).slice(2, 8);

async function inviteContact(page: Page, { account, scorecard = false }: { account: string; scorecard?: boolean }) {
  const id = suffix();
  const name = `Link Tester ${id}`;
  const email = `link.${id}@${account.toLowerCase()}.test`;
  await page.goto("/dashboard");
  await page.getByRole("link", { name: account, exact: true }).first().click();
  await expect(page.getByRole("heading", { name: account, level: 1 })).toBeVisible();
  const accountId = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/accounts/${accountId}/contacts`);
  const form = page.getByRole("region", { name: "Add a contact" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: /save|add/i }).click();
  await expect(page.getByText(name).first()).toBeVisible();

  // The account page's "Ask for a rating" (the header's and the response-rate card's) leads here.
  await page.goto(`/campaigns/new?account=${accountId}`);
  await page.getByLabel("Name", { exact: true }).fill(`Link check ${id}`);
  await page.getByLabel("Who is asked").selectOption("chosen");
  await page.getByRole("checkbox", { name: `${name} (${account})` }).check();
  if (scorecard) await page.getByRole("checkbox", { name: /Ask how important each core system is/ }).check();
  await page.getByRole("button", { name: "Start campaign" }).click();
  await expect(page.getByRole("heading", { name: `Link check ${id}` })).toBeVisible();
  const mail = await newestMailTo(email);
  expect(mail.ratingLink).toBeTruthy();
  const unsubscribe = /https?:\/\/\S+\/u\/[A-Za-z0-9_.-]+/.exec(mail.parsed.text ?? "")?.[0] ?? null;
  return { link: mail.ratingLink!, unsubscribe, contact: name, id };
}

test("a contact rates from the link with no session, sees the thanks, and the link is then used", async ({ signedInAs, browser, browserErrors }) => {
  const it = await signedInAs("cio");
  const { link, unsubscribe, id } = await inviteContact(it, { account: "Marketing", scorecard: true });

  const stranger = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await stranger.newPage();
  collectErrors(page, browserErrors);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "How is IT doing for Marketing?" })).toBeVisible();
  // Never indexed, never sent on as a referrer: the URL is the credential.
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // (same-origin: a no-referrer page posts forms with Origin null, which Next's CSRF check refuses.)
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");

  // Sending without the two required answers says what is missing.
  await page.getByRole("button", { name: "Send my rating" }).click();
  await expect(page.getByText("Overall satisfaction is required")).toBeVisible();
  await expectAccessible(page, "the emailed rating page with errors");

  await page.getByRole("group", { name: /Overall, how satisfied/ }).getByText("4", { exact: true }).click();
  await page.getByRole("group", { name: /How likely are you to recommend/ }).getByText("8", { exact: true }).click();
  // The scorecard: one system answered, the other skipped.
  await page.getByRole("group", { name: "How important is Campaign platform to your work?" }).getByText("5", { exact: true }).click();
  await page.getByRole("group", { name: "How satisfied are you with Campaign platform?" }).getByText("2", { exact: true }).click();
  await page.getByLabel(/Anything you want IT to know/).fill(`Campaign launches are smoother now ${id}`);
  await page.getByRole("button", { name: "Send my rating" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your rating is received" })).toBeVisible();
  await expect(page.getByText(/health is re-diagnosed/)).toBeVisible();
  await expectAccessible(page, "the rating page's thanks");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  // Whom to ask for a new link: a person, by email.
  await expect(page.getByRole("link", { name: /@/ })).toBeVisible();

  // The email's unsubscribe link: opening it changes nothing; the button does.
  expect(unsubscribe).toBeTruthy();
  await page.goto(unsubscribe!);
  await expect(page.getByRole("heading", { name: "Unsubscribe from rating requests" })).toBeVisible();
  await expectAccessible(page, "the unsubscribe page");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await page.goto(unsubscribe!);
  await expect(page.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await stranger.close();
});

test("a link works without JavaScript too", async ({ signedInAs, browser }) => {
  const it = await signedInAs("cio");
  const { link } = await inviteContact(it, { account: "Marketing" });
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  await page.goto(link);
  await page.getByRole("group", { name: /Overall, how satisfied/ }).getByText("3", { exact: true }).click();
  await page.getByRole("group", { name: /How likely are you to recommend/ }).getByText("5", { exact: true }).click();
  await page.getByRole("button", { name: "Send my rating" }).click();
  await expect(page.getByRole("heading", { name: "Thank you: your rating is received" })).toBeVisible();
  await noScript.close();
});

test("an unknown link says so without naming any account; unsubscribing needs the button", async ({ browser, request }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/r/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByText(/Marketing|Finance|Legal/)).toHaveCount(0);
  await expectAccessible(page, "an unknown rating link");

  await page.goto(`/u/c${"0".repeat(24)}.${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await context.close();

  // One-click unsubscribe (RFC 8058): a forged token is refused, and GET is not answered.
  const forged = await request.post(`/api/unsubscribe/c${"0".repeat(24)}.${"x".repeat(43)}`, { form: { "List-Unsubscribe": "One-Click" } });
  expect(forged.status()).toBe(400);
  expect((await request.get(`/api/unsubscribe/c${"0".repeat(24)}.${"x".repeat(43)}`)).status()).toBe(405);
});
