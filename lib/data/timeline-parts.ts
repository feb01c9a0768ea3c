import "server-only";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { Side } from "../generated/prisma/enums";
import { ms } from "../health/account-signals.sql";

// What hangs off a timeline page's interactions (who came, what each side owes, IT's quotes and
// who logged it), read in one statement for the whole page. Through Prisma's nested selects it
// was six statements per page (attendees, then their contacts and users, quotes, follow-ups, the
// loggers), each a round trip of every account page.

export interface TimelineAttendee {
  side: Side;
  contact: { name: string } | null;
  user: { name: string } | null;
}

export interface TimelineFollowUp {
  id: string;
  description: string;
  owedBy: Side;
  dueDate: Date;
  doneAt: Date | null;
}

export interface TimelineQuote {
  id: string;
  side: Side;
  text: string;
}

/** IT's parts: absent, not empty, for a client (who may not see them). */
export interface TimelineParts {
  attendees: TimelineAttendee[];
  followUps: TimelineFollowUp[];
  loggedBy?: { name: string };
  quotes?: TimelineQuote[];
}

type Row = {
  id: string;
  logged_by: string | null;
  attendees: { side: Side; contact: string | null; user: string | null }[];
  follow_ups: { id: string; description: string; owedBy: Side; due: number; done: number | null }[];
  quotes: TimelineQuote[] | null;
};

/**
 * The parts of the given interactions, by interaction id, as the timeline orders them (quotes as
 * recorded, follow-ups soonest due first; deleted ones left out). Attendees the business's first,
 * then IT's, each side in the order they were added (cuids grow with time): what the page has
 * always shown, now by an order the data states rather than the table's physical row order. `full`: IT's view, with the quotes and who logged each; without it
 * neither is read. Times travel as epoch milliseconds (a timestamp in JSON has no time zone).
 */
export async function timelineParts(interactionIds: string[], full: boolean): Promise<Map<string, TimelineParts>> {
  if (interactionIds.length === 0) return new Map();
  const itOnly = (part: Prisma.Sql) => (full ? part : Prisma.sql`NULL`);
  const rows = await db().$queryRaw<Row[]>`
    SELECT i.id,
      ${itOnly(Prisma.sql`(SELECT u.name FROM users u WHERE u.id = i.logged_by_id)`)} AS logged_by,
      (SELECT coalesce(json_agg(json_build_object('side', a.side, 'contact', c.name, 'user', u.name) ORDER BY a.side, a.id), '[]')
        FROM interaction_attendees a LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN users u ON u.id = a.user_id
        WHERE a.interaction_id = i.id) AS attendees,
      (SELECT coalesce(json_agg(json_build_object('id', f.id, 'description', f.description, 'owedBy', f.owed_by, 'due', ${ms("f.due_date")}, 'done', ${ms("f.done_at")}) ORDER BY f.due_date, f.id), '[]')
        FROM follow_ups f WHERE f.interaction_id = i.id AND f.deleted_at IS NULL) AS follow_ups,
      ${itOnly(Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', q.id, 'side', q.side, 'text', q.text) ORDER BY q.created_at, q.id), '[]')
        FROM quotes q WHERE q.interaction_id = i.id AND q.deleted_at IS NULL)`)} AS quotes
    FROM interactions i WHERE i.id = ANY(${interactionIds}::text[])`;
  return new Map(
    rows.map((row) => {
      const parts: TimelineParts = {
        attendees: row.attendees.map(({ side, contact, user }) => ({ side, contact: contact === null ? null : { name: contact }, user: user === null ? null : { name: user } })),
        followUps: row.follow_ups.map(({ id, description, owedBy, due, done }) => ({ id, description, owedBy, dueDate: new Date(due), doneAt: done === null ? null : new Date(done) })),
        ...(full && { loggedBy: { name: row.logged_by as string }, quotes: row.quotes ?? [] }),
      };
      return [row.id, parts];
    }),
  );
}
