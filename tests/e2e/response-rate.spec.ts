import { expect, test } from "./fixtures";

// The account page's response rate (issue 8): per campaign round, invited and answered, a chart
// with the table beside it, and the fall in the diagnosis's evidence; an empty state that says how
// to start a campaign.

test("the CIO sees a unit's response rate fall, round by round and in its diagnosis", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Retail Stores", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Retail Stores", level: 1 })).toBeVisible();

  const card = page.getByRole("region", { name: "Response rate" });
  await expect(card.getByText(/\d+% answered: \d+ of \d+ invited over \d+ rounds\./)).toBeVisible();
  await expect(card.locator("figure")).toBeVisible();
  const table = card.getByRole("table", { name: "Invited and answered per campaign round, oldest first" });
  const round = table.getByRole("row", { name: /Quarterly relationship pulse, round 3/ });
  await expect(round.getByRole("cell")).toHaveText([/^\d{1,2} \w+ \d{4}$/, "3", "1", "33%"]);
  // The open round says so, its rate is not final, and one contact was not emailed.
  const open = table.getByRole("row", { name: /round 4 \(open until/ });
  await expect(open).toContainText("not emailed");
  await expect(open.getByRole("cell").last()).toHaveText(/^\d+% so far$/);
  await expect(page.getByText(/The response rate fell from \d+% to \d+%/).first()).toBeVisible();
});

test("a unit nobody was asked says how to start a campaign", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard");
  await page.getByRole("link", { name: "Sales", exact: true }).click();
  const card = page.getByRole("region", { name: "Response rate" });
  await expect(card.getByText("Nobody at this unit has been asked to rate IT by email yet")).toBeVisible();
  const id = page.url().match(/\/accounts\/([a-z0-9]+)/)![1];
  await expect(card.getByRole("link", { name: "Start a campaign for this unit" })).toHaveAttribute("href", `/campaigns/new?account=${id}`);
});
