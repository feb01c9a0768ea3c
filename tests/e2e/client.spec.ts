import { expect, test } from "./fixtures";

test("a business client rates IT's service and sees the rating on their account", async ({ signedInAs }) => {
  const page = await signedInAs("client");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Finance", level: 1 })).toBeVisible();
  // The client's view carries no diagnosis of them.
  await expect(page.getByRole("heading", { name: "Diagnosis" })).toHaveCount(0);
  await page.getByRole("link", { name: "Rate IT's service" }).click();

  // Sending nothing explains what is missing and stores nothing.
  await page.getByRole("button", { name: "Send rating" }).click();
  await expect(page.getByText("Overall satisfaction is required")).toBeVisible();
  await expect(page.getByText("Likelihood to recommend is required")).toBeVisible();

  const overall = page.getByRole("group", { name: /Overall, how satisfied/ });
  await overall.getByText("2", { exact: true }).click();
  // Keyboard: focus the recommend group's first option and move with the arrow keys.
  const recommend = page.getByRole("group", { name: /How likely are you to recommend/ });
  await recommend.getByRole("radio", { name: "0", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(recommend.getByRole("radio", { name: "3", exact: true })).toBeChecked();
  await page.getByText("Rate in more detail (optional)").click();
  await page.getByRole("group", { name: "Responsiveness" }).getByText("1", { exact: true }).click();
  const comment = `Tickets sit for days without an answer (${Date.now()})`;
  await page.getByLabel("Anything you want IT to know? (optional)").fill(comment);
  await page.getByRole("button", { name: "Send rating" }).click();

  // Back on their account, thanked in a toast, with the rating among the others.
  await expect(page).toHaveURL(/\/accounts\/[a-z0-9]+$/);
  await expect(page.getByText("Thank you: your rating is saved.")).toBeVisible();
  await expect(page.getByText(`“${comment}”`)).toBeVisible();
});

test("a business client cannot see the portfolio or another unit", async ({ signedInAs }) => {
  const page = await signedInAs("client");
  const response = await page.goto("/dashboard");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Portfolio" })).toHaveCount(0);
});
