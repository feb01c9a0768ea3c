import { expect, test } from "./fixtures";

// A new IT department sets a business unit up in the browser alone: the unit, its people, its
// sponsor, its core systems and its one accountable relationship manager (issue 6 §2–3).

test("an admin creates a unit with a sponsor contact and core systems, assigns its manager, and archives it", async ({ signedInAs }) => {
  test.slow(); // a whole set-up journey: a dozen saves, each re-diagnosing the unit
  const page = await signedInAs("admin");
  const unit = `Treasury ${Date.now()}`;

  await page.goto("/dashboard");
  await page.getByRole("link", { name: "New business unit" }).click();
  await expect(page.getByRole("heading", { name: "New business unit", level: 1 })).toBeVisible();

  // A name in use is refused by the field, and what was typed stays.
  await page.getByLabel("Name").fill("finance");
  await page.getByLabel("Agreed meeting cadence (days)").fill("30");
  await page.getByRole("button", { name: "Create business unit" }).click();
  await expect(page.getByText("A business unit called finance already exists.").first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Agreed meeting cadence (days)")).toHaveValue("30");

  await page.getByLabel("Name").fill(unit);
  await page.getByLabel("Description").fill("Cash, funding and payments");
  await page.getByLabel("Criticality to the business").selectOption("HIGH");
  await page.getByRole("button", { name: "Create business unit" }).click();
  await expect(page).toHaveURL(/\/accounts\/[a-z0-9]+\/settings$/);
  await expect(page.getByText(`Business unit ${unit} created.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: unit, level: 1 })).toBeVisible();
  const settingsUrl = page.url();

  // Without a manager it stands out on the portfolio.
  await page.goto("/dashboard");
  await expect(page.getByText(/business units? (has|have) no relationship manager/)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: unit })).toContainText("Unassigned");

  // The people: a sponsor, and a contact who has since left.
  await page.goto(settingsUrl.replace(/settings$/, "contacts"));
  await expect(page.getByText("No contacts yet")).toBeVisible();
  const addContact = page.getByRole("region", { name: "Add a contact" });
  await addContact.getByLabel("Name").fill("Morgan Sponsor");
  await addContact.getByLabel("Job title").fill("CFO");
  await addContact.getByLabel("Email").fill("morgan@treasury.example");
  await addContact.getByLabel("Part in the relationship").selectOption("SPONSOR");
  await addContact.getByLabel("Influence").selectOption("HIGH");
  await addContact.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText(`Contact saved: ${unit} stays at Insufficient data`)).toBeVisible();
  await expect(addContact.getByLabel("Name")).toHaveValue("");

  await addContact.getByLabel("Name").fill("Pat Leaver");
  await addContact.getByRole("button", { name: "Add contact" }).click();
  const contacts = page.getByRole("region", { name: "Contacts" });
  const pat = contacts.getByRole("listitem").filter({ hasText: "Pat Leaver" });
  await expect(pat).toBeVisible();
  await pat.getByRole("button", { name: "Mark Pat Leaver as left" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark as left" }).click();
  await expect(pat.getByText(/^Left \d+ \w+ \d{4}$/)).toBeVisible();
  await expect(contacts.getByRole("listitem").filter({ hasText: "Morgan Sponsor" })).toContainText("Not met yet");
  // The change is in the contact's history, for the CIO and admins.
  await pat.getByRole("link", { name: "Change history of Pat Leaver" }).click();
  await expect(page.getByRole("heading", { name: "Change history", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Changes, newest first" }).getByRole("listitem")).toHaveCount(2);

  // The sponsor is chosen from the contacts, with the cadence.
  await page.goto(settingsUrl);
  const details = page.getByRole("region", { name: "Unit details" });
  await details.getByLabel("Executive sponsor").selectOption({ label: "Morgan Sponsor, CFO" });
  await details.getByLabel("Agreed meeting cadence (days)").fill("14");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText(`Saved the meeting cadence, sponsor: ${unit} stays at Insufficient data`)).toBeVisible();
  await expect(page.getByText("Sponsor: Morgan Sponsor, CFO")).toBeVisible();

  // Its trains and buses; a second system of the same name is refused.
  const systems = page.getByRole("region", { name: "Core systems" });
  for (const name of ["Treasury management system", "Payments gateway", "payments GATEWAY"]) {
    await systems.getByLabel("System").last().fill(name);
    await systems.getByRole("button", { name: "Add core system" }).click();
    if (name === "payments GATEWAY") await expect(systems.getByText("This unit already has a core system called payments GATEWAY.").first()).toBeVisible();
    else await expect(systems.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  }
  await expect(systems.getByRole("listitem")).toHaveCount(2);

  // One accountable manager, and the history of who owned the relationship when.
  const manager = page.getByRole("region", { name: "Relationship manager" });
  await manager.getByLabel("Relationship manager").selectOption({ label: "Alex Kim (rm.alex@rapport.example)" });
  await manager.getByRole("button", { name: "Assign" }).click();
  await expect(page.getByText(`Alex Kim is now the relationship manager of ${unit}.`)).toBeVisible();
  const history = manager.getByRole("table", { name: "Who owned the relationship when" });
  await expect(history.getByRole("row").nth(1)).toContainText(/Alex Kim.*now\s*Robin Admin/);
  await expect(history.getByRole("row").nth(2)).toContainText("Nobody (unassigned)");

  // The attendee picker offers the contacts still at the unit only.
  await page.goto(settingsUrl.replace(/settings$/, "interactions/new"));
  const attendees = page.getByRole("group", { name: "Who came from the business" });
  await expect(attendees.getByRole("checkbox", { name: /Morgan Sponsor/ })).toBeVisible();
  await expect(attendees.getByText("Pat Leaver")).toHaveCount(0);

  // Archived: off the portfolio, still reachable with its history.
  await page.goto(settingsUrl);
  await page.getByRole("button", { name: `Archive ${unit}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive unit" }).click();
  await expect(page.getByText(`${unit} archived: it has left the portfolio`)).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByRole("table", { name: /Every business unit/ }).getByText(unit)).toHaveCount(0);
  await page.getByRole("region", { name: "Archived business units" }).getByRole("link", { name: unit }).click();
  await expect(page.getByRole("heading", { name: unit, level: 1 })).toContainText("Archived");
});

test("only the CIO and admins set units up", async ({ signedInAs }) => {
  const rm = await signedInAs("rm");
  await rm.goto("/dashboard");
  await expect(rm.getByRole("heading", { name: "Relationship portfolio" })).toBeVisible();
  await expect(rm.getByRole("link", { name: "New business unit" })).toHaveCount(0);
  expect((await rm.goto("/accounts/new"))?.status()).toBe(404);
  await rm.goto("/dashboard");
  await rm.getByRole("link", { name: "Finance", exact: true }).click();
  await expect(rm.getByRole("link", { name: "Contacts" })).toBeVisible();
  await expect(rm.getByRole("link", { name: "Unit settings" })).toHaveCount(0);
  expect((await rm.goto(`${rm.url()}/settings`))?.status()).toBe(404);

  const cio = await signedInAs("cio");
  await cio.goto("/accounts/new");
  await expect(cio.getByRole("heading", { name: "New business unit", level: 1 })).toBeVisible();
});
