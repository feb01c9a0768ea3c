import "server-only";
import type { Level } from "../generated/prisma/enums";
import { type ContactView, listContacts } from "./contacts";
import type { Actor } from "./permissions";
import { NOT_MET_DAYS } from "./worklist";

// The unit's stakeholder map: its active contacts by influence (over decisions about IT) and
// interest (in what IT does for them), the influential ones IT has not met in a long while
// flagged: the people whose view can end a relationship (article 001: "somebody high up says…").

const DAY_MS = 86_400_000;

export interface Stakeholder extends Pick<ContactView, "id" | "name" | "title" | "role" | "influence" | "interest" | "lastMetAt"> {
  /** Whole days since IT last met them; null: never met. */
  daysSinceMet: number | null;
  /** Highly influential, and not met for NOT_MET_DAYS (or never). */
  flagged: boolean;
}

/** Contacts with this much influence are flagged when IT has not met them lately. */
const INFLUENTIAL: readonly Level[] = ["HIGH"];

/** The unit's active contacts placed by influence and interest; IT with full access only (404 otherwise). */
export async function getStakeholderMap(actor: Actor, accountId: string, now = new Date()): Promise<{ stakeholders: Stakeholder[]; notMetDays: number }> {
  const contacts = await listContacts(actor, accountId, now);
  const stakeholders = contacts
    .filter((contact) => contact.leftAt === null)
    .map(({ id, name, title, role, influence, interest, lastMetAt }) => {
      const daysSinceMet = lastMetAt ? Math.floor((now.getTime() - lastMetAt.getTime()) / DAY_MS) : null;
      const flagged = INFLUENTIAL.includes(influence) && (daysSinceMet === null || daysSinceMet >= NOT_MET_DAYS);
      return { id, name, title, role, influence, interest, lastMetAt, daysSinceMet, flagged };
    });
  return { stakeholders, notMetDays: NOT_MET_DAYS };
}
