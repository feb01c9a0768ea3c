import { beforeEach, describe, expect, it } from "vitest";
import {
  addCoreSystem,
  assignManager,
  createAccount,
  deleteCoreSystem,
  editCoreSystem,
  getAccountSettings,
  getOwnershipHistory,
  listArchivedAccounts,
  listManagerChoices,
  setAccountArchived,
  updateAccount,
} from "../../lib/data/account-admin";
import { getAccountSummary, openAccount } from "../../lib/data/accounts";
import { listCoreSystems } from "../../lib/data/core-systems";
import { ForbiddenError, InputConflictError, NotFoundError } from "../../lib/data/errors";
import { canLogInteraction } from "../../lib/data/permissions";
import { getPortfolioScoreTrend, listPortfolio } from "../../lib/data/portfolio";
import { getTimeline } from "../../lib/data/timeline";
import { db } from "../../lib/db/client";
import { accountUpdateInputSchema, newAccountInputSchema } from "../../lib/validation/account";
import { coreSystemInputSchema } from "../../lib/validation/core-system";
import { createContact, createHealthSnapshot, createUser } from "../../prisma/seed/factories";
import { buildWorld, type World } from "./world";

let world: World;
beforeEach(async () => {
  world = await buildWorld();
});

const now = new Date("2026-06-01T12:00:00Z");
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

const newUnit = (overrides: Record<string, unknown> = {}) =>
  newAccountInputSchema.parse({ name: "Treasury", description: "Cash and funding", criticality: "HIGH", meetingCadenceDays: "30", relationshipManagerId: "", ...overrides });

const details = (accountId: string, overrides: Record<string, unknown> = {}) =>
  accountUpdateInputSchema.parse({ accountId, name: "Finance", criticality: "MEDIUM", sponsorContactId: "", ...overrides });

const system = (name: string) => coreSystemInputSchema.parse({ name, description: "" });

type ActorName = keyof World["actors"];
type Outcome = "ok" | "404" | "403" | "409";

async function outcome(promise: Promise<unknown>): Promise<Outcome> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof NotFoundError) return "404";
    if (error instanceof ForbiddenError) return "403";
    if (error instanceof InputConflictError) return "409";
    throw error;
  }
}

describe("who manages business units", () => {
  // Managing units is a role, not a relation to a unit: every other role is refused before any
  // lookup, so the answer says nothing about the unit (decision 002).
  const MATRIX: Record<ActorName, Outcome> = { admin: "ok", cio: "ok", rm: "403", otherRm: "403", client: "403", otherClient: "403" };

  for (const [name, expected] of Object.entries(MATRIX) as [ActorName, Outcome][]) {
    it(`${name}: ${expected} for their own unit and another's`, async () => {
      const actor = world.actors[name];
      for (const account of [world.accounts.mine, world.accounts.theirs]) {
        const id = account.id;
        const reads = [getAccountSettings(actor, id), getOwnershipHistory(actor, id)];
        for (const read of reads) expect(await outcome(read)).toBe(expected);
        expect(await outcome(updateAccount(actor, details(id, { name: account.name, description: `By ${name}` }), now))).toBe(expected);
        expect(await outcome(assignManager(actor, id, account.relationshipManagerId, now))).toBe(expected);
        expect(await outcome(setAccountArchived(actor, id, false, now))).toBe(expected);
        expect(await outcome(addCoreSystem(actor, id, system(`Ledger ${name}`), now))).toBe(expected);
      }
      expect(await outcome(createAccount(actor, newUnit({ name: `Unit of ${name}` }), now))).toBe(expected);
      expect(await outcome(listManagerChoices(actor))).toBe(expected);
      expect(await outcome(listArchivedAccounts(actor))).toBe(expected);
      if (expected !== "ok") {
        expect(await db().account.count()).toBe(2);
        expect(await db().coreSystem.count()).toBe(0);
        expect(await db().auditEvent.count()).toBe(0);
      }
    });
  }

  it("answers a unit that does not exist with 404, for the CIO too", async () => {
    for (const id of ["czzzzzzzzzzzzzzzzzzzzzzzz", "not an id"]) {
      expect(await outcome(getAccountSettings(world.actors.cio, id))).toBe("404");
      expect(await outcome(updateAccount(world.actors.cio, { ...details(world.accounts.mine.id), accountId: id }, now))).toBe("404");
      expect(await outcome(assignManager(world.actors.cio, id, null, now))).toBe("404");
      expect(await outcome(setAccountArchived(world.actors.cio, id, true, now))).toBe("404");
    }
  });
});

describe("creating a business unit", () => {
  it("writes the unit with its first owner, an audit event and a first diagnosis in one go", async () => {
    const created = await createAccount(world.actors.cio, newUnit({ relationshipManagerId: world.users.rm.id }), now);
    expect(created).toMatchObject({ name: "Treasury", stage: "INSUFFICIENT_DATA" });

    const account = await db().account.findUniqueOrThrow({ where: { id: created.id } });
    expect(account).toMatchObject({ description: "Cash and funding", criticality: "HIGH", meetingCadenceDays: 30, relationshipManagerId: world.users.rm.id, healthComputedAt: now });
    expect(await getOwnershipHistory(world.actors.cio, created.id)).toEqual([
      { id: expect.any(String), startedAt: now, endedAt: null, manager: { id: world.users.rm.id, name: world.users.rm.name }, assignedBy: world.users.cio.name },
    ]);
    expect(await db().auditEvent.findMany({ where: { entityId: created.id } })).toMatchObject([{ action: "account.created", actorId: world.users.cio.id, accountId: created.id }]);
    expect(await db().healthSnapshot.count({ where: { accountId: created.id } })).toBe(1);
    // The new manager has full access at once.
    await expect(openAccount(world.actors.rm, created.id, canLogInteraction)).resolves.toBe("full");
  });

  it("starts an unassigned unit's history with an empty owner, and the portfolio flags it", async () => {
    const { id } = await createAccount(world.actors.admin, newUnit(), now);
    expect((await getOwnershipHistory(world.actors.admin, id)).map((row) => row.manager)).toEqual([null]);
    const row = (await listPortfolio(world.actors.cio)).find((r) => r.id === id);
    expect(row).toMatchObject({ name: "Treasury", relationshipManager: null });
  });

  it("refuses a name in use, whatever its case, with a field error and nothing written", async () => {
    for (const name of ["Finance", "  finance ", "SALES"]) {
      const error = await createAccount(world.actors.admin, newUnit({ name }), now).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InputConflictError);
      expect((error as InputConflictError).fieldErrors.name?.[0]).toMatch(/already exists/);
    }
    await setAccountArchived(world.actors.admin, world.accounts.theirs.id, true, now);
    const archivedTwin = (await createAccount(world.actors.admin, newUnit({ name: "Sales" }), now).catch((e: unknown) => e)) as InputConflictError;
    expect(archivedTwin.fieldErrors.name?.[0]).toMatch(/archived business unit is called Sales: unarchive it/);
    expect(await db().account.count()).toBe(2);
    expect(await db().accountOwnership.count()).toBe(0);
  });

  it("accepts only an active relationship manager", async () => {
    const gone = await createUser(db(), { role: "RELATIONSHIP_MANAGER", deactivatedAt: now });
    for (const userId of [world.users.cio.id, world.users.client.id, gone.id, "czzzzzzzzzzzzzzzzzzzzzzzz"]) {
      const error = await createAccount(world.actors.admin, newUnit({ relationshipManagerId: userId }), now).catch((e: unknown) => e);
      expect((error as InputConflictError).fieldErrors).toEqual({ relationshipManagerId: ["Choose an active relationship manager."] });
      expect(await outcome(assignManager(world.actors.admin, world.accounts.mine.id, userId, now))).toBe("409");
    }
    expect(await db().account.count()).toBe(2);
    expect((await listManagerChoices(world.actors.cio)).map((user) => user.id).sort()).toEqual([world.users.rm.id, world.users.otherRm.id].sort());
  });

  it("validates its form: a name, a criticality, a cadence in days", () => {
    const issues = newAccountInputSchema.safeParse({ name: "X", criticality: "URGENT", meetingCadenceDays: "0x3" }).error?.issues.map((i) => i.path.join("."));
    expect(issues).toEqual(["name", "criticality", "meetingCadenceDays"]);
    expect(newAccountInputSchema.parse({ name: "Treasury", criticality: "LOW", meetingCadenceDays: "" })).toMatchObject({ meetingCadenceDays: null, description: "", relationshipManagerId: null });
  });
});

describe("editing a unit", () => {
  it("saves the details, audits only what changed, and re-diagnoses with the new cadence", async () => {
    const { result, change } = await updateAccount(
      world.actors.cio,
      details(world.accounts.mine.id, { description: "Ledgers and payroll", meetingCadenceDays: "14", sponsorContactId: world.contact.id }),
      now,
    );
    expect(result.changed.sort()).toEqual(["description", "meetingCadenceDays", "sponsorContactId"]);
    expect(change).toMatchObject({ accountName: "Finance", to: "INSUFFICIENT_DATA" });
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "account.updated" } });
    expect(audit.details).toEqual({
      before: { description: "", meetingCadenceDays: null, sponsorContactId: null },
      after: { description: "Ledgers and payroll", meetingCadenceDays: 14, sponsorContactId: world.contact.id },
    });
    expect((await getAccountSummary(world.actors.rm, world.accounts.mine.id)).account).toMatchObject({ meetingCadenceDays: 14, sponsor: { name: "Dana Finance" } });
    expect(await db().healthSnapshot.count({ where: { accountId: world.accounts.mine.id } })).toBe(1);

    // Saving the same values again changes nothing and writes no audit event.
    const again = await updateAccount(world.actors.cio, details(world.accounts.mine.id, { description: "Ledgers and payroll", meetingCadenceDays: "14", sponsorContactId: world.contact.id }), now);
    expect(again.result.changed).toEqual([]);
    expect(await db().auditEvent.count({ where: { action: "account.updated" } })).toBe(1);
  });

  it("refuses a sponsor from another unit, and another unit's name", async () => {
    const outsider = await createContact(db(), { accountId: world.accounts.theirs.id, name: "Sam Sales" });
    const sponsor = (await updateAccount(world.actors.admin, details(world.accounts.mine.id, { sponsorContactId: outsider.id }), now).catch((e: unknown) => e)) as InputConflictError;
    expect(sponsor).toBeInstanceOf(InputConflictError);
    expect(sponsor.fieldErrors).toEqual({ sponsorContactId: ["Choose one of this unit's contacts"] });

    const renamed = (await updateAccount(world.actors.admin, details(world.accounts.mine.id, { name: "sales" }), now).catch((e: unknown) => e)) as InputConflictError;
    expect(renamed.fieldErrors.name?.[0]).toMatch(/sales already exists/);
    // Its own name, in another case, is fine.
    await expect(updateAccount(world.actors.admin, details(world.accounts.mine.id, { name: "FINANCE" }), now)).resolves.toBeTruthy();
    expect(await db().account.findUniqueOrThrow({ where: { id: world.accounts.mine.id } })).toMatchObject({ name: "FINANCE", sponsorContactId: null });
  });

  it("offers active contacts as sponsors, and keeps a sponsor who left choosable", async () => {
    const left = await createContact(db(), { accountId: world.accounts.mine.id, name: "Lee Left", leftAt: now });
    const alsoLeft = await createContact(db(), { accountId: world.accounts.mine.id, name: "Ari Gone", leftAt: now });
    await db().account.update({ where: { id: world.accounts.mine.id }, data: { sponsorContactId: left.id } });
    const { sponsorChoices } = await getAccountSettings(world.actors.cio, world.accounts.mine.id);
    expect(sponsorChoices.map((c) => c.name)).toEqual(["Dana Finance", "Lee Left"]);
    expect(sponsorChoices.map((c) => c.id)).not.toContain(alsoLeft.id);
  });
});

describe("the relationship manager, and who owned the relationship when", () => {
  it("keeps the history over two reassignments, each naming who made it", async () => {
    const id = world.accounts.mine.id;
    const third = await createUser(db(), { role: "RELATIONSHIP_MANAGER", name: "Casey Third" });
    // The unit's history before: the seeded unit has its manager since the start.
    await db().accountOwnership.create({ data: { accountId: id, managerId: world.users.rm.id, startedAt: later(-100) } });

    await assignManager(world.actors.cio, id, world.users.otherRm.id, later(1));
    await assignManager(world.actors.admin, id, third.id, later(2));
    const again = await assignManager(world.actors.admin, id, third.id, later(3));
    expect(again.result.changed).toBe(false);

    const history = await getOwnershipHistory(world.actors.cio, id);
    expect(history.map((row) => [row.manager?.name ?? null, row.startedAt, row.endedAt, row.assignedBy])).toEqual([
      ["Casey Third", later(2), null, world.users.admin.name],
      [world.users.otherRm.name, later(1), later(2), world.users.cio.name],
      [world.users.rm.name, later(-100), later(1), null],
    ]);
    expect(await db().auditEvent.count({ where: { action: "account.managerAssigned", entityId: id } })).toBe(2);
    // Accountability moves with the assignment: the first manager no longer has full access.
    expect(await outcome(getTimeline(world.actors.rm, id))).toBe("404");
    await expect(openAccount({ ...world.actors.rm, id: third.id }, id, canLogInteraction)).resolves.toBe("full");
  });

  it("can leave a unit unassigned, which the portfolio flags", async () => {
    await assignManager(world.actors.cio, world.accounts.mine.id, null, now);
    const [open] = await getOwnershipHistory(world.actors.cio, world.accounts.mine.id);
    expect(open).toMatchObject({ manager: null, endedAt: null });
    const row = (await listPortfolio(world.actors.cio)).find((r) => r.id === world.accounts.mine.id);
    expect(row?.relationshipManager).toBeNull();
  });
});

describe("archiving", () => {
  it("takes the unit off the portfolio and its trend; its page and history stay for IT; unarchiving brings it back", async () => {
    const id = world.accounts.theirs.id;
    await createHealthSnapshot(db(), { accountId: id, score: 20, computedAt: later(-1) });
    await createHealthSnapshot(db(), { accountId: world.accounts.mine.id, score: 80, computedAt: later(-1) });
    await setAccountArchived(world.actors.admin, id, true, now);

    for (const actor of [world.actors.cio, world.actors.rm, world.actors.otherRm]) {
      expect((await listPortfolio(actor)).map((row) => row.name)).toEqual(["Finance"]);
    }
    const trend = await getPortfolioScoreTrend(world.actors.cio, 1, now);
    expect(trend.at(-1)).toMatchObject({ average: 80, accounts: 1 });

    expect((await getAccountSummary(world.actors.cio, id)).account.archivedAt).toEqual(now);
    expect(await outcome(getTimeline(world.actors.otherRm, id))).toBe("ok");
    expect(await db().healthSnapshot.count({ where: { accountId: id } })).toBeGreaterThan(0);
    expect(await listArchivedAccounts(world.actors.cio)).toEqual([{ id, name: "Sales", archivedAt: now }]);
    expect(await db().auditEvent.count({ where: { action: "account.archived", entityId: id } })).toBe(1);

    // Archiving twice is no change; unarchiving returns it.
    expect((await setAccountArchived(world.actors.admin, id, true, later(1))).result.changed).toBe(false);
    await setAccountArchived(world.actors.cio, id, false, later(1));
    expect((await listPortfolio(world.actors.cio)).map((row) => row.name).sort()).toEqual(["Finance", "Sales"]);
    expect(await listArchivedAccounts(world.actors.cio)).toEqual([]);
  });
});

describe("core systems", () => {
  it("are added, corrected and deleted with a reason, each audited", async () => {
    const id = world.accounts.mine.id;
    const { result } = await addCoreSystem(world.actors.cio, id, system("General ledger"), now);
    await editCoreSystem(world.actors.admin, result.id, coreSystemInputSchema.parse({ name: "General ledger", description: "SAP FI" }), now);
    expect(await listCoreSystems(world.actors.rm, id)).toMatchObject([{ id: result.id, name: "General ledger", description: "SAP FI" }]);

    await deleteCoreSystem(world.actors.cio, result.id, "Retired last year", now);
    expect(await listCoreSystems(world.actors.cio, id)).toEqual([]);
    const actions = (await db().auditEvent.findMany({ where: { entityId: result.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["coreSystem.created", "coreSystem.deleted", "coreSystem.updated"]);
  });

  it("keep one name per unit among live systems, whatever its case", async () => {
    const id = world.accounts.mine.id;
    const { result } = await addCoreSystem(world.actors.cio, id, system("Payroll"), now);
    const duplicate = (await addCoreSystem(world.actors.cio, id, system("PAYROLL"), now).catch((e: unknown) => e)) as InputConflictError;
    expect(duplicate).toBeInstanceOf(InputConflictError);
    expect(duplicate.fieldErrors.name).toEqual(["This unit already has a core system called PAYROLL."]);
    // Another unit may have its own Payroll; an edit may keep its own name.
    await expect(addCoreSystem(world.actors.cio, world.accounts.theirs.id, system("Payroll"), now)).resolves.toBeTruthy();
    await expect(editCoreSystem(world.actors.cio, result.id, system("payroll"), now)).resolves.toBeTruthy();
    const { result: other } = await addCoreSystem(world.actors.cio, id, system("Expenses"), now);
    expect(await outcome(editCoreSystem(world.actors.cio, other.id, system("Payroll"), now))).toBe("409");
    // A deleted system frees its name.
    await deleteCoreSystem(world.actors.cio, result.id, "Entered twice", now);
    await expect(addCoreSystem(world.actors.cio, id, system("Payroll"), now)).resolves.toBeTruthy();
    expect(await db().coreSystem.count({ where: { accountId: id, deletedAt: null } })).toBe(2);
  });

  it("are managed by the CIO and admins only; an unknown or deleted system is not found", async () => {
    const { result } = await addCoreSystem(world.actors.cio, world.accounts.mine.id, system("Payroll"), now);
    for (const actor of [world.actors.rm, world.actors.otherRm, world.actors.client]) {
      expect(await outcome(editCoreSystem(actor, result.id, system("Hijacked"), now))).toBe("403");
      expect(await outcome(deleteCoreSystem(actor, result.id, "no reason", now))).toBe("403");
    }
    expect(await outcome(editCoreSystem(world.actors.cio, "czzzzzzzzzzzzzzzzzzzzzzzz", system("Ghost"), now))).toBe("404");
    await deleteCoreSystem(world.actors.cio, result.id, "Mistake", now);
    expect(await outcome(editCoreSystem(world.actors.cio, result.id, system("Back"), now))).toBe("404");
    // The list is IT's: a client or another manager is told the unit does not exist.
    expect(await outcome(listCoreSystems(world.actors.client, world.accounts.mine.id))).toBe("404");
    expect(await outcome(listCoreSystems(world.actors.otherRm, world.accounts.mine.id))).toBe("404");
  });
});
