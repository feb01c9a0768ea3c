import type { Prisma } from "../../lib/generated/prisma/client";
import type { Random } from "./random";
import type { Rows } from "./rows";

// The audit trail the story's changes would have left had people made them in the app: who logged
// each interaction, each client's own ratings and the answers to campaign links, who launched each
// campaign, who planned and who closed each action. Written at each change's own time and in the
// app's own shapes (lib/data/*), so that the audit log (/admin/audit) and each record's history
// read as they will once the department uses the product. Built from the rows alone (no I/O).

type AuditRow = Prisma.AuditEventCreateManyInput;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

function interactionEvents(rows: Rows): AuditRow[] {
  const names = new Map<string, string>([...rows.users, ...rows.clients].map((u) => [u.id!, u.name]));
  const contactNames = new Map(rows.contacts.map((c) => [c.id!, c.name]));
  const attendees = new Map<string, string[]>();
  for (const a of rows.attendees) {
    const name = a.contactId ? `${contactNames.get(a.contactId)} (business)` : `${names.get(a.userId!)} (IT)`;
    attendees.set(a.interactionId, [...(attendees.get(a.interactionId) ?? []), name]);
  }
  const count = (list: { interactionId?: string | null }[]) => {
    const n = new Map<string, number>();
    for (const r of list) if (r.interactionId) n.set(r.interactionId, (n.get(r.interactionId) ?? 0) + 1);
    return n;
  };
  const quotes = count(rows.quotes);
  const followUps = count(rows.followUps);
  return rows.interactions.map((i) => ({
    actorId: i.loggedById,
    action: "interaction.created",
    entityType: "Interaction",
    entityId: i.id!,
    accountId: i.accountId,
    // What lib/data/interactions.ts records: the fields as stored, attendees by name, row counts.
    details: {
      after: {
        type: i.type ?? "MEETING",
        occurredAt: iso(i.occurredAt),
        summary: i.summary ?? null,
        topic: i.topic ?? null,
        notes: i.notes ?? null,
        sentiment: i.sentiment ?? "NEUTRAL",
        itOnTime: i.itOnTime ?? null,
        itPrepared: i.itPrepared ?? null,
        outcome: i.outcome ?? "HELD",
        cancelledBy: i.cancelledBy ?? "NOBODY",
        attendees: (attendees.get(i.id!) ?? []).sort(),
        quotes: quotes.get(i.id!) ?? 0,
        followUps: followUps.get(i.id!) ?? 0,
      },
    },
    createdAt: i.createdAt ?? i.occurredAt,
  }));
}

function ratingEvents(rows: Rows, random: Random): AuditRow[] {
  const anonymous = new Set(rows.campaigns.filter((c) => c.anonymous).map((c) => c.id!));
  const invitationOf = new Map(rows.invitations.filter((i) => i.ratingId).map((i) => [i.ratingId!, i.id]));
  return rows.ratings.map((r): AuditRow => {
    const base = { action: "rating.created", entityType: "Rating", entityId: r.id!, accountId: r.accountId, createdAt: r.createdAt };
    if (r.source !== "INVITATION") return { ...base, actorId: r.userId ?? null };
    // As lib/data/invitations.ts: an anonymous answer's event has a random id, the day only and
    // no person; another names the invitation and the contact who answered it.
    if (anonymous.has(r.campaignId!)) return { ...base, id: random.uuid().replaceAll("-", ""), actorId: null, details: { source: "INVITATION", campaignId: r.campaignId!, anonymous: true } };
    return { ...base, actorId: null, details: { source: "INVITATION", campaignId: r.campaignId!, invitationId: invitationOf.get(r.id!) ?? null, contactId: r.contactId ?? null } };
  });
}

function campaignEvents(rows: Rows): AuditRow[] {
  return rows.campaigns.map((c) => {
    const accountIds = rows.campaignAccounts.filter((a) => a.campaignId === c.id).map((a) => a.accountId);
    return {
      actorId: c.createdById ?? null,
      action: "campaign.created",
      entityType: "Campaign",
      entityId: c.id!,
      accountId: accountIds.length === 1 ? accountIds[0] : null,
      details: {
        name: c.name,
        accountIds,
        contactMode: "all",
        opensAt: iso(c.opensAt),
        closesAt: iso(c.closesAt),
        recurrence: c.recurrence ?? "NONE",
        anonymous: c.anonymous ?? false,
        askScorecard: c.askScorecard ?? false,
        minGroupSize: c.minGroupSize ?? null,
        linkValidDays: c.linkValidDays ?? null,
        reminderEveryDays: c.reminderEveryDays ?? null,
        maxReminders: c.maxReminders ?? null,
      },
      createdAt: c.createdAt,
    };
  });
}

function actionEvents(rows: Rows): AuditRow[] {
  return rows.actions.flatMap((a): AuditRow[] => {
    const { id, accountId, createdById, createdAt, closedById, closedAt, status, outcome, visibleToClient } = a;
    const created: AuditRow = {
      actorId: createdById ?? null,
      action: "action.created",
      entityType: "Action",
      entityId: id!,
      accountId,
      details: JSON.parse(JSON.stringify({ after: { ...a, status: "OPEN", outcome: null, closedAt: null, closedById: null } })) as Prisma.InputJsonValue,
      createdAt,
    };
    if (!closedAt || status === "OPEN") return [created];
    const closed: AuditRow = {
      actorId: closedById ?? null,
      action: "action.closed",
      entityType: "Action",
      entityId: id!,
      accountId,
      details: { before: { status: "OPEN" }, after: { status: status!, outcome: outcome ?? null, visibleToClient: visibleToClient ?? false, closedAt: iso(closedAt) } },
      createdAt: closedAt,
    };
    return [created, closed];
  });
}

/** Every audit event of the story, oldest first (the order the app would have written them in). */
export function auditRows(rows: Rows, random: Random): AuditRow[] {
  const events = [...interactionEvents(rows), ...ratingEvents(rows, random), ...campaignEvents(rows), ...actionEvents(rows)];
  const time = (e: AuditRow) => new Date(e.createdAt!).getTime();
  return events.sort((a, b) => time(a) - time(b));
}
