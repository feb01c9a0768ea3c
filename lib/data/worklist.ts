import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Level } from "../generated/prisma/enums";
import { actionsAssignedTo } from "./actions";
import { contactLastMetSql } from "./contacts";
import { ForbiddenError } from "./errors";
import { reviewSchedule } from "./goals";
import { type Actor, accountAccess, canLogInteraction, seesPortfolio } from "./permissions";

// A relationship manager's worklist (issue 10 §2, decision 024): what they owe, what to chase and
// what falls due across the units they manage. Every section is one statement over all of their
// units (never one per unit), and each row is checked against the access policy again, so the
// list can only ever hold units the caller has full access to.

const DAY_MS = 86_400_000;
/** How many rows a section shows; the rest are counted ("and 12 more"). */
export const WORKLIST_SECTION_SIZE = 25;
/** Meetings and goal reviews falling due this soon are listed before they are late. */
export const DUE_SOON_DAYS = 7;
/** An active contact IT has not met for this long is worth a call. */
export const NOT_MET_DAYS = 90;

/** Midnight UTC of `now`: due dates are calendar days, overdue once the day has passed. */
const startOfDay = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
const toDate = (value: Date | string) => new Date(value);

interface UnitRef {
  accountId: string;
  accountName: string;
}

export interface FollowUpItem extends UnitRef {
  id: string;
  description: string;
  dueDate: Date;
  overdue: boolean;
}

export interface MeetingDue extends UnitRef {
  cadenceDays: number;
  /** The latest held meeting, call, workshop or review; null when none is recorded. */
  lastMetAt: Date | null;
  dueOn: Date;
  overdue: boolean;
}

export interface ContactNotMet extends UnitRef {
  id: string;
  name: string;
  title: string | null;
  influence: Level;
  lastMetAt: Date | null;
}

export interface GoalReviewDue extends UnitRef {
  id: string;
  title: string;
  dueOn: Date;
  overdue: boolean;
}

export interface UnansweredInvitation extends UnitRef {
  id: string;
  campaignId: string;
  campaignName: string;
  contactName: string;
  contactEmail: string | null;
  sentAt: Date;
  /** When the link stops working: its own expiry or the campaign's close, whichever is first. */
  lapsesAt: Date;
  remindersSent: number;
}

export interface AssignedAction extends UnitRef {
  id: string;
  title: string;
  dueDate: Date;
  overdue: boolean;
}

export interface Section<T> {
  items: T[];
  /** Every matching row, of which `items` are the first WORKLIST_SECTION_SIZE. */
  total: number;
}

export interface Worklist {
  /** The units the caller manages (not archived), by name. */
  units: { id: string; name: string; meetingCadenceDays: number | null }[];
  itOwes: Section<FollowUpItem>;
  clientOwes: Section<FollowUpItem>;
  meetingsDue: MeetingDue[];
  contactsNotMet: Section<ContactNotMet>;
  goalReviewsDue: GoalReviewDue[];
  invitations: Section<UnansweredInvitation>;
  /** Open actions the caller owns, on any unit they have full access to (the CIO's: any unit). */
  actions: Section<AssignedAction>;
}

interface Owned {
  account_id: string;
  account_name: string;
  relationship_manager_id: string | null;
}

/** The access policy again, row by row: only units the caller has full access to stay. */
function theirs<R extends Owned>(actor: Actor, rows: R[]): R[] {
  return rows.filter((row) => canLogInteraction(accountAccess(actor, { id: row.account_id, relationshipManagerId: row.relationship_manager_id })));
}

const unit = (row: Owned): UnitRef => ({ accountId: row.account_id, accountName: row.account_name });
const section = <T>(items: T[], rows: { total: number }[]): Section<T> => ({ items, total: rows[0]?.total ?? 0 });

/**
 * The caller's worklist: the units whose relationship manager they are (the CIO and admins too:
 * their own units, if any). IT roles only; a client has their account's page instead.
 */
export async function getWorklist(actor: Actor, now = new Date()): Promise<Worklist> {
  if (!seesPortfolio(actor)) throw new ForbiddenError("The worklist is for IT's relationship managers.");
  const [units, followUps, contacts, goals, invitations, actions] = await Promise.all([
    unitsWithLastConversation(actor.id, now),
    openFollowUps(actor.id),
    contactsNotMetSince(actor.id, new Date(now.getTime() - NOT_MET_DAYS * DAY_MS), now),
    openGoals(actor.id, now),
    unansweredInvitations(actor.id, now),
    actionsAssignedTo(actor, actor.id, now),
  ]);
  const today = startOfDay(now);
  const soon = new Date(today.getTime() + DUE_SOON_DAYS * DAY_MS);

  const followUpsOf = (side: "IT" | "BUSINESS") => {
    const rows = theirs(actor, followUps).filter((row) => row.owed_by === side);
    return section(
      rows.map((row) => ({ ...unit(row), id: row.id, description: row.description, dueDate: toDate(row.due_date), overdue: toDate(row.due_date) < today })),
      rows,
    );
  };

  const mine = theirs(actor, units);
  const meetingsDue = mine
    .flatMap((row) => {
      if (row.meeting_cadence_days === null) return [];
      const lastMetAt = row.last_conversation_at && toDate(row.last_conversation_at);
      // A unit never met is due one cadence after it was set up, not since the beginning of time.
      const dueOn = startOfDay(new Date((lastMetAt ?? toDate(row.created_at)).getTime() + row.meeting_cadence_days * DAY_MS));
      return dueOn <= soon ? [{ ...unit(row), cadenceDays: row.meeting_cadence_days, lastMetAt, dueOn, overdue: dueOn < today }] : [];
    })
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime() || a.accountName.localeCompare(b.accountName));

  const goalReviewsDue = theirs(actor, goals)
    .flatMap((row) => {
      const goal = { agreedAt: toDate(row.agreed_at), reviewEveryDays: row.review_every_days, closedAt: row.closed_at && toDate(row.closed_at) };
      const { nextReviewDue, overdue } = reviewSchedule(goal, row.last_reviewed_at && toDate(row.last_reviewed_at), now);
      return nextReviewDue && nextReviewDue <= soon ? [{ ...unit(row), id: row.id, title: row.title, dueOn: nextReviewDue, overdue }] : [];
    })
    .sort((a, b) => a.dueOn.getTime() - b.dueOn.getTime());

  const contactRows = theirs(actor, contacts);
  const invitationRows = theirs(actor, invitations);
  return {
    units: mine.map((row) => ({ id: row.account_id, name: row.account_name, meetingCadenceDays: row.meeting_cadence_days })),
    itOwes: followUpsOf("IT"),
    clientOwes: followUpsOf("BUSINESS"),
    meetingsDue,
    contactsNotMet: section(
      contactRows.map((row) => ({ ...unit(row), id: row.id, name: row.name, title: row.title, influence: row.influence, lastMetAt: row.last_met_at && toDate(row.last_met_at) })),
      contactRows,
    ),
    goalReviewsDue,
    invitations: section(
      invitationRows.map((row) => ({
        ...unit(row),
        id: row.id,
        campaignId: row.campaign_id,
        campaignName: row.campaign_name,
        contactName: row.contact_name,
        contactEmail: row.contact_email,
        sentAt: toDate(row.sent_at),
        lapsesAt: toDate(row.lapses_at),
        remindersSent: row.reminders_sent,
      })),
      invitationRows,
    ),
    actions: {
      items: actions
        .slice(0, WORKLIST_SECTION_SIZE)
        .map((action) => ({ accountId: action.account.id, accountName: action.account.name, id: action.id, title: action.title, dueDate: action.dueDate, overdue: action.overdue })),
      total: actions.length,
    },
  };
}

/** The caller's units, each with its latest held conversation (the cadence rule's kinds of contact). */
function unitsWithLastConversation(managerId: string, now: Date) {
  return db().$queryRaw<(Owned & { meeting_cadence_days: number | null; created_at: Date; last_conversation_at: Date | null })[]>`
    SELECT a.id AS account_id, a.name AS account_name, a.relationship_manager_id, a.meeting_cadence_days, a.created_at,
           (SELECT max(i.occurred_at) FROM interactions i
             WHERE i.account_id = a.id AND i.deleted_at IS NULL AND i.outcome = 'HELD'
               AND i.type IN ('MEETING', 'CALL', 'WORKSHOP', 'REVIEW') AND i.occurred_at <= ${now}) AS last_conversation_at
    FROM accounts a
    WHERE a.relationship_manager_id = ${managerId} AND a.archived_at IS NULL
    ORDER BY a.name, a.id`;
}

/** Open follow-ups of the caller's units, the first of each side by due date (overdue first), with each side's count. */
function openFollowUps(managerId: string) {
  return db().$queryRaw<(Owned & { id: string; description: string; owed_by: "IT" | "BUSINESS"; due_date: Date; total: number })[]>`
    SELECT * FROM (
      SELECT f.id, f.account_id, a.name AS account_name, a.relationship_manager_id, f.description, f.owed_by::text AS owed_by, f.due_date,
             row_number() OVER (PARTITION BY f.owed_by ORDER BY f.due_date, f.id) AS n,
             (count(*) OVER (PARTITION BY f.owed_by))::int AS total
      FROM follow_ups f JOIN accounts a ON a.id = f.account_id
      WHERE a.relationship_manager_id = ${managerId} AND a.archived_at IS NULL AND f.done_at IS NULL AND f.deleted_at IS NULL
    ) ranked
    WHERE n <= ${WORKLIST_SECTION_SIZE}
    ORDER BY due_date, id`;
}

/**
 * Active contacts of the caller's units not met since `since` (or never, once they have been known
 * that long): the most influential first, then the longest unmet.
 */
function contactsNotMetSince(managerId: string, since: Date, now: Date) {
  return db().$queryRaw<(Owned & { id: string; name: string; title: string | null; influence: Level; last_met_at: Date | null; total: number })[]>`
    SELECT *, (count(*) OVER ())::int AS total FROM (
      SELECT c.id, c.name, c.title, c.influence::text AS influence, c.created_at, c.account_id, a.name AS account_name, a.relationship_manager_id,
             ${contactLastMetSql(Prisma.sql`c.id`, now)} AS last_met_at
      FROM contacts c JOIN accounts a ON a.id = c.account_id
      WHERE a.relationship_manager_id = ${managerId} AND a.archived_at IS NULL AND c.left_at IS NULL
    ) met
    WHERE coalesce(last_met_at, created_at) < ${since}
    ORDER BY CASE influence WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, last_met_at NULLS FIRST, name, id
    LIMIT ${WORKLIST_SECTION_SIZE}`;
}

/** The caller's units' open goals with their latest review; the schedule is the Goals section's own. */
function openGoals(managerId: string, now: Date) {
  return db().$queryRaw<(Owned & { id: string; title: string; agreed_at: Date; review_every_days: number; closed_at: Date | null; last_reviewed_at: Date | null })[]>`
    SELECT g.id, g.title, g.agreed_at, g.review_every_days, g.closed_at, g.account_id, a.name AS account_name, a.relationship_manager_id,
           (SELECT max(r.reviewed_at) FROM goal_reviews r WHERE r.goal_id = g.id AND r.deleted_at IS NULL) AS last_reviewed_at
    FROM goals g JOIN accounts a ON a.id = g.account_id
    WHERE a.relationship_manager_id = ${managerId} AND a.archived_at IS NULL AND g.deleted_at IS NULL AND (g.closed_at IS NULL OR g.closed_at > ${now})
    ORDER BY g.id`;
}

/**
 * Rating requests emailed to the caller's units' contacts and not answered while the link still
 * works, the soonest to lapse first. Anonymous campaigns are left out: whether a person answered
 * one is never shown.
 */
function unansweredInvitations(managerId: string, now: Date) {
  return db().$queryRaw<
    (Owned & { id: string; campaign_id: string; campaign_name: string; contact_name: string; contact_email: string | null; sent_at: Date; lapses_at: Date; reminders_sent: number; total: number })[]
  >`
    SELECT inv.id, inv.campaign_id, cp.name AS campaign_name, ct.name AS contact_name, ct.email AS contact_email, inv.sent_at, inv.reminders_sent,
           least(coalesce(inv.expires_at, cp.closes_at), cp.closes_at) AS lapses_at,
           inv.account_id, a.name AS account_name, a.relationship_manager_id, (count(*) OVER ())::int AS total
    FROM rating_invitations inv
    JOIN campaigns cp ON cp.id = inv.campaign_id
    JOIN accounts a ON a.id = inv.account_id
    JOIN contacts ct ON ct.id = inv.contact_id
    WHERE a.relationship_manager_id = ${managerId} AND a.archived_at IS NULL
      AND cp.status = 'OPEN' AND cp.closes_at > ${now} AND NOT cp.anonymous
      AND inv.skipped_reason IS NULL AND inv.sent_at IS NOT NULL AND inv.answered_at IS NULL AND inv.revoked_at IS NULL
      AND (inv.expires_at IS NULL OR inv.expires_at > ${now})
    ORDER BY lapses_at, ct.name, inv.id
    LIMIT ${WORKLIST_SECTION_SIZE}`;
}
