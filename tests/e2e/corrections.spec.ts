import { type Browser, type Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

// Issue 6 §5 and §6 in the browser: a correction changes the evidence, a delete asks why, the CIO
// reads the change history, and evidence links land on their record however old it is.

const ORIGINAL = "All fine on our side this week";
const CORRECTED = "Frankly we've given up waiting for IT";

async function openAccount(page: Page, name: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("a manager corrects a quote and sees the evidence change; the CIO reads the history; the manager deletes it with a reason", async ({ signedInAs }) => {
  // Two people and a dozen pages, each re-diagnosing the account on the demo story.
  test.setTimeout(120_000);
  const rm = await signedInAs("rm");
  await openAccount(rm, "Marketing");
  const summary = `Campaign tooling review ${Date.now()}`;
  await rm.getByRole("link", { name: "Log an interaction" }).click();
  await expect(rm.getByRole("heading", { name: "Log an interaction with Marketing" })).toBeVisible();
  await rm.getByLabel("Summary").fill(summary);
  await rm.getByRole("button", { name: "Add a quote" }).click();
  await rm.getByRole("textbox", { name: "Quote 1" }).fill(ORIGINAL);
  await rm.getByRole("button", { name: "Save interaction" }).click();
  await expect(rm).toHaveURL(/\/accounts\/[a-z0-9]+#record-/);
  const accountUrl = rm.url().split("#")[0]!;
  const entry = rm.getByRole("listitem").filter({ hasText: `Meeting: ${summary}` });
  await expect(entry).toBeVisible();
  // Nothing the business said was a symptom yet.
  await expect(rm.getByRole("link", { name: new RegExp(`Quote “${CORRECTED}”`) })).toHaveCount(0);

  // The correction: the quote as it was really said.
  await entry.getByRole("link", { name: /^Correct or delete the meeting of/ }).click();
  await expect(rm.getByRole("heading", { name: /^Correct the meeting of/ })).toBeVisible();
  await expect(rm.getByRole("textbox", { name: "Quote 1" })).toHaveValue(ORIGINAL);
  await rm.getByRole("textbox", { name: "Quote 1" }).fill(CORRECTED);
  await rm.getByLabel("What happened?").selectOption("NO_SHOW_BY_CLIENT");
  await rm.getByRole("button", { name: "Save correction" }).click();

  // Back on the interaction, told what the correction did to the diagnosis, and the phrase is evidence now.
  await expect(rm).toHaveURL(/\/accounts\/[a-z0-9]+\?from=[\d.a-z]+#record-[a-z0-9]+$/);
  await expect(rm.getByText(/^Interaction corrected: Marketing (moved from [\w ]+ to [\w ]+|stays at [\w ]+)$/)).toBeVisible();
  await expect(entry.getByText(`“${CORRECTED}”`)).toBeVisible();
  await expect(entry.getByText("The client did not show")).toBeVisible();
  const heard = rm.getByRole("heading", { name: "Heard from the business" }).locator("..");
  await expect(heard.getByRole("link", { name: new RegExp(`Quote “${CORRECTED}”`) })).toBeVisible();

  // The CIO opens the interaction's change history from the timeline.
  const cio = await signedInAs("cio");
  await cio.goto(accountUrl);
  const cioEntry = cio.getByRole("listitem").filter({ hasText: `Meeting: ${summary}` });
  await cioEntry.getByRole("link", { name: /^Change history of the meeting of/ }).click();
  await expect(cio.getByRole("heading", { name: "Change history" })).toBeVisible();
  const quoteChange = cio.getByRole("listitem").filter({ hasText: `Quote “${CORRECTED}”` }).filter({ hasText: "Changed" });
  await expect(quoteChange.getByText(ORIGINAL)).toBeVisible();
  await expect(quoteChange.getByText("Alex Kim")).toBeVisible();
  const fieldChange = cio.getByRole("listitem").filter({ hasText: "Changed" }).filter({ hasText: "Outcome" });
  await expect(fieldChange.getByText("No show")).toBeVisible();
  const historyUrl = cio.url();

  // The manager deletes it, saying why; it leaves the timeline and the evidence.
  await entry.getByRole("link", { name: /^Correct or delete the meeting of/ }).click();
  await rm.getByRole("button", { name: /^Delete the meeting of/ }).click();
  const dialog = rm.getByRole("alertdialog");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(dialog.getByText("The reason must be at least 3 characters")).toBeVisible();
  await dialog.getByLabel("Why delete it?").fill("Logged against the wrong unit");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(rm.getByText(/^Interaction deleted, with its quotes and follow-ups: Marketing/)).toBeVisible();
  await expect(rm.getByRole("listitem").filter({ hasText: `Meeting: ${summary}` })).toHaveCount(0);
  await expect(rm.getByRole("link", { name: new RegExp(`Quote “${CORRECTED}”`) })).toHaveCount(0);

  // The history keeps the deletion and its reason.
  await cio.goto(historyUrl);
  await expect(cio.getByText("Deleted: no longer shown on the account.")).toBeVisible();
  const deletion = cio.getByRole("listitem").filter({ hasText: /^Deleted by Alex Kim/ });
  await expect(deletion.getByText("Logged against the wrong unit")).toBeVisible();
});

/** The accounts the role may open, as the JSON API lists them (no clicking through the portfolio). */
async function accountsOf(baseURL: string, role: keyof typeof USERS) {
  const api = await signIn(baseURL, USERS[role]);
  const { accounts } = (await (await api.get("/api/accounts")).json()) as { accounts: { id: string; name: string }[] };
  await api.dispose();
  return accounts;
}

test("an evidence link names its record and lands on it, however old it is", async ({ signedInAs, baseURL }) => {
  const page = await signedInAs("cio");
  const evidence = page.getByRole("heading", { name: "Evidence", exact: true }).locator("..");
  // An evidence link whose record is not on the newest page of the timeline, in the first unit that has one.
  let target: { href: string; name: string; id: string } | undefined;
  for (const account of await accountsOf(baseURL as string, "cio")) {
    await page.goto(`/accounts/${account.id}`);
    await expect(page.getByRole("heading", { name: "Evidence", exact: true }).or(page.getByText("No diagnosis yet"))).toBeVisible();
    // Named records, never "record 1".
    await expect(evidence.getByRole("link", { name: /^record \d+$/ })).toHaveCount(0);
    const links = await evidence.locator('a[href*="/record/"]:visible').evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href") ?? "", name: a.textContent ?? "" })));
    for (const link of links) {
      const id = link.href.split("/").at(-1)!;
      if ((await page.locator(`[id="record-${id}"]`).count()) === 0) target = { ...link, id };
    }
    if (target) break;
  }
  expect(target, "an evidence link to a record older than the timeline's first page").toBeDefined();
  expect(target!.name).toMatch(/^(\w[\w ]*, \d+ \w+ \d{4}: .+|Quote “.+”.*|Follow-up “.+”.*)$/);

  await evidence.locator(`a[href="${target!.href}"]:visible`).first().click();
  await expect(page).toHaveURL(new RegExp(`\\?from=[\\d.a-z]+#record-${target!.id}$`));
  await expect(page.locator(`[id="record-${target!.id}"]`)).toBeInViewport();
  await expect(page.getByText(/^Showing interactions from \d+ \w+ \d{4} and older\./)).toBeVisible();
  await page.getByRole("link", { name: "Back to the newest" }).click();
  await expect(page).toHaveURL(/\/accounts\/[a-z0-9]+#card-timeline$/);
});

async function pageWithoutJavaScript(browser: Browser, baseURL: string) {
  const api = await signIn(baseURL, USERS.rm);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  await api.dispose();
  return context.newPage();
}

test("without JavaScript, the timeline pages and filters through links and a GET form", async ({ browser, baseURL }) => {
  const page = await pageWithoutJavaScript(browser, baseURL as string);
  // The portfolio streams its rows in with JavaScript, so the account is looked up instead.
  const finance = (await accountsOf(baseURL as string, "rm")).find((account) => account.name === "Finance");
  await page.goto(`/accounts/${finance?.id}`);
  const timeline = page.getByRole("list", { name: "Interactions, newest first" });
  const first = await timeline.locator(":scope > li").first().getAttribute("id");
  await page.getByRole("link", { name: "Older interactions" }).click();
  await expect(page).toHaveURL(/\?from=[\d.a-z]+#card-timeline$/);
  await expect(timeline.locator(`[id="${first}"]`)).toHaveCount(0);

  await page.getByLabel("Kind").selectOption("CALL");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/kind=CALL/);
  const headings = await timeline.locator(":scope > li h3").allTextContents();
  expect(headings.length).toBeGreaterThan(0);
  for (const heading of headings) expect(heading).toMatch(/^Call/);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/kind=/);
  await page.context().close();
});

test("a client withdraws their own rating; it leaves their ratings", async ({ signedInAs }) => {
  const page = await signedInAs("client");
  await page.goto("/");
  await page.getByRole("link", { name: "Rate IT's service" }).click();
  await page.getByRole("group", { name: /Overall, how satisfied/ }).getByText("1", { exact: true }).click();
  await page.getByRole("group", { name: /How likely are you to recommend/ }).getByText("0", { exact: true }).click();
  const comment = `Rated the wrong unit by mistake (${Date.now()})`;
  await page.getByLabel("Anything you want IT to know? (optional)").fill(comment);
  await page.getByRole("button", { name: "Send rating" }).click();
  const rating = page.getByRole("listitem").filter({ hasText: comment });
  await expect(rating).toBeVisible();

  await rating.getByRole("button", { name: /^Withdraw your rating of/ }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("Why? (optional)").fill("Meant for Sales");
  await dialog.getByRole("button", { name: "Withdraw rating" }).click();
  await expect(page.getByText("Your rating is withdrawn: it no longer counts towards how IT is doing.")).toBeVisible();
  await expect(page.getByText(comment)).toHaveCount(0);
});
