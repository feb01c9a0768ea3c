import { beforeEach, describe, expect, it, vi } from "vitest";
import { NotFoundError } from "../../lib/data/errors";
import { projectKind } from "../../lib/data/kinds/project";
import type { Actor } from "../../lib/data/permissions";
import { getProject, listProjects } from "../../lib/data/projects";
import { createRecord, deleteRecord, updateRecord } from "../../lib/data/records";
import { db } from "../../lib/db/client";
import { projectInputSchema } from "../../lib/validation/project";
import { buildWorld, type World } from "./world";

// The Delivery section: reads with their figures, every role's access, and the form actions run
// for real against the database (only the session is faked).

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("../../lib/auth/current-actor", async () => {
  const { UnauthenticatedError } = await import("../../lib/data/errors");
  return {
    currentActor: async () => session.actor,
    requireActor: async () => {
      if (!session.actor) throw new UnauthenticatedError();
      return session.actor;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { createProjectAction, deleteProjectAction, updateProjectAction } = await import("../../app/(app)/accounts/[id]/delivery/actions");

let world: World;
beforeEach(async () => {
  world = await buildWorld();
  session.actor = null;
});

const now = new Date("2026-06-01T12:00:00Z");
const project = (overrides: Record<string, unknown> = {}) =>
  projectInputSchema.parse({ name: "New ledger", status: "IN_PROGRESS", plannedEnd: "2026-02-01", budget: "100,000", actualCost: "210000", ...overrides });
/** Added by an admin, who may write to either account. */
const addProject = (accountId = world.accounts.mine.id, overrides: Record<string, unknown> = {}) => createRecord(projectKind, world.actors.admin, accountId, project(overrides), now);

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}
const projectForm = (fields: Record<string, string> = {}) =>
  form({ name: "Close in four days", status: "IN_PROGRESS", highProfile: "on", plannedStart: "2026-01-05", plannedEnd: "2026-03-31", budget: "250,000", actualCost: "400,000", ...fields });

describe("reading the account's projects", () => {
  it("lists live projects, latest planned end first, with the figures a person reads and the status history", async () => {
    const late = await addProject(world.accounts.mine.id, { name: "Late and over", plannedEnd: "2026-02-01" });
    await updateRecord(projectKind, world.actors.rm, late.result.id, project({ name: "Late and over", status: "DELIVERED", actualEnd: "2026-05-31", scopeDeliveredPercent: "60", statusNote: "Went live" }), now);
    await addProject(world.accounts.mine.id, { name: "Not due", plannedEnd: "2026-09-30", budget: "", actualCost: "" });
    await addProject(world.accounts.mine.id, { name: "Overdue", plannedEnd: "2026-05-01", budget: "50000", actualCost: "" });
    const gone = await addProject(world.accounts.mine.id, { name: "Deleted" });
    await deleteRecord(projectKind, world.actors.rm, gone.result.id, "Duplicate entry", now);

    const projects = await listProjects(world.actors.rm, world.accounts.mine.id, now);
    expect(projects.map((p) => [p.name, p.daysLate, p.costRatio, p.budget, p.actualCost])).toEqual([
      ["Not due", null, null, null, null],
      ["Overdue", 31, null, 50_000, null],
      ["Late and over", 119, 2.1, 100_000, 210_000],
    ]);
    expect(projects[2]?.statusChanges.map((c) => [c.status, c.note, c.changedBy?.name])).toEqual([
      ["IN_PROGRESS", "", world.users.admin.name],
      ["DELIVERED", "Went live", world.users.rm.name],
    ]);
  });

  it("lets only IT people with full access read them; another account's project by id is not found", async () => {
    const mine = await addProject();
    const theirs = await addProject(world.accounts.theirs.id);
    for (const actor of [world.actors.rm, world.actors.cio, world.actors.admin]) {
      expect(await listProjects(actor, world.accounts.mine.id, now)).toHaveLength(1);
      expect((await getProject(actor, mine.result.id, now)).name).toBe("New ledger");
    }
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      await expect(listProjects(actor, world.accounts.mine.id, now)).rejects.toThrow(NotFoundError);
      await expect(getProject(actor, mine.result.id, now)).rejects.toThrow("That project was not found.");
    }
    await expect(getProject(world.actors.rm, theirs.result.id, now)).rejects.toThrow("That project was not found.");
    await expect(getProject(world.actors.rm, "not-an-id", now)).rejects.toThrow("That project was not found.");
    await deleteRecord(projectKind, world.actors.rm, mine.result.id, "Wrong unit", now);
    await expect(getProject(world.actors.rm, mine.result.id, now)).rejects.toThrow("That project was not found.");
  });
});

describe("the project form's actions", () => {
  it("adds a project, says what it did to the stage, and keeps its first status in the history", async () => {
    session.actor = world.actors.rm;
    const result = await createProjectAction(undefined, projectForm({ accountId: world.accounts.mine.id, statusNote: "Kick-off" }));
    expect(result.status).toBe("success");
    expect(result.notice).toMatch(/^Project saved: Finance (moved from Insufficient data to \w+|stays at Insufficient data)$/);
    const stored = await db().project.findFirstOrThrow({ include: { statusChanges: true } });
    expect(stored).toMatchObject({ accountId: world.accounts.mine.id, name: "Close in four days", highProfile: true, scopeDeliveredPercent: null });
    expect(stored.statusChanges).toMatchObject([{ status: "IN_PROGRESS", note: "Kick-off" }]);
  });

  it("logs a slip: the new dates and a status note, audited with before and after", async () => {
    session.actor = world.actors.rm;
    const { result } = await addProject();
    const slip = await updateProjectAction(
      undefined,
      projectForm({ recordId: result.id, name: "New ledger", highProfile: "", plannedStart: "", plannedEnd: "2026-02-01", budget: "100,000", actualCost: "310,000", status: "IN_PROGRESS", statusNote: "" }),
    );
    expect(slip.status).toBe("success");
    expect(slip.notice).toMatch(/^Project updated: Finance/);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: result.id, action: "project.updated" } });
    expect(audit.details).toEqual({ before: { actualCost: "210000" }, after: { actualCost: "310000" } });

    const same = await updateProjectAction(undefined, projectForm({ recordId: result.id, name: "New ledger", highProfile: "", plannedStart: "", plannedEnd: "2026-02-01", budget: "100,000", actualCost: "310,000" }));
    expect(same.notice).toBe("Nothing changed in the project.");
  });

  it("reports invalid fields by name and writes nothing", async () => {
    session.actor = world.actors.rm;
    const result = await createProjectAction(undefined, projectForm({ accountId: world.accounts.mine.id, name: "", plannedEnd: "2026-02-30", status: "DELIVERED", budget: "lots" }));
    expect(result.status).toBe("error");
    expect(Object.keys(result.error ?? {}).sort()).toEqual(["budget", "name", "plannedEnd"]);
    expect(result.initialValue).toMatchObject({ budget: "lots", status: "DELIVERED" });
    expect(await db().project.count()).toBe(0);
  });

  it("refuses another manager, clients and the anonymous, as if the account or project did not exist", async () => {
    const { result } = await addProject();
    for (const actor of [world.actors.otherRm, world.actors.client, world.actors.otherClient]) {
      session.actor = actor;
      expect((await createProjectAction(undefined, projectForm({ accountId: world.accounts.mine.id }))).error).toEqual({ "": ["That account was not found."] });
      expect((await updateProjectAction(undefined, projectForm({ recordId: result.id }))).error).toEqual({ "": ["That project was not found."] });
      expect((await deleteProjectAction(undefined, form({ recordId: result.id, reason: "Hijack" }))).error).toEqual({ "": ["That project was not found."] });
    }
    session.actor = null;
    expect((await createProjectAction(undefined, projectForm({ accountId: world.accounts.mine.id }))).error).toEqual({ "": ["Please sign in."] });
    expect(await db().project.count()).toBe(1);
    expect((await db().project.findUniqueOrThrow({ where: { id: result.id } })).deletedAt).toBeNull();
  });

  it("deletes with a reason, and asks for one", async () => {
    session.actor = world.actors.cio;
    const { result } = await addProject();
    const noReason = await deleteProjectAction(undefined, form({ recordId: result.id, reason: "" }));
    expect(noReason.error).toMatchObject({ reason: ["The reason must be at least 3 characters"] });
    const deleted = await deleteProjectAction(undefined, form({ recordId: result.id, reason: "Entered twice" }));
    expect(deleted.notice).toMatch(/^Project deleted: Finance/);
    expect(await db().project.findUniqueOrThrow({ where: { id: result.id } })).toMatchObject({ deleteReason: "Entered twice" });
    expect(await listProjects(world.actors.cio, world.accounts.mine.id, now)).toEqual([]);
  });
});
