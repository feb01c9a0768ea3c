import "server-only";
import { cache } from "react";
import { db } from "../db/client";
import type { Criticality, Stage } from "../generated/prisma/enums";
import { idSchema } from "../validation/fields";
import { NotFoundError } from "./errors";
import { type AccountAccess, type Actor, accountAccess, canOpenAccount } from "./permissions";

type AccountRow = {
  id: string;
  name: string;
  description: string;
  meeting_cadence_days: number | null;
  archived_at: Date | null;
  criticality: Criticality;
  health_stage: Stage;
  health_score: number | null;
  health_since: Date | null;
  health_computed_at: Date | null;
  relationship_manager_id: string | null;
  manager_name: string | null;
  manager_email: string | null;
  sponsor_id: string | null;
  sponsor_name: string | null;
  sponsor_title: string | null;
};

const dateOrNull = (value: Date | null) => (value === null ? null : new Date(value));

/**
 * The account as every account page's header shows it, and who manages it (what access turns
 * on), read once per server render in one statement, its sponsor and manager joined in: the
 * page's widgets each check access (a dozen checks per page), and the header and the page both
 * show the summary; Prisma's relation selects made the summary three statements of its own.
 * cache() memoises only inside a React server render; a write and the re-check after it in a
 * server action or a test read the row again.
 */
const accountRow = cache(async (id: string) => {
  const [row] = await db().$queryRaw<AccountRow[]>`
    SELECT a.id, a.name, a.description, a.meeting_cadence_days, a.archived_at, a.criticality::text AS criticality, a.health_stage::text AS health_stage,
      a.health_score, a.health_since, a.health_computed_at, a.relationship_manager_id, m.name AS manager_name, m.email AS manager_email,
      s.id AS sponsor_id, s.name AS sponsor_name, s.title AS sponsor_title
    FROM accounts a LEFT JOIN users m ON m.id = a.relationship_manager_id LEFT JOIN contacts s ON s.id = a.sponsor_contact_id
    WHERE a.id = ${id}`;
  if (!row) return null;
  return {
    id: row.id,
    relationshipManagerId: row.relationship_manager_id,
    summary: {
      id: row.id,
      name: row.name,
      description: row.description,
      meetingCadenceDays: row.meeting_cadence_days,
      archivedAt: dateOrNull(row.archived_at),
      sponsor: row.sponsor_id === null ? null : { id: row.sponsor_id, name: row.sponsor_name as string, title: row.sponsor_title },
      criticality: row.criticality,
      healthStage: row.health_stage,
      healthScore: row.health_score,
      healthSince: dateOrNull(row.health_since),
      healthComputedAt: dateOrNull(row.health_computed_at),
      relationshipManager: row.relationship_manager_id === null ? null : { id: row.relationship_manager_id, name: row.manager_name as string, email: row.manager_email as string },
    },
  };
});

/**
 * Looks the account up and checks the actor's access to it. Missing accounts and accounts the
 * actor may not open both raise NotFoundError, so ids cannot be probed.
 */
export async function openAccount(
  actor: Actor,
  accountId: string,
  allowed: (access: AccountAccess) => boolean = canOpenAccount,
): Promise<AccountAccess> {
  const id = idSchema.safeParse(accountId);
  if (!id.success) throw new NotFoundError("account");
  const ref = await accountRow(id.data);
  const access = ref ? accountAccess(actor, ref) : "none";
  if (!allowed(access)) throw new NotFoundError("account");
  return access;
}

export async function getAccountSummary(actor: Actor, accountId: string) {
  const access = await openAccount(actor, accountId);
  // The row openAccount read (within a render; outside one, read again).
  const row = await accountRow(accountId);
  if (!row) throw new NotFoundError("account"); // deleted since
  const account = row.summary;
  // Clients see who to talk to, not IT's diagnosis or rating of them.
  if (access === "client") {
    const { healthStage: _s, healthScore: _sc, healthSince: _si, healthComputedAt: _c, criticality: _cr, ...clientView } = account;
    return { access, account: clientView, health: null };
  }
  const { healthStage, healthScore, healthSince, healthComputedAt, ...rest } = account;
  return { access, account: rest, health: { stage: healthStage, score: healthScore, since: healthSince, computedAt: healthComputedAt } };
}

/** Contacts still at the unit and IT people, who can be recorded as attendees. */
export async function getAttendeeOptions(actor: Actor, accountId: string) {
  await openAccount(actor, accountId, (access) => access === "full");
  const [contacts, itPeople] = await Promise.all([
    db().contact.findMany({ where: { accountId, leftAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, title: true } }),
    db().user.findMany({ where: { role: { not: "CLIENT" } }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } }),
  ]);
  return { contacts, itPeople };
}
