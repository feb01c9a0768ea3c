import { buildAccount, buildContact, buildUser, toCalendarDay } from "./factories";
import { addInteractions } from "./build-interactions";
import { addActionsAndAlerts } from "./build-actions";
import { auditRows } from "./build-audit";
import { addCampaigns } from "./build-campaigns";
import { addRecords } from "./build-records";
import { seededRandom, type Random } from "./random";
import { emptyRows, type Rows } from "./rows";
import { CAMPAIGNS, clientEmail, type AccountStory } from "./story";
import type { SharedStory, StaffMember, StoryCampaign } from "./story-schema";

export const DAY = 86_400_000;
/** Fixed so that every seed writes the same story (only the dates move with `now`). */
const PRNG_SEED = 20_260_101;
/** Accounts exist a little before their first recorded event. */
const ACCOUNT_LEAD_DAYS = 10;

/** What the builders of one unit's rows share. */
export interface UnitContext {
  rows: Rows;
  random: Random;
  now: Date;
  unit: AccountStory;
  filler: SharedStory["filler"];
  accountId: string;
  createdAt: Date;
  clientUserId: string;
  cioId: string;
  staffId(key: string): string;
  /** The relationship manager on that day, or the CIO when nobody owned the relationship. */
  ownerAt(daysAgo: number): string;
  /** The business contacts still at the unit that day, the client who signs in first. */
  contactsAt(daysAgo: number): string[];
  /** A time on that day, a few hours earlier than now's time of day; never after now. */
  at(daysAgo: number): Date;
  /** That day as a calendar date (UTC midnight), for date columns. */
  day(daysAgo: number): Date;
  /** Filler wording with the unit's project in it. */
  fill(text: string): string;
}

/** The oldest day the unit's story mentions, so the account exists before all of it. */
export function storySpan(unit: AccountStory): number {
  return Math.max(
    ...unit.phases.map((p) => p.fromDaysAgo),
    ...unit.moments.map((m) => m.daysAgo),
    ...unit.earlierManagers.map((m) => m.untilDaysAgo),
    ...unit.coreSystems.map((s) => Math.ceil(s.sla.months * 30.5)),
    ...unit.incidents.map((i) => i.daysAgo),
    ...unit.projects.map((p) => p.statuses[0]!.daysAgo),
    ...unit.analystLayers.map((l) => l.daysAgo),
    ...unit.structuralEvents.map((e) => e.daysAgo),
    ...unit.goals.map((g) => g.agreedDaysAgo),
    ...unit.badNews.map((b) => b.knownDaysAgo),
    ...unit.declinedRequests.map((d) => d.daysAgo),
    ...unit.itAssessments.map((a) => a.daysAgo),
    ...unit.stageOverrides.map((o) => o.daysAgo),
    ...unit.epochs.map((e) => e.daysAgo),
    ...unit.maturity.map((m) => m.daysAgo),
  );
}

/** Turns the story into rows, deterministically for a given `now` (no I/O). */
export function buildStoryRows(
  units: readonly AccountStory[],
  staff: readonly StaffMember[],
  filler: SharedStory["filler"],
  now: Date,
  passwordHash: string,
  campaigns: readonly StoryCampaign[] = CAMPAIGNS,
): Rows {
  const random = seededRandom(PRNG_SEED);
  const rows = emptyRows();
  const oldest = Math.max(...units.map(storySpan)) + ACCOUNT_LEAD_DAYS;
  const staffIds = new Map<string, string>();
  for (const member of staff) {
    const user = buildUser({
      id: random.id(),
      email: member.email,
      name: member.name,
      role: member.role,
      passwordHash,
      createdAt: new Date(now.getTime() - oldest * DAY),
    });
    staffIds.set(member.key, user.id);
    rows.users.push(user);
  }
  const staffId = (key: string) => staffIds.get(key)!;
  const cioId = staffId(staff.find((member) => member.role === "CIO")!.key);

  for (const unit of units) {
    const createdAt = new Date(now.getTime() - (storySpan(unit) + ACCOUNT_LEAD_DAYS) * DAY);
    const account = buildAccount({
      id: random.id(),
      name: unit.name,
      description: unit.description,
      criticality: unit.criticality,
      relationshipManagerId: unit.manager ? staffId(unit.manager) : null,
      meetingCadenceDays: unit.meetingCadenceDays ?? null,
      createdAt,
    });
    rows.accounts.push({ ...account, createdAt });
    const client = buildUser({ id: random.id(), email: clientEmail(unit), name: unit.client.name, role: "CLIENT", accountId: account.id, passwordHash, createdAt });
    rows.clients.push(client);

    // Who owned the relationship when: each earlier manager until the next took over.
    const owners = [...unit.earlierManagers, { manager: unit.manager, untilDaysAgo: null }];
    let since = createdAt;
    for (const { manager, untilDaysAgo } of owners) {
      const endedAt = untilDaysAgo === null ? null : new Date(now.getTime() - untilDaysAgo * DAY);
      rows.ownerships.push({
        id: random.id(),
        accountId: account.id,
        managerId: manager ? staffId(manager) : null,
        startedAt: since,
        endedAt,
        // The CIO assigns managers; nobody assigned a period without one.
        assignedById: manager ? cioId : null,
      });
      if (endedAt) since = endedAt;
    }
    const ownerAt = (daysAgo: number) => {
      const owner = owners.find((o) => o.untilDaysAgo === null || o.untilDaysAgo < daysAgo)!.manager;
      return owner ? staffId(owner) : cioId;
    };

    const people = [{ ...unit.client, leftDaysAgo: undefined, unsubscribedDaysAgo: undefined, lastMetDaysAgo: undefined }, ...unit.contacts].map(({ leftDaysAgo, unsubscribedDaysAgo, lastMetDaysAgo, ...person }) => {
      const contact = buildContact({
        id: random.id(),
        accountId: account.id,
        name: person.name,
        title: person.title,
        email: `${person.name.toLowerCase().replace(/^dr\. /, "").replace(/[^a-z]+/g, ".")}@${unit.key}.rapport.example`,
        role: person.role,
        influence: person.influence,
        interest: person.interest,
        leftAt: leftDaysAgo === undefined ? null : new Date(now.getTime() - leftDaysAgo * DAY),
        unsubscribedAt: unsubscribedDaysAgo === undefined ? null : new Date(now.getTime() - unsubscribedDaysAgo * DAY),
        createdAt,
      });
      rows.contacts.push(contact);
      if (person.role === "SPONSOR" && leftDaysAgo === undefined) rows.sponsors.push({ accountId: account.id, contactId: contact.id });
      return { id: contact.id, leftDaysAgo, lastMetDaysAgo };
    });

    const context: UnitContext = {
      rows,
      random,
      now,
      unit,
      filler,
      accountId: account.id,
      createdAt,
      clientUserId: client.id,
      cioId,
      staffId,
      ownerAt,
      // Who may come to a meeting that day: not those who had left, nor those who had stopped meeting IT.
      contactsAt: (daysAgo) =>
        people.filter((p) => (p.leftDaysAgo === undefined || p.leftDaysAgo < daysAgo) && (p.lastMetDaysAgo === undefined || p.lastMetDaysAgo <= daysAgo)).map((p) => p.id),
      // One to eight hours earlier in the day than now, that many days ago; never after now.
      at: (daysAgo) => new Date(Math.min(now.getTime() - 3_600_000, now.getTime() - daysAgo * DAY - random.int(1, 8) * 3_600_000)),
      day: (daysAgo) => toCalendarDay(new Date(now.getTime() - daysAgo * DAY)),
      fill: (text) => text.replaceAll("{project}", unit.project),
    };
    addInteractions(context);
    addRecords(context);
    addActionsAndAlerts(context);
  }
  // After every unit: a campaign may ask several. Its own random stream, so the story's other rows
  // stay as they were.
  addCampaigns({ rows, now, units, campaigns, staffId, random: seededRandom(PRNG_SEED + 8) });
  rows.auditEvents = auditRows(rows, seededRandom(PRNG_SEED + 9));
  return rows;
}
