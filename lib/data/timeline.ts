import "server-only";
import { db } from "../db/client";
import { openAccount } from "./accounts";
import type { Actor } from "./permissions";

const PAGE_SIZE = 50;

/**
 * The account's interactions, newest first. IT sees everything; a client sees when they met, who
 * came and what each side owes, but not IT's summary, notes, sentiment or the quotes IT recorded
 * (IT writes them candidly, and they carry the symptom phrases).
 */
export async function getTimeline(actor: Actor, accountId: string, take = PAGE_SIZE) {
  const access = await openAccount(actor, accountId);
  const full = access === "full";
  const interactions = await db().interaction.findMany({
    where: { accountId },
    orderBy: { occurredAt: "desc" },
    take,
    select: {
      id: true,
      type: true,
      occurredAt: true,
      summary: full,
      cancelledBy: true,
      notes: full,
      sentiment: full,
      itOnTime: full,
      itPrepared: full,
      loggedBy: full ? { select: { name: true } } : false,
      attendees: { select: { side: true, contact: { select: { name: true } }, user: { select: { name: true } } } },
      quotes: full ? { select: { id: true, side: true, text: true }, orderBy: { createdAt: "asc" } } : false,
      followUps: { select: { id: true, description: true, owedBy: true, dueDate: true, doneAt: true }, orderBy: { dueDate: "asc" } },
    },
  });
  return { access, interactions };
}
