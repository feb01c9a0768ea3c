import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// Issue 10 §4 and §1: the CIO starts a new epoch of a unit's relationship (death and
// reincarnation) and sees it on the history and the score chart; the maturity × stage grid with
// both sides' views; a client records the business's view; the stakeholder map flags an
// influential person IT has not met in months, beside the services to fix first.

async function openTab(page: Page, unit: string, tab: string) {
  await page.goto("/dashboard");
  await page.getByRole("link", { name: unit, exact: true }).click();
  await expect(page.getByRole("heading", { name: unit, level: 1 })).toBeVisible();
  await page.getByRole("navigation", { name: "Account sections" }).getByRole("link", { name: tab }).click();
}

test("the CIO starts a new epoch, confirmed and with a reason, and sees it in the history and marked on the score chart", async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const page = await signedInAs("cio");

  // The demo's reincarnated unit: the era before its epoch, with how its diagnosis ended.
  await openTab(page, "Customer Service", "Epochs");
  const history = page.getByRole("region", { name: "Epochs of the relationship" });
  await expect(history.getByRole("heading", { name: /New IT leadership\s*Current epoch/ })).toBeVisible();
  await expect(history.getByRole("heading", { name: "Before the first recorded epoch" })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "Before the first recorded epoch" })).toContainText("Diagnosis at its end:");
  // The score chart draws the epoch's start where the new era's scores begin.
  const chart = page.getByRole("region", { name: "Health score across epochs" });
  await expect(chart.locator(".recharts-reference-line").first()).toBeAttached();
  await expect(chart.locator("figcaption")).toContainText("Marked: Epoch: New IT leadership");

  await openTab(page, "Human Resources", "Epochs");
  await expect(page.getByText("One epoch so far")).toBeVisible();
  const form = page.getByRole("region", { name: "Start a new epoch" });
  await form.getByLabel("What changed").selectOption("NEW_RELATIONSHIP_MANAGER");
  await form.getByLabel("Why the relationship starts over").fill("Blair hands HR to a new manager after the payroll overruns: a fresh start agreed with the HR director.");
  // Not confirmed: refused, and what was typed stays.
  await form.getByRole("button", { name: "Start the new epoch" }).click();
  await expect(form.getByText("Confirm that the diagnosis starts over from that day")).toBeVisible();
  await expect(form.getByLabel("Why the relationship starts over")).toHaveValue(/fresh start/);
  await form.getByLabel(/diagnosis reads only what happens in the new epoch/).check();
  await form.getByRole("button", { name: "Start the new epoch" }).click();
  await expect(page.getByText(/^New epoch from .+ \(New relationship manager\): the diagnosis reads from that day on\. Human Resources (moved from Sniffles to .+|stays at .+)\.$/).first()).toBeVisible();

  await expect(history.getByRole("heading", { name: /New relationship manager\s*Current epoch/ })).toBeVisible();
  await expect(history.getByRole("listitem").filter({ hasText: "Before the first recorded epoch" })).toContainText(/Diagnosis at its end:\s*Sniffles/);
  await expect(history).toContainText("recorded by Morgan Reyes");
  // A new epoch has too little to score yet: the chart's caption still names its start.
  await expect(chart.locator("figcaption")).toContainText("Marked: Epoch: New relationship manager");
});

test("the maturity grid: both sides' views against the stage for the CIO, a manager's own units, and a client's view recorded", async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const cio = await signedInAs("cio");
  await cio.goto("/dashboard/maturity");
  await expect(cio.getByRole("heading", { name: "Relationship maturity", level: 1 })).toBeVisible();
  const grid = cio.getByRole("table", { name: /Business units by relationship maturity/ });
  const partner = grid.getByRole("row").filter({ has: cio.getByRole("rowheader", { name: "Order taker" }) });
  await expect(partner.getByRole("link", { name: /Supply Chain · IT \+2/ })).toBeVisible();
  await expect(grid.getByRole("link", { name: /^Marketing · IT's view only$/ })).toBeVisible();
  const table = cio.getByRole("table", { name: /as IT and as the business see it/ });
  await expect(table.getByRole("row").filter({ hasText: "Supply Chain" })).toContainText(/Trusted advisor\s*Order taker\s*IT \+2/);
  await expect(table.getByRole("row").filter({ hasText: "Finance" })).toContainText("agree");
  await expect(cio.getByRole("region", { name: "Not assessed yet" }).getByRole("link", { name: "Legal" })).toBeVisible();
  // Usable at phone width: the grid scrolls inside its card, the page does not.
  await cio.setViewportSize({ width: 375, height: 800 });
  expect(await cio.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  const rm = await signedInAs("rm");
  await rm.goto("/dashboard/maturity");
  await expect(rm.getByText(/Your units only: 9 other units are their managers' and the CIO's to assess\./)).toBeVisible();
  await expect(rm.getByRole("table", { name: /as IT and as the business see it/ }).getByRole("row")).toHaveCount(4); // header + Finance, Sales, Marketing

  // A client of Finance says where IT stands with them, from their overview; IT's own view stays IT's.
  const client = await signedInAs("client");
  await client.goto("/");
  await client.getByRole("link", { name: "Where IT stands with you" }).click();
  await expect(client.getByRole("heading", { name: "Your unit's latest view" })).toBeVisible();
  await expect(client.getByText("IT's view")).toHaveCount(0);
  await client.getByRole("radio", { name: /Strategic partner/ }).check();
  await client.getByLabel("Why (optional)").fill("They sit on our planning board now.");
  await client.getByRole("button", { name: "Save this view" }).click();
  await expect(client.getByText("Thank you: your view (Strategic partner) is saved, and IT sees it.").first()).toBeVisible();

  await cio.setViewportSize({ width: 1280, height: 800 });
  await cio.goto("/dashboard/maturity");
  await expect(table.getByRole("row").filter({ hasText: "Finance" })).toContainText(/Trusted advisor\s*Strategic partner\s*IT −1/);
});

test("the stakeholder map flags an influential person IT has not met in months, and the services to fix first are named", async ({ signedInAs }) => {
  const page = await signedInAs("rm");
  await openTab(page, "Marketing", "People & services");
  const map = page.getByRole("region", { name: "Stakeholder map" });
  await expect(map.getByRole("note")).toContainText(/Influential and not met for 90 days or more: .*Chloe Dubois \(met \d+ days ago\)/);
  await expect(map.locator("li[data-flagged]").filter({ hasText: "Chloe Dubois" })).toBeVisible();
  const grid = map.getByRole("table", { name: "Contacts by influence (rows) and interest (columns)" });
  await expect(grid.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "High influence" }) })).toContainText("Chloe Dubois");

  await openTab(page, "Finance", "People & services");
  const services = page.getByRole("region", { name: "Importance × satisfaction of IT's services" });
  await expect(services.getByText(/^(Fix first: .+: important to the unit and unsatisfying\.|Nothing in the fix-first quadrant: .+)$/)).toBeVisible();
  await expect(services.locator(".recharts-scatter").first()).toBeAttached();
});
