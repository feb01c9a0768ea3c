import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { NotFoundError } from "./errors";
import { type Keyset, keysetArgs } from "./keyset";
import { type Actor, canLogInteraction } from "./permissions";

// Keyset pages of a unit's contacts and interactions for the API (decision 029), and single
// records by id. IT with full access to the unit only, as the app's contacts tab and interaction
// forms (a client, or another relationship manager: not found).

/** A record of a unit the caller may not open is as missing as a record that does not exist. */
const asMissing = (label: string) => (error: unknown) => {
  throw error instanceof NotFoundError ? new NotFoundError(label) : error;
};

const contactSelect = {
  id: true,
  accountId: true,
  name: true,
  title: true,
  email: true,
  phone: true,
  role: true,
  influence: true,
  interest: true,
  leftAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ContactSelect;

export async function listContactsPage(actor: Actor, accountId: string, keyset: Keyset) {
  await openAccount(actor, accountId, canLogInteraction);
  const page = keysetArgs("createdAt", keyset);
  return db().contact.findMany({ where: { AND: [{ accountId }, page.where as Prisma.ContactWhereInput] }, orderBy: page.orderBy, take: page.take, select: contactSelect });
}

export async function getContactForApi(actor: Actor, contactId: string) {
  const id = idSchema.safeParse(contactId);
  const row = id.success ? await db().contact.findUnique({ where: { id: id.data }, select: contactSelect }) : null;
  if (!row) throw new NotFoundError("contact");
  await openAccount(actor, row.accountId, canLogInteraction).catch(asMissing("contact"));
  return row;
}

const interactionSelect = {
  id: true,
  accountId: true,
  type: true,
  occurredAt: true,
  summary: true,
  topic: true,
  notes: true,
  sentiment: true,
  itOnTime: true,
  itPrepared: true,
  outcome: true,
  cancelledBy: true,
  loggedBy: { select: { id: true, name: true } },
  createdAt: true,
  attendees: { select: { side: true, contact: { select: { id: true, name: true } }, user: { select: { id: true, name: true } } } },
  quotes: { where: { deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, side: true, text: true } },
} satisfies Prisma.InteractionSelect;

export async function listInteractionsPage(actor: Actor, accountId: string, keyset: Keyset) {
  await openAccount(actor, accountId, canLogInteraction);
  const page = keysetArgs("occurredAt", keyset);
  return db().interaction.findMany({ where: { AND: [{ accountId, deletedAt: null }, page.where as Prisma.InteractionWhereInput] }, orderBy: page.orderBy, take: page.take, select: interactionSelect });
}

export async function getInteractionForApi(actor: Actor, interactionId: string) {
  const id = idSchema.safeParse(interactionId);
  const row = id.success ? await db().interaction.findFirst({ where: { id: id.data, deletedAt: null }, select: interactionSelect }) : null;
  if (!row) throw new NotFoundError("interaction");
  await openAccount(actor, row.accountId, canLogInteraction).catch(asMissing("interaction"));
  return row;
}
