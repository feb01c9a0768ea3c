import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { ContactRole, Level } from "../generated/prisma/enums";
import { openAccount } from "./accounts";
import { type Actor, canLogInteraction } from "./permissions";

export interface ContactView {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  role: ContactRole;
  influence: Level;
  interest: Level;
  leftAt: Date | null;
  /** The latest held, not deleted interaction they attended, up to now; null: IT has not met them. */
  lastMetAt: Date | null;
}

/**
 * When IT last met the contact `contactId` (an SQL expression) up to `now`: the latest held, not
 * deleted interaction they attended, found through the attendee index; NULL when never.
 */
export const contactLastMetSql = (contactId: Prisma.Sql, now: Date) => Prisma.sql`(SELECT max(i.occurred_at)
    FROM interaction_attendees ia
    JOIN interactions i ON i.id = ia.interaction_id
   WHERE ia.contact_id = ${contactId} AND i.outcome = 'HELD' AND i.deleted_at IS NULL AND i.occurred_at <= ${now})`;

/**
 * The unit's contacts, active ones first, each with when IT last met them: one query, the latest
 * meeting found per contact through the attendee index. IT only (a client or another manager: 404).
 */
export async function listContacts(actor: Actor, accountId: string, now = new Date()): Promise<ContactView[]> {
  await openAccount(actor, accountId, canLogInteraction);
  const rows = await db().$queryRaw<(Omit<ContactView, "leftAt" | "lastMetAt"> & { left_at: Date | null; last_met_at: Date | null })[]>`
    SELECT c.id, c.name, c.title, c.email, c.phone, c.role::text AS role, c.influence::text AS influence,
           c.interest::text AS interest, c.left_at,
           ${contactLastMetSql(Prisma.sql`c.id`, now)} AS last_met_at
    FROM contacts c
    WHERE c.account_id = ${accountId}
    ORDER BY c.left_at IS NOT NULL, c.name, c.id`;
  return rows.map(({ left_at, last_met_at, ...contact }) => ({
    ...contact,
    leftAt: left_at && new Date(left_at),
    lastMetAt: last_met_at && new Date(last_met_at),
  }));
}
