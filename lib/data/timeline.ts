import "server-only";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { idSchema } from "../validation/fields";
import { encodeCursor, type TimelineQuery } from "../validation/timeline";
import { openAccount } from "./accounts";
import { NotFoundError } from "./errors";
import type { Actor } from "./permissions";
import { timelineParts } from "./timeline-parts";

export const TIMELINE_PAGE_SIZE = 20;

/**
 * One page of the account's interactions, newest first, from the cursor in `query.from` (that
 * interaction and older ones), filtered by type (`kind`) and by `side`: interactions where that
 * side spoke (a quote) or owes something (a follow-up). Keyset paging on (occurredAt, id), so a
 * page deep in years of history costs what the first does and an interaction logged meanwhile
 * never shifts one into the next page twice.
 *
 * IT sees everything; a client sees when they met, what about (the topic), who came and what each side owes, but not IT's
 * summary, notes, sentiment or the quotes IT recorded (IT writes them candidly, and they carry the
 * symptom phrases), so for a client `side` filters by follow-ups alone: it must not reveal quotes.
 */
export async function getTimeline(actor: Actor, accountId: string, query: TimelineQuery = {}, take = TIMELINE_PAGE_SIZE) {
  const access = await openAccount(actor, accountId);
  const full = access === "full";
  const { kind, side, from } = query;
  const owes = { followUps: { some: { owedBy: side, deletedAt: null } } } satisfies Prisma.InteractionWhereInput;
  const and: Prisma.InteractionWhereInput[] = [];
  if (side) and.push(full ? { OR: [{ quotes: { some: { side, deletedAt: null } } }, owes] } : owes);
  if (from) and.push({ OR: [{ occurredAt: { lt: from.at } }, { occurredAt: from.at, id: { lte: from.id } }] });

  const rows = await db().interaction.findMany({
    where: { accountId, deletedAt: null, ...(kind ? { type: kind } : {}), AND: and },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    // One more than the page: the first of the next page, whose position is the "Older" cursor.
    take: take + 1,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      summary: full,
      // Written for the client: both views show it.
      topic: true,
      outcome: true,
      cancelledBy: true,
      notes: full,
      sentiment: full,
      itOnTime: full,
      itPrepared: full,
    },
  });
  const next = rows.length > take ? rows[take] : undefined;
  const shown = rows.slice(0, take);
  // Who came, what is owed, IT's quotes: one more statement for the page (timeline-parts.ts).
  const parts = await timelineParts(shown.map((row) => row.id), full);
  return {
    access,
    interactions: shown.map((row) => ({ ...row, ...(parts.get(row.id) ?? { attendees: [], followUps: [] }) })),
    /** The cursor of the next (older) page, or null on the last page. */
    older: next ? encodeCursor({ at: next.occurredAt, id: next.id }) : null,
    query,
  };
}

export type TimelinePage = Awaited<ReturnType<typeof getTimeline>>;

/**
 * Where an interaction, or a quote or follow-up of one, sits on the account's timeline: the page
 * that starts with its interaction, and the anchor to scroll to. Evidence links land here however
 * old the record is. A follow-up logged without an interaction is in the open follow-ups summary
 * at the top of the newest page (from: null, anchor `open-<id>`). Records a client may not see (quotes) and records of other accounts are not found.
 */
export async function locateOnTimeline(actor: Actor, accountId: string, recordId: string): Promise<{ from: string | null; anchor: string }> {
  const access = await openAccount(actor, accountId);
  const id = idSchema.safeParse(recordId);
  if (!id.success) throw new NotFoundError("record");
  const position = { id: true, occurredAt: true, accountId: true, deletedAt: true } as const;
  const [interaction, quote, followUp] = await Promise.all([
    db().interaction.findFirst({ where: { id: id.data, accountId, deletedAt: null }, select: position }),
    access === "full" ? db().quote.findFirst({ where: { id: id.data, deletedAt: null }, select: { interaction: { select: position } } }) : null,
    db().followUp.findFirst({ where: { id: id.data, accountId, deletedAt: null }, select: { interaction: { select: position } } }),
  ]);
  const host = interaction ?? quote?.interaction ?? followUp?.interaction ?? null;
  if (host && host.accountId === accountId && host.deletedAt === null) return { from: encodeCursor({ at: host.occurredAt, id: host.id }), anchor: `record-${id.data}` };
  if (followUp && !followUp.interaction) return { from: null, anchor: `open-${id.data}` };
  throw new NotFoundError("record");
}
