import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";

// The CSV exports (issue 11 §3) from the pages: the portfolio with the filter on screen, and a
// unit's ratings as its client sees them. Tolerant of other specs' writes to the shared demo.

const read = async (download: import("@playwright/test").Download) => parse(await readFile((await download.path()) as string), { columns: true, bom: true }) as Record<string, string>[];

test("the CIO downloads the portfolio filtered to one stage, and it holds only that stage", async ({ signedInAs }) => {
  const page = await signedInAs("cio");
  await page.goto("/dashboard?stage=FLU");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the portfolio (CSV)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("portfolio.csv");
  const rows = await read(file);
  expect(rows.length).toBeGreaterThan(0);
  // The filter reads the stage shown (an override in force, else the computed one).
  for (const row of rows) expect([row.stage, row.computed_stage]).toContain("flu");
});

test("a client downloads their unit's ratings for Excel: their own unit's only, with a byte-order mark", async ({ signedInAs }) => {
  const page = await signedInAs("client");
  await page.goto("/");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download ratings as CSV for Excel" }).click();
  const file = await download;
  const bytes = await readFile((await file.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = await read(file);
  expect(rows.length).toBeGreaterThan(0);
  expect(new Set(rows.map((row) => row.account))).toEqual(new Set(["Finance"]));
});
