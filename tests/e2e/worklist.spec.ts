import { collectErrors, expect, signIn, test, USERS } from "./fixtures";
import { DEMO_PASSWORD } from "../../prisma/seed/story";

// Issue 10 §2 and §6 on the demo: a relationship manager lands on their worklist and works from
// it; the ratings chart is on the 1–5 scale; saving an interaction says what it did to the stage;
// the client sees what each meeting was about and who their point of contact is; times read in
// the reader's time zone.

const STAGE = "Healthy|Sniffles|Flu|Pneumonia|Death and reincarnation|Insufficient data";

test("a relationship manager lands on their worklist, sees only their units, and works an item from it", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.rm);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/worklist$/);
  await expect(page.getByRole("heading", { name: "Your worklist", level: 1 })).toBeVisible();
  await expect(page.getByText(/^Your units: Finance, Marketing, Sales\. \d+ items? (is|are) overdue\.$/)).toBeVisible();

  // Every section of the demo has work in it; none names a unit that is not Alex's.
  const main = page.getByRole("main");
  for (const other of ["Operations", "Legal", "Research", "Retail Stores"]) await expect(main.getByText(other)).toHaveCount(0);
  const owed = page.getByRole("region", { name: "Follow-ups you owe" });
  await expect(owed.getByText(/^\d+ overdue$/)).toBeVisible();
  await expect(page.getByRole("region", { name: "Meetings due" }).getByRole("link", { name: "Log a meeting with Marketing" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Not met in 90 days" }).getByRole("link", { name: "Chloe Dubois" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Goal reviews due" }).getByRole("link", { name: /^Review ‘/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Rating requests unanswered" }).getByRole("link", { name: "Margaret Chen" })).toBeVisible();

  // Overdue first: the first item IT owes is overdue; marking it done takes it off the list.
  const first = owed.getByRole("listitem").first();
  await expect(first.getByText(/· overdue$/)).toBeVisible();
  const description = (await first.getByRole("link").first().textContent()) as string;
  await first.getByRole("button", { name: `Mark done: ${description}` }).click();
  await expect(page.getByText(`Marked done: “${description}”.`)).toBeVisible();
  await expect(owed.getByRole("link", { name: description, exact: true })).toHaveCount(0);

  // An item the client owes opens where it is recorded: the follow-up on the unit's timeline.
  const chase = page.getByRole("region", { name: "Waiting on the client: chase them" });
  await chase.getByRole("link", { name: "Confirm the offsite date and who will attend", exact: true }).click();
  await expect(page).toHaveURL(/\/accounts\/[a-z0-9]+\?from=[^#]+#record-[a-z0-9]+$/);
  await expect(page.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  const anchor = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`[id="${anchor}"]`)).toContainText("Confirm the offsite date and who will attend");
  // "Log the chase" opens the interaction form started for that item, saying what is chased.
  await page.goBack();
  await chase.getByRole("link", { name: "Log the chase with Finance: Confirm the offsite date and who will attend" }).click();
  await expect(page.getByRole("note")).toContainText("Chasing “Confirm the offsite date and who will attend”, owed by the client");
  await expect(page.getByLabel("Summary")).toHaveValue("Chased: Confirm the offsite date and who will attend");
  await expect(page.getByLabel("Type")).toHaveValue("EMAIL");
  // A chase link for an item that is not the client's to give starts a blank form.
  await page.goto(page.url().replace(/chase=[a-z0-9]+/, "chase=not-an-id"));
  await expect(page.getByLabel("Summary")).toHaveValue("");
});

test("the worklist fits a phone's width, and the CIO's own worklist says they manage no unit", async ({ signedInAs }) => {
  const rm = await signedInAs("rm");
  await rm.setViewportSize({ width: 375, height: 800 });
  await rm.goto("/");
  await expect(rm.getByRole("heading", { name: "Your worklist" })).toBeVisible();
  expect(await rm.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  const cio = await signedInAs("cio");
  await cio.goto("/");
  await expect(cio).toHaveURL(/\/dashboard$/);
  await cio.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Worklist" }).click();
  await expect(cio.getByText("No business unit is yours yet")).toBeVisible();
});

test("the ratings chart's axis runs from 1 to 5", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Finance", exact: true }).click();
  const ratings = page.getByRole("region", { name: "Ratings" });
  // The ticks of both axes: the months, then the scores.
  const ticks = ratings.locator(".recharts-cartesian-axis-tick-value");
  await expect(ticks.first()).toBeVisible();
  expect((await ticks.allTextContents()).filter((text) => /^\d+$/.test(text))).toEqual(["1", "2", "3", "4", "5"]);
});

test("saving an interaction says what it did to the unit's stage; the client then reads its topic and whom to ask", async ({ signedInAs, browser, baseURL, browserErrors }) => {
  const rm = await signedInAs("rm");
  await rm.goto("/dashboard");
  await rm.getByRole("link", { name: "Finance", exact: true }).click();
  await rm.getByRole("link", { name: "Log an interaction" }).click();
  const topic = `Reporting self-service: the offsite agenda (${Date.now()})`;
  await expect(rm.getByRole("heading", { name: "Log an interaction with Finance" })).toBeVisible();
  await rm.getByLabel("Summary", { exact: true }).fill("Prep call with the CFO's office");
  await rm.getByLabel("Topic for the client (optional)").fill(topic);
  await rm.getByLabel("Type").selectOption("CALL");
  await rm.getByRole("button", { name: "Save interaction" }).click();
  const notice = rm.getByText(new RegExp(`^Interaction saved: Finance (?:moved from (?:${STAGE}) to (${STAGE})|stays at (${STAGE}))$`));
  await expect(notice).toBeVisible();
  const [, movedTo, stays] = (await notice.textContent())!.match(new RegExp(`(?:to (${STAGE})|at (${STAGE}))$`)) ?? [];
  // The stage the notice names is the one the account now shows.
  const header = rm.getByRole("main").locator("p", { has: rm.getByText(/^Score \d+$/) }).first();
  await expect(header).toContainText(movedTo ?? stays!);
  // IT sees the topic beside its own summary.
  await expect(rm.getByText(`Topic shown to the client: ${topic}`)).toBeVisible();

  // The client, reading in New York: the topic heads the entry (IT's summary never shows), its
  // time is in their zone, and their point of contact is named with an address.
  const api = await signIn(baseURL as string, USERS.client);
  const context = await browser.newContext({ storageState: await api.storageState(), timezoneId: "America/New_York" });
  await api.dispose();
  const client = await context.newPage();
  collectErrors(client, browserErrors);
  await client.goto("/");
  await expect(client.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  const contact = client.getByRole("region", { name: "Your point of contact in IT" });
  await expect(contact.getByText("Alex Kim")).toBeVisible();
  await expect(contact.getByRole("link", { name: "rm.alex@rapport.example" })).toHaveAttribute("href", "mailto:rm.alex@rapport.example");
  const entry = client.getByRole("listitem").filter({ has: client.getByRole("heading", { name: `Call: ${topic}` }) });
  await expect(entry).toBeVisible();
  await expect(client.getByText("Prep call with the CFO's office")).toHaveCount(0);
  const time = entry.locator("time").first();
  await expect(time).toHaveText(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT-[45]$/);
  await expect(time).toHaveAttribute("title", /UTC$/);
  // The demo's own meetings carry topics written for the client.
  await expect(client.getByRole("heading", { name: "Review: Quarterly business review: the faster month-end close" })).toBeVisible();
  await context.close();
});
