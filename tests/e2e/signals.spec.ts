import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test, USERS } from "./fixtures";

// The relationship manager records what only IT knows (article 000's surprised client, 002's
// "IT just says no", 004's perception gap) and sees the diagnosis cite each record.

const evidenceOf = (page: Page): Locator => page.getByRole("heading", { name: "Evidence" }).locator("..");
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const saved = (what: string, unit = "Finance") => new RegExp(`^${what} saved: ${unit} (moved from [\\w ]+ to [\\w ]+|stays at [\\w ]+)$`);

test("a relationship manager records bad news told late, an unexplained no and their own rating, and the diagnosis cites them", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Finance", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  const sections = page.getByRole("navigation", { name: "Account sections" });
  const overview = page.url();
  // Finance tells the client early and explains every no: neither symptom is there yet.
  await expect(evidenceOf(page)).not.toContainText("bad news reached the client");
  await expect(evidenceOf(page)).not.toContainText("without explaining why");

  // Bad news IT sat on for five weeks. First without saying who told the client: refused, nothing lost.
  await sections.getByRole("link", { name: "Bad news" }).click();
  const newsForm = page.getByRole("region", { name: "Record bad news" });
  await newsForm.getByLabel("What went wrong").fill("Month-end close automation slips into the new year");
  await newsForm.getByLabel("When IT knew").fill(daysAgo(40));
  await newsForm.getByLabel("When the client was told").fill(daysAgo(3));
  await newsForm.getByRole("button", { name: "Record bad news" }).click();
  await expect(newsForm.getByText("Choose who told the client")).toBeVisible();
  await expect(newsForm.getByLabel("What went wrong")).toHaveValue("Month-end close automation slips into the new year");
  await newsForm.getByLabel("Told by").selectOption({ label: "Alex Kim" });
  await newsForm.getByRole("button", { name: "Record bad news" }).click();
  await expect(page.getByText(saved("Bad news"))).toBeVisible();
  const news = page.getByRole("listitem").filter({ hasText: "Month-end close automation slips into the new year" });
  await expect(news.getByText("Told 37 days after IT knew")).toBeVisible();
  await expect(newsForm.getByLabel("What went wrong")).toHaveValue("");

  // A flat "no".
  await sections.getByRole("link", { name: "Declined requests" }).click();
  const requestForm = page.getByRole("region", { name: "Record a declined request" });
  await requestForm.getByLabel("What the business asked for").fill("Power BI licences for the whole controlling team");
  await requestForm.getByLabel("Was the reason explained?").selectOption("yes");
  await requestForm.getByRole("button", { name: "Record declined request" }).click();
  await expect(requestForm.getByText("Enter the reason the business was given")).toBeVisible();
  await requestForm.getByLabel("Was the reason explained?").selectOption("no");
  await requestForm.getByRole("button", { name: "Record declined request" }).click();
  await expect(page.getByText(saved("Declined request"))).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Power BI licences for the whole controlling team" }).getByText("Not explained")).toBeVisible();

  // IT's own view: top marks, beside the clients' view.
  await sections.getByRole("link", { name: "IT's assessment" }).click();
  const assessForm = page.getByRole("region", { name: "Assess the relationship" });
  await assessForm.getByRole("group", { name: /Overall/ }).getByText("5", { exact: true }).click();
  for (const dimension of ["Responsiveness", "Delivery", "Communication", "Understanding of the business", "Trust"]) {
    await assessForm.getByRole("group", { name: dimension }).getByText("5", { exact: true }).click();
  }
  await assessForm.getByLabel("Notes").fill("Every close ran on time this year.");
  await assessForm.getByRole("button", { name: "Save assessment" }).click();
  await expect(page.getByText(saved("Assessment"))).toBeVisible();
  const comparison = page.getByRole("table", { name: "IT's view and the clients' view, aspect by aspect" });
  await expect(comparison.getByRole("row", { name: /^Overall/ }).getByRole("cell").first()).toHaveText("5.0");
  await expect(page.getByText(/^Next assessment due /)).toBeVisible();

  // The overview's diagnosis now cites the bad news and the "no", each by name.
  await page.goto(overview);
  const evidence = evidenceOf(page);
  await expect(evidence).toContainText("bad news reached the client more than");
  await expect(evidence.getByText(/Bad news, .*Month-end close automation/)).toBeAttached();
  await expect(evidence).toContainText("without explaining why");
  await expect(evidence.getByText(/Declined request, .*Power BI licences/)).toBeAttached();
});

test("the structural event form asks only for the chosen kind's extra fact, and goals show their review due", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Finance", exact: true }).click();
  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Structure" }).click();

  const card = page.getByRole("region", { name: "Structural events" });
  const form = page.getByRole("region", { name: "Record an event" });
  const kind = form.getByLabel("What happened");
  await kind.selectOption({ label: "A shadow IT team" });
  await expect(form.getByLabel("Size of the shadow team")).toBeVisible();
  await expect(form.getByLabel("Was the change forced?")).toHaveCount(0);
  await expect(form.getByText(/My guys are way better/)).toBeVisible();
  await kind.selectOption({ label: "A change of IT leadership" });
  await expect(form.getByLabel("Size of the shadow team")).toHaveCount(0);
  await form.getByLabel("Was the change forced?").selectOption("yes");
  await form.getByLabel("When it happened").fill(daysAgo(10));
  await form.getByRole("button", { name: "Record event" }).click();
  await expect(page.getByText(saved("Structural event"))).toBeVisible();
  const event = card.getByRole("listitem").filter({ hasText: "A change of IT leadership" });
  await expect(event.getByText("Ongoing")).toBeVisible();
  await event.getByRole("button", { name: /^Mark resolved/ }).click();
  await expect(event.getByText(/^Resolved /)).toBeVisible();

  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { name: /Close the books in four days/ }).getByText(/Next review due|Review overdue since/)).toBeVisible();
});

test("without JavaScript, the structural event form shows every extra fact and the server refuses one given for another kind", async ({ browser, baseURL }) => {
  const api = await signIn(baseURL as string, USERS.rm);
  const { accounts } = (await (await api.get("/api/accounts")).json()) as { accounts: { id: string; name: string }[] };
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await api.storageState() });
  await api.dispose();
  const page = await context.newPage();
  const marketing = accounts.find((account) => account.name === "Marketing");
  await page.goto(`/accounts/${marketing?.id}/structure`);

  const form = page.getByRole("region", { name: "Record an event" });
  await expect(form.getByText("Only for a shadow IT team.")).toBeVisible();
  await form.getByLabel("What happened").selectOption({ label: "Outside consultants engaged" });
  await form.getByLabel("When it happened").fill(daysAgo(5));
  await form.getByLabel("Size of the shadow team").fill("4");
  await form.getByLabel("What the consultants are engaged on").fill("The campaign data platform");
  await form.getByRole("button", { name: "Record event" }).click();
  await expect(form.getByText("Only a shadow IT team has a size")).toBeVisible();
  await expect(form.getByLabel("What the consultants are engaged on")).toHaveValue("The campaign data platform");

  await form.getByLabel("Size of the shadow team").fill("");
  await form.getByRole("button", { name: "Record event" }).click();
  await expect(form.getByRole("status")).toHaveText(saved("Structural event", "Marketing"));
  await expect(page.getByRole("region", { name: "Structural events" }).getByText("The campaign data platform")).toBeVisible();
  await context.close();
});
