import { beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { projectKind } from "../../lib/data/kinds/project";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { projectInputSchema } from "../../lib/validation/project";
import { buildWorld, type World } from "./world";

// The one lifecycle every IT record of an account shares (lib/data/records.ts), through projects.

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date("2026-06-01T12:00:00Z");
const project = (overrides: Record<string, unknown> = {}) =>
  projectInputSchema.parse({
    name: "New ledger",
    status: "IN_PROGRESS",
    highProfile: "on",
    plannedEnd: "2026-02-01",
    budget: "100,000",
    actualCost: "210000",
    ...overrides,
  });

describe("an account's records: create, correct, delete", () => {
  it("creates with an audit event, a status history and a re-diagnosis that sees the record", async () => {
    const { result, change } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project(), now);
    expect(change).toMatchObject({ accountId: world.accounts.mine.id, accountName: "Finance", from: "INSUFFICIENT_DATA" });

    const stored = await db().project.findUniqueOrThrow({ where: { id: result.id }, include: { statusChanges: true } });
    expect(stored).toMatchObject({ accountId: world.accounts.mine.id, name: "New ledger", highProfile: true, status: "IN_PROGRESS" });
    expect(Number(stored.budget)).toBe(100_000);
    expect(stored.statusChanges).toMatchObject([{ status: "IN_PROGRESS", changedById: world.users.rm.id }]);

    const audit = await db().auditEvent.findMany({ where: { entityId: result.id } });
    expect(audit).toMatchObject([{ action: "project.created", entityType: "Project", actorId: world.users.rm.id, accountId: world.accounts.mine.id }]);

    const snapshot = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id } });
    const evidence = (snapshot.evidence as { evidence: { sourceIds: string[] }[] }).evidence;
    expect(evidence.some((e) => e.sourceIds.includes(result.id))).toBe(true);
  });

  it("audits a correction with only the fields that changed, before and after", async () => {
    const { result } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project(), now);
    const updated = await updateRecord(projectKind, world.actors.cio, result.id, project({ status: "DELIVERED", actualEnd: "2026-05-01", statusNote: "Live" }), now);
    expect(updated.result.changed).toBe(2);

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.id, action: "project.updated" } });
    expect(audit.details).toEqual({
      before: { status: "IN_PROGRESS", actualEnd: null },
      after: { status: "DELIVERED", actualEnd: "2026-05-01T00:00:00.000Z" },
    });
    const history = await db().projectStatusChange.findMany({ where: { projectId: result.id }, orderBy: { changedAt: "asc" } });
    expect(history.map((h) => [h.status, h.note])).toEqual([["IN_PROGRESS", ""], ["DELIVERED", "Live"]]);
  });

  it("writes no audit event for a correction that changes nothing", async () => {
    const { result } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project(), now);
    expect((await updateRecord(projectKind, world.actors.rm, result.id, project(), now)).result.changed).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: result.id } })).toBe(1);
  });

  it("soft-deletes with a reason: the record leaves the diagnosis, the audit keeps it", async () => {
    const { result } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project(), now);
    await deleteRecord(projectKind, world.actors.rm, result.id, "Logged against the wrong unit", now);

    const stored = await db().project.findUniqueOrThrow({ where: { id: result.id } });
    expect(stored.deleteReason).toBe("Logged against the wrong unit");
    expect(stored.deletedAt).toEqual(now);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.id, action: "project.deleted" } });
    expect(audit.details).toMatchObject({ reason: "Logged against the wrong unit", before: { name: "New ledger" } });
    const latest = await db().healthSnapshot.findFirstOrThrow({ where: { accountId: world.accounts.mine.id }, orderBy: { computedAt: "desc" } });
    expect(JSON.stringify(latest.evidence)).not.toContain(result.id);
    // A deleted record cannot be corrected or deleted again.
    await expect(updateRecord(projectKind, world.actors.rm, result.id, project(), now)).rejects.toThrow(NotFoundError);
    await expect(deleteRecord(projectKind, world.actors.rm, result.id, "again", now)).rejects.toThrow(NotFoundError);
  });

  it("lets only IT people with full access write, and hides other accounts' records as missing", async () => {
    const { result } = await createRecord(projectKind, world.actors.rm, world.accounts.mine.id, project(), now);
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(createRecord(projectKind, actor, world.accounts.mine.id, project(), now)).rejects.toThrow(NotFoundError);
      await expect(updateRecord(projectKind, actor, result.id, project({ name: "Hijacked" }), now)).rejects.toThrow("That project was not found.");
      await expect(deleteRecord(projectKind, actor, result.id, "no reason", now)).rejects.toThrow("That project was not found.");
    }
    await expect(updateRecord(projectKind, world.actors.rm, "not-an-id", project(), now)).rejects.toThrow(NotFoundError);
    expect((await db().project.findUniqueOrThrow({ where: { id: result.id } })).name).toBe("New ledger");
    for (const actor of [world.actors.admin, world.actors.cio]) {
      await expect(createRecord(projectKind, actor, world.accounts.theirs.id, project(), now)).resolves.toBeTruthy();
    }
  });
});

describe("the project form's schema", () => {
  it("names what is inconsistent", () => {
    const issues = (input: Record<string, unknown>) =>
      projectInputSchema.safeParse({ name: "X1", status: "IN_PROGRESS", plannedEnd: "2026-02-01", ...input }).error?.issues.map((i) => i.path.join("."));
    expect(issues({ status: "DELIVERED" })).toEqual(["actualEnd"]);
    expect(issues({ actualEnd: "2026-03-01" })).toEqual(["actualEnd"]);
    expect(issues({ plannedStart: "2026-03-01" })).toEqual(["plannedEnd"]);
    expect(issues({ actualCost: "10" })).toEqual(["budget"]);
    expect(issues({ plannedEnd: "2026-02-30" })).toEqual(["plannedEnd"]);
  });
});
