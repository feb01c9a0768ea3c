import { beforeEach, expect, it } from "vitest";
import { db } from "../../lib/db/client";
import { jobs } from "../../lib/jobs/catalogue";
import { buildWorld, type World } from "./world";

// The daily sweep of rows that expire: API idempotency keys after a day, uploaded CSV files 30
// days after their import ended (or after an upload never started); a running import is never touched.

const now = new Date("2026-12-03T03:45:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

it("forgets expired idempotency keys and old CSV files, and keeps the rest", async () => {
  const token = await db().apiToken.create({ data: { userId: world.users.rm.id, name: "script", scope: "WRITE", hint: "abcd", tokenHash: "h".repeat(64), expiresAt: new Date("2027-01-01") } });
  const key = (key: string, createdAt: Date) => ({ tokenId: token.id, key, operationId: "createContact", requestHash: "x", createdAt });
  await db().apiIdempotencyKey.createMany({ data: [key("old", hoursAgo(25)), key("fresh", hoursAgo(23))] });

  const file = (fileName: string, status: "STAGED" | "RUNNING" | "SUCCEEDED" | "FAILED", createdAt: Date, finishedAt: Date | null) =>
    db().csvImport.create({ data: { kind: "CONTACTS", status, fileName, content: "unit,name\n", headers: ["unit", "name"], rowCount: 1, createdById: world.users.rm.id, createdAt, finishedAt } });
  await file("done long ago.csv", "SUCCEEDED", hoursAgo(800), hoursAgo(31 * 24));
  await file("failed long ago.csv", "FAILED", hoursAgo(800), hoursAgo(31 * 24));
  await file("never started.csv", "STAGED", hoursAgo(31 * 24), null);
  await file("done lately.csv", "SUCCEEDED", hoursAgo(800), hoursAgo(29 * 24));
  await file("still running.csv", "RUNNING", hoursAgo(800), null);

  expect(await jobs["prune-expired"].run({}, { now })).toMatchObject({ idempotencyKeys: 1, csvImports: 3 });
  expect((await db().apiIdempotencyKey.findMany()).map((k) => k.key)).toEqual(["fresh"]);
  expect((await db().csvImport.findMany({ orderBy: { fileName: "asc" } })).map((i) => i.fileName)).toEqual(["done lately.csv", "still running.csv"]);
  expect(await jobs["prune-expired"].run({}, { now })).toMatchObject({ idempotencyKeys: 0, csvImports: 0 });
});
