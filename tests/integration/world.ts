import type { User } from "../../lib/generated/prisma/client";
import { db } from "../../lib/db/client";
import type { Actor } from "../../lib/data/permissions";
import { createAccount, createContact, createUser } from "../../prisma/seed/factories";

export const actorOf = (user: User): Actor => ({
  id: user.id,
  role: user.role,
  accountId: user.accountId,
  name: user.name,
  email: user.email,
});

/**
 * Two accounts and a user of every role: `rm` manages `mine`, `otherRm` manages `theirs`,
 * `client` belongs to `mine`, `otherClient` to `theirs`.
 */
export async function buildWorld() {
  const prisma = db();
  const rm = await createUser(prisma, { role: "RELATIONSHIP_MANAGER" });
  const otherRm = await createUser(prisma, { role: "RELATIONSHIP_MANAGER" });
  const mine = await createAccount(prisma, { name: "Finance", relationshipManagerId: rm.id });
  const theirs = await createAccount(prisma, { name: "Sales", relationshipManagerId: otherRm.id });
  const [admin, cio, client, otherClient, contact] = await Promise.all([
    createUser(prisma, { role: "ADMIN" }),
    createUser(prisma, { role: "CIO" }),
    createUser(prisma, { role: "CLIENT", accountId: mine.id }),
    createUser(prisma, { role: "CLIENT", accountId: theirs.id }),
    createContact(prisma, { accountId: mine.id, name: "Dana Finance" }),
  ]);
  return {
    accounts: { mine, theirs },
    contact,
    users: { admin, cio, rm, otherRm, client, otherClient },
    actors: {
      admin: actorOf(admin),
      cio: actorOf(cio),
      rm: actorOf(rm),
      otherRm: actorOf(otherRm),
      client: actorOf(client),
      otherClient: actorOf(otherClient),
    },
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** A calendar day `days` from today (UTC), as a date field sends it: due dates are bounded by the interaction's day. */
export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A valid interaction for `accountId`, as the form would submit it after validation. */
export function interactionInput(accountId: string, overrides: Record<string, unknown> = {}) {
  return {
    accountId,
    type: "MEETING" as const,
    occurredAt: new Date(Date.now() - 3_600_000),
    summary: "Quarterly review",
    topic: "",
    notes: "",
    sentiment: "NEGATIVE" as const,
    itOnTime: false,
    itPrepared: true,
    outcome: "HELD" as const,
    cancelledBy: "NOBODY" as const,
    attendeeContactIds: [] as string[],
    attendeeUserIds: [] as string[],
    quotes: [{ side: "BUSINESS" as const, text: "IT just doesn't get it" }],
    followUps: [{ description: "Send the revised plan", owedBy: "IT" as const, dueDate: daysFromNow(14) }],
    ...overrides,
  };
}

export function ratingInput(accountId: string, overrides: Record<string, unknown> = {}) {
  return {
    accountId,
    overall: 2,
    recommend: 3,
    comment: "Slow to respond",
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}
