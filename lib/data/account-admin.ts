import "server-only";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { recomputeAccountHealth } from "../health/recompute";
import type { AccountUpdateInput, NewAccountInput } from "../validation/account";
import type { CoreSystemInput } from "../validation/core-system";
import { openAccount } from "./accounts";
import { auditJson, changedFields, writeForAccount } from "./account-write";
import { recordAudit, type Tx } from "./audit";
import { ForbiddenError, InputConflictError } from "./errors";
import { coreSystemKind } from "./kinds/core-system";
import { type Actor, canLogInteraction, managesAccounts } from "./permissions";
import { createRecord, deleteRecord, updateRecord } from "./records";

// Business units and their one accountable owner (article 004), managed by the CIO and admins.
// Refusing another role reveals nothing about any unit, so it is a 403 before any lookup; a unit
// that does not exist is a 404 (docs/decisions/002-access-policy.md).

function assertManagesAccounts(actor: Actor) {
  if (!managesAccounts(actor)) throw new ForbiddenError("Only the CIO and administrators manage business units.");
}

/** The database's unique index is exact; people mean "finance" and "Finance" to be one unit. */
async function assertNameFree(client: Tx, name: string, exceptId?: string) {
  const twin = await client.account.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { archivedAt: true },
  });
  if (twin) throw nameTaken(name, twin.archivedAt !== null);
}

function nameTaken(name: string, archived = false) {
  const message = archived
    ? `An archived business unit is called ${name}: unarchive it, or choose another name.`
    : `A business unit called ${name} already exists.`;
  return new InputConflictError(message, { name: [message] });
}

/** Two saves racing past the check above still meet the unique index. */
async function withUniqueName<T>(name: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw nameTaken(name);
    throw error;
  }
}

/** The manager's name, for the confirmation. */
async function activeManagerName(client: Tx, userId: string, field: string): Promise<string> {
  const user = await client.user.findFirst({
    where: { id: userId, role: "RELATIONSHIP_MANAGER", deactivatedAt: null },
    select: { name: true },
  });
  if (!user) {
    const message = "Choose an active relationship manager.";
    throw new InputConflictError(message, { [field]: [message] });
  }
  return user.name;
}

/**
 * A new business unit with its first ownership row (the manager, or none yet), audited and
 * diagnosed in one transaction. There is no account yet for writeForAccount to check, and only
 * the CIO and admins may create one.
 */
export async function createAccount(actor: Actor, input: NewAccountInput, now = new Date()) {
  assertManagesAccounts(actor);
  const client = db() as unknown as Tx;
  await assertNameFree(client, input.name);
  const managerId = input.relationshipManagerId;
  if (managerId) await activeManagerName(client, managerId, "relationshipManagerId");
  return withUniqueName(
    input.name,
    db().$transaction(async (tx) => {
      const { relationshipManagerId: _manager, ...details } = input;
      const account = await tx.account.create({
        data: {
          ...details,
          relationshipManagerId: managerId,
          createdAt: now,
          ownerships: { create: { managerId, startedAt: now, assignedById: actor.id } },
        },
        select: { id: true, name: true },
      });
      await recordAudit(tx, { actorId: actor.id, action: "account.created", entityType: "Account", entityId: account.id, accountId: account.id, details: auditJson({ after: input }) });
      const diagnosis = await recomputeAccountHealth(tx, account.id, now);
      return { ...account, stage: diagnosis.stage };
    }),
  );
}

const detailsSelect = { name: true, description: true, criticality: true, meetingCadenceDays: true, sponsorContactId: true } as const;

/** Name, description, criticality, meeting cadence (a diagnosis input) and the sponsor, one of the unit's contacts. */
export async function updateAccount(actor: Actor, input: AccountUpdateInput, now = new Date()) {
  assertManagesAccounts(actor);
  const { accountId, ...details } = input;
  return withUniqueName(
    input.name,
    writeForAccount(
      actor,
      accountId,
      async (tx) => {
        await assertNameFree(tx, details.name, accountId);
        if (details.sponsorContactId) {
          const sponsor = await tx.contact.findFirst({ where: { id: details.sponsorContactId, accountId }, select: { id: true } });
          if (!sponsor) throw new InputConflictError("The sponsor must be one of this unit's contacts.", { sponsorContactId: ["Choose one of this unit's contacts"] });
        }
        const before = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: detailsSelect });
        const after = await tx.account.update({ where: { id: accountId }, data: details, select: detailsSelect });
        const changes = changedFields(before, after) as { before: object };
        const changed = Object.keys(changes.before);
        return {
          result: { changed },
          audit: changed.length ? { action: "account.updated", entityType: "Account", entityId: accountId, details: changes } : null,
        };
      },
      { now },
    ),
  );
}

/** Archived units leave the portfolio and keep everything recorded about them. */
export async function setAccountArchived(actor: Actor, accountId: string, archived: boolean, now = new Date()) {
  assertManagesAccounts(actor);
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      const { archivedAt } = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { archivedAt: true } });
      if ((archivedAt !== null) === archived) return { result: { changed: false }, audit: null };
      const after = archived ? now : null;
      await tx.account.update({ where: { id: accountId }, data: { archivedAt: after } });
      return {
        result: { changed: true },
        audit: {
          action: archived ? "account.archived" : "account.unarchived",
          entityType: "Account",
          entityId: accountId,
          details: auditJson({ before: { archivedAt }, after: { archivedAt: after } }),
        },
      };
    },
    { now },
  );
}

/**
 * Hands the relationship to another manager (or to nobody): the open ownership row ends now and a
 * new one starts, naming who made the change, so the history says who was accountable when.
 */
export async function assignManager(actor: Actor, accountId: string, managerId: string | null, now = new Date()) {
  assertManagesAccounts(actor);
  const managerName = managerId ? await activeManagerName(db() as unknown as Tx, managerId, "managerId") : null;
  return writeForAccount(
    actor,
    accountId,
    async (tx) => {
      // Two reassignments at once must not both leave an ownership row open.
      await tx.$queryRaw`SELECT id FROM accounts WHERE id = ${accountId} FOR NO KEY UPDATE`;
      const { relationshipManagerId: previous } = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { relationshipManagerId: true } });
      if (previous === managerId) return { result: { changed: false, managerName }, audit: null };
      await tx.accountOwnership.updateMany({ where: { accountId, endedAt: null }, data: { endedAt: now } });
      await tx.accountOwnership.create({ data: { accountId, managerId, startedAt: now, assignedById: actor.id } });
      await tx.account.update({ where: { id: accountId }, data: { relationshipManagerId: managerId } });
      return {
        result: { changed: true, managerName },
        audit: {
          action: "account.managerAssigned",
          entityType: "Account",
          entityId: accountId,
          details: { before: { relationshipManagerId: previous }, after: { relationshipManagerId: managerId } },
        },
      };
    },
    { now },
  );
}

// Core systems are part of the unit's settings: the same lifecycle as every IT record, for the
// CIO and admins only.

export async function addCoreSystem(actor: Actor, accountId: string, input: CoreSystemInput, now = new Date()) {
  assertManagesAccounts(actor);
  return createRecord(coreSystemKind, actor, accountId, input, now);
}

export async function editCoreSystem(actor: Actor, coreSystemId: string, input: CoreSystemInput, now = new Date()) {
  assertManagesAccounts(actor);
  return updateRecord(coreSystemKind, actor, coreSystemId, input, now);
}

export async function deleteCoreSystem(actor: Actor, coreSystemId: string, reason: string, now = new Date()) {
  assertManagesAccounts(actor);
  return deleteRecord(coreSystemKind, actor, coreSystemId, reason, now);
}

// ——— reads for the settings page ———

/** The unit's details as the settings form edits them, and the contacts the sponsor is chosen from. */
export async function getAccountSettings(actor: Actor, accountId: string) {
  assertManagesAccounts(actor);
  await openAccount(actor, accountId, canLogInteraction);
  const [account, contacts] = await Promise.all([
    db().account.findUniqueOrThrow({
      where: { id: accountId },
      select: { id: true, ...detailsSelect, archivedAt: true, relationshipManagerId: true, relationshipManager: { select: { name: true, deactivatedAt: true } } },
    }),
    db().contact.findMany({ where: { accountId }, orderBy: { name: "asc" }, select: { id: true, name: true, title: true, leftAt: true } }),
  ]);
  // A sponsor who has left stays choosable while they are the sponsor, so saving other details keeps them.
  const sponsorChoices = contacts.filter((contact) => contact.leftAt === null || contact.id === account.sponsorContactId);
  return { account, sponsorChoices };
}

/** Active relationship managers, for the assignment picker. */
export async function listManagerChoices(actor: Actor) {
  assertManagesAccounts(actor);
  return db().user.findMany({
    where: { role: "RELATIONSHIP_MANAGER", deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** Who owned the relationship when, newest first, and who made each assignment. */
export async function getOwnershipHistory(actor: Actor, accountId: string) {
  assertManagesAccounts(actor);
  await openAccount(actor, accountId, canLogInteraction);
  const rows = await db().accountOwnership.findMany({
    where: { accountId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { id: true, startedAt: true, endedAt: true, assignedById: true, manager: { select: { id: true, name: true } } },
  });
  // The assigner has no relation in the schema: one lookup for all of them.
  const assignerIds = [...new Set(rows.flatMap((row) => (row.assignedById ? [row.assignedById] : [])))];
  const assigners = new Map(
    (await db().user.findMany({ where: { id: { in: assignerIds } }, select: { id: true, name: true } })).map((user) => [user.id, user.name]),
  );
  return rows.map(({ assignedById, ...row }) => ({ ...row, assignedBy: assignedById ? (assigners.get(assignedById) ?? null) : null }));
}

/** Units that left the portfolio, so they can be found and brought back. */
export async function listArchivedAccounts(actor: Actor) {
  assertManagesAccounts(actor);
  return db().account.findMany({ where: { archivedAt: { not: null } }, orderBy: { name: "asc" }, select: { id: true, name: true, archivedAt: true } });
}
