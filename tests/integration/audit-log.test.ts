import { beforeEach, describe, expect, it } from "vitest";
import { auditFilterSchema, exportAuditLog, listAuditLog, readAuditDetails } from "../../lib/data/audit-log";
import { ForbiddenError } from "../../lib/data/errors";
import { logInteraction } from "../../lib/data/interactions";
import { submitRating } from "../../lib/data/ratings";
import { db } from "../../lib/db/client";
import { buildWorld, interactionInput, ratingInput, type World } from "./world";

// The audit log as the CIO and admins browse it (decision 032), on both databases: filters by
// who, what, which account and when; a cursor that pages without repeating or skipping; each
// change's before and after; the CSV with the same rows; nobody else may read it.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const filters = (raw: Record<string, string> = {}) => auditFilterSchema.parse(raw);

describe("the audit log", () => {
  it("filters by who, what, account and day, and shows the fields a change wrote", async () => {
    await logInteraction(world.actors.rm, interactionInput(world.accounts.mine.id, { summary: "Quarterly review" }));
    const interactionId = (await db().interaction.findFirstOrThrow({ select: { id: true } })).id;
    await submitRating(world.actors.client, ratingInput(world.accounts.mine.id));
    await submitRating(world.actors.otherClient, ratingInput(world.accounts.theirs.id));

    const all = await listAuditLog(world.actors.cio, filters());
    expect(all.entries.length).toBeGreaterThanOrEqual(3);
    // Newest first.
    expect([...all.entries].sort((a, b) => b.at.getTime() - a.at.getTime()).map((e) => e.id)).toEqual(all.entries.map((e) => e.id));

    const byRm = await listAuditLog(world.actors.admin, filters({ actorId: world.users.rm.id }));
    expect(byRm.entries.length).toBeGreaterThan(0);
    expect(byRm.entries.every((e) => e.actor?.id === world.users.rm.id)).toBe(true);

    const ratings = await listAuditLog(world.actors.admin, filters({ action: "rating" }));
    expect(ratings.entries.map((e) => e.action)).toEqual(["rating.created", "rating.created"]);
    const mine = await listAuditLog(world.actors.admin, filters({ action: "rating.created", accountId: world.accounts.mine.id }));
    expect(mine.entries).toHaveLength(1);
    expect(mine.entries[0]?.account).toEqual({ id: world.accounts.mine.id, name: "Finance" });

    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditLog(world.actors.admin, filters({ since: today, until: today }))).entries).toHaveLength(all.entries.length);
    expect((await listAuditLog(world.actors.admin, filters({ until: "2020-01-01" }))).entries).toHaveLength(0);

    const created = (await listAuditLog(world.actors.admin, filters({ action: "interaction.created" }))).entries[0];
    expect(created?.changes).toContainEqual({ field: "summary", after: "Quarterly review" });
    expect(created?.historyHref).toBe(`/history/interaction/${interactionId}`);
  });

  it("pages with a cursor, without repeating or skipping, and exports the same rows as CSV", async () => {
    const base = Date.now() - 60_000;
    // Several at the same instant: the id breaks the tie.
    await db().auditEvent.createMany({
      data: Array.from({ length: 7 }, (_, i) => ({ actorId: world.users.admin.id, action: "user.updated", entityType: "User", entityId: world.users.rm.id, createdAt: new Date(base + Math.floor(i / 2) * 1000), details: { before: { name: `Old ${i}` }, after: { name: `New ${i}` } } })),
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await listAuditLog(world.actors.cio, filters(cursor ? { action: "user.updated", cursor } : { action: "user.updated" }), { pageSize: 3 });
      seen.push(...result.entries.map((e) => e.id));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const file = await exportAuditLog(world.actors.admin, filters({ action: "user.updated" }));
    const rows = [];
    for await (const row of file.rows) rows.push(row);
    expect(rows.map((r) => r.id)).toEqual(seen);
    const changes = file.columns.find((c) => c.header === "changes");
    expect(changes?.value(rows[0]!)).toMatch(/^name: Old \d → New \d$/);
  });

  it("reads every shape of details the writers store", () => {
    expect(readAuditDetails({ before: { status: "OPEN", title: "x" }, after: { status: "DONE", title: "x" } }).changes).toEqual([{ field: "status", before: "OPEN", after: "DONE" }]);
    expect(readAuditDetails({ before: { what: "Late" }, reason: "entered twice" })).toEqual({ changes: [{ field: "what", before: "Late" }], facts: [{ key: "reason", value: "entered twice" }] });
    expect(readAuditDetails({ before: true, after: false }).changes).toEqual([{ field: "value", before: true, after: false }]);
    expect(readAuditDetails({ sessions: 2 })).toEqual({ changes: [], facts: [{ key: "sessions", value: 2 }] });
    expect(readAuditDetails(null)).toEqual({ changes: [], facts: [] });
  });

  it("is for the CIO and administrators only; bad filters are refused with a message", async () => {
    for (const actor of [world.actors.rm, world.actors.client]) {
      await expect(listAuditLog(actor, filters())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(exportAuditLog(actor, filters())).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(auditFilterSchema.safeParse({ action: "'; DROP TABLE" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ since: "2026-02-30" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ since: "2026-03-02", until: "2026-03-01" }).error?.issues[0]?.message).toBe("The last day comes before the first.");
    expect(auditFilterSchema.safeParse({ extra: "x" }).success).toBe(false);
    // A cursor that is not ours reads from the newest.
    await expect(listAuditLog(world.actors.admin, filters({ cursor: "bm90IG91cnM" }))).resolves.toMatchObject({ nextCursor: null });
  });
});
