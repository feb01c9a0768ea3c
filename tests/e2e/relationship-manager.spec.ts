import { expect, test } from "./fixtures";
import { DEMO_PASSWORD } from "../../prisma/seed/story";

// Due dates are bounded by the meeting's day (at most two years on): always a few weeks from today.
const due = new Date(Date.now() + 18 * 86_400_000);
const dueText = due.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

test("a relationship manager signs in with the keyboard, logs a meeting with quotes and follow-ups, and sees it on the timeline", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("rm.alex@rapport.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  // A relationship manager lands on their worklist; the portfolio is one link away.
  await expect(page.getByRole("heading", { name: "Your worklist" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Portfolio" }).click();
  await expect(page.getByRole("heading", { name: "Relationship portfolio" })).toBeVisible();

  await page.getByRole("link", { name: "Sales", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sales", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Log an interaction" }).click();
  await expect(page.getByRole("heading", { name: "Log an interaction with Sales" })).toBeVisible();

  // First attempt: no summary, an empty quote row. Errors appear by the fields; nothing typed is lost.
  await page.getByLabel("Notes").fill("Pipeline dashboard is still late; they are talking to consultants.");
  await page.getByRole("button", { name: "Add a quote" }).click();
  // Focus is in the new quote; leaving it empty marks it at once (which moves the button down).
  await page.getByRole("button", { name: "Save interaction" }).press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Please correct the fields marked in red." })).toBeVisible();
  await expect(page.getByText("Summary must be at least 3 characters")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The quote must be at least 2 characters")).toBeVisible();
  await expect(page.getByLabel("Notes")).toHaveValue("Pipeline dashboard is still late; they are talking to consultants.");

  await page.getByLabel("Summary").fill("Pipeline dashboard review");
  await page.getByLabel("Type").selectOption("REVIEW");
  await page.getByLabel("How did it feel?").selectOption("NEGATIVE");
  await page.getByLabel("Was IT on time?").selectOption("no");
  await page.getByRole("textbox", { name: "Quote 1" }).fill("We've given up waiting for IT; we'll do it ourselves");
  await page.getByRole("button", { name: "Add a quote" }).click();
  await page.getByRole("textbox", { name: "Quote 2" }).fill("The business users kept changing their minds");
  await page.getByLabel("Said by").nth(1).selectOption("IT");
  await page.getByRole("button", { name: "Add a follow-up" }).click();
  await page.getByRole("textbox", { name: "Follow-up 1" }).fill("Send the revised delivery plan");
  await page.getByLabel("Due").fill(due.toISOString().slice(0, 10));
  await page.getByRole("group", { name: "Who came from the business" }).getByRole("checkbox").first().check();
  await page.getByRole("button", { name: "Save interaction" }).click();

  await expect(page).toHaveURL(/\/accounts\/[a-z0-9]+#record-/);
  // The notice after the redirect says what the interaction did to the diagnosis.
  await expect(page.getByText(/^Interaction saved: Sales (moved from [\w ]+ to [\w ]+|stays at [\w ]+)$/)).toBeVisible();
  const entry = page.getByRole("listitem").filter({ hasText: "Review: Pipeline dashboard review" });
  await expect(entry).toBeVisible();
  await expect(entry.getByText("“We've given up waiting for IT; we'll do it ourselves”")).toBeVisible();
  await expect(entry.getByText(`Send the revised delivery plan — owed by IT, due ${dueText}`)).toBeVisible();
  await expect(entry.getByText("IT late")).toBeVisible();
  // The diagnosis heard the new phrase (the words that matched), on the business side.
  const heard = page.getByRole("heading", { name: "Heard from the business" }).locator("..");
  await expect(heard.getByText(/given up waiting for IT/i).first()).toBeVisible();

  // The follow-up is delivered: mark it done from the timeline.
  await entry.getByRole("button", { name: "Mark done: Send the revised delivery plan" }).click();
  await expect(entry.getByText(new RegExp(`Send the revised delivery plan — owed by IT, due ${dueText}, done \\d+ \\w+ \\d{4}`))).toBeVisible();
});

test("a relationship manager cannot open another manager's account from the portfolio", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  const row = page.getByRole("row").filter({ hasText: "Operations" });
  await expect(row).toBeVisible();
  await expect(row.getByRole("link")).toHaveCount(0);
  await expect(page.getByRole("row").filter({ hasText: "Finance" }).getByRole("link", { name: "Finance" })).toBeVisible();
});

test("the interaction form's rows by keyboard: Enter on Add moves into the new row, Remove back to Add", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Finance", exact: true }).click();
  await page.getByRole("link", { name: "Log an interaction" }).click();
  // Before hydration the buttons post to the server (forms-without-javascript.spec.ts covers that).
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Add a quote" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Quote 1" })).toBeFocused();
  await page.keyboard.type("IT just says no");
  await page.getByRole("button", { name: "Add a follow-up" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Follow-up 1" })).toBeFocused();
  await expect(page.getByRole("textbox", { name: /^Quote \d$/ })).toHaveCount(1);
  // Enter in a text field saves the form (here: shows its errors); it never adds or removes a row.
  await page.getByLabel("Summary").press("Enter");
  await expect(page.getByText("Please correct the fields marked in red.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: /^Quote \d$/ })).toHaveCount(1);
  await expect(page.getByRole("textbox", { name: "Quote 1" })).toHaveValue("IT just says no");
  await page.getByRole("button", { name: "Remove quote 1" }).press("Enter");
  await expect(page.getByRole("textbox", { name: /^Quote \d$/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add a quote" })).toBeFocused();
});

test("a time typed before the page's script has loaded is kept, not reset to now", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await page.goto("/dashboard");
  const account = await page.getByRole("link", { name: "Finance", exact: true }).first().getAttribute("href");
  // Hold the page's scripts back until the time is typed: the page is not hydrated meanwhile.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${account}/interactions/new`, { waitUntil: "commit" });
  await page.getByLabel("When").fill("2026-11-02T09:30");
  release();
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Summary").fill("Typed before hydration");
  await expect(page.getByLabel("When")).toHaveValue("2026-11-02T09:30");
  const instant = await page.evaluate(() => new Date("2026-11-02T09:30").toISOString());
  await expect(page.locator('input[name="occurredAt"]')).toHaveValue(instant);
});
