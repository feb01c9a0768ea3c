import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { openAccount } from "./accounts";
import { NotFoundError } from "./errors";
import { type Keyset, keysetArgs } from "./keyset";
import { type AccountAccess, type Actor, canLogInteraction } from "./permissions";

// Keyset pages of a unit's contacts and interactions for the API (decision 029), and single
// records by id. Contacts: IT with full access to the unit only, as the app's contacts tab (a
// client, or another relationship manager: not found). Interactions: IT with full access, and the
// unit's clients in their timeline's shape.

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

/**
 * What a client sees of an interaction, as on their timeline: when, what about (the topic), how it
 * went and who came, by name; never IT's summary, notes, sentiment or quotes (getTimeline's rule).
 */
const clientInteractionSelect = {
  id: true,
  accountId: true,
  type: true,
  occurredAt: true,
  topic: true,
  outcome: true,
  cancelledBy: true,
  attendees: { select: { side: true, contact: { select: { name: true } }, user: { select: { name: true } } } },
} satisfies Prisma.InteractionSelect;

type ClientRow = Prisma.InteractionGetPayload<{ select: typeof clientInteractionSelect }>;

const forClient = ({ attendees, ...row }: ClientRow) => ({
  access: "client" as const,
  ...row,
  attendees: attendees.map((a) => ({ side: a.side, name: a.contact?.name ?? a.user?.name ?? "" })),
});

type FullRow = Prisma.InteractionGetPayload<{ select: typeof interactionSelect }> & { access: "full" };
export type InteractionForApi = FullRow | ReturnType<typeof forClient>;

/** IT with full access reads the whole record; the unit's client its timeline's view of it. */
async function interactionsFor(access: AccountAccess, where: Prisma.InteractionWhereInput, page?: Pick<Prisma.InteractionFindManyArgs, "orderBy" | "take">): Promise<InteractionForApi[]> {
  if (access === "full") return (await db().interaction.findMany({ where, ...page, select: interactionSelect })).map((row) => ({ access: "full" as const, ...row }));
  return (await db().interaction.findMany({ where, ...page, select: clientInteractionSelect })).map(forClient);
}

export async function listInteractionsPage(actor: Actor, accountId: string, keyset: Keyset) {
  const access = await openAccount(actor, accountId);
  const page = keysetArgs("occurredAt", keyset);
  return interactionsFor(access, { AND: [{ accountId, deletedAt: null }, page.where as Prisma.InteractionWhereInput] }, { orderBy: page.orderBy, take: page.take });
}

export async function getInteractionForApi(actor: Actor, interactionId: string) {
  const id = idSchema.safeParse(interactionId);
  const found = id.success ? await db().interaction.findFirst({ where: { id: id.data, deletedAt: null }, select: { accountId: true } }) : null;
  if (!found) throw new NotFoundError("interaction");
  const access = await openAccount(actor, found.accountId).catch(asMissing("interaction"));
  const [row] = await interactionsFor(access, { id: id.data, deletedAt: null });
  if (!row) throw new NotFoundError("interaction");
  return row;
}
