import "server-only";
// The structure section's names for its signs, so a link says what the section says.
import { STRUCTURAL_KIND_TEXT } from "../../components/structure/structural-kinds";
import { db } from "../db/client";
import { formatDate, humanize } from "../format";
import { RECORD_TYPES, type RecordType } from "../validation/history";

// Every kind of record an account's evidence or change history can name: how to find a batch of
// them (one query per kind), what a person calls one ("Meeting, 3 Mar 2026: Quarterly review"),
// and where it is shown. Interactions and what hangs off them live on the timeline, reached
// through /accounts/<id>/record/<recordId> however old they are; the other kinds are listed whole
// on their section page, each under the anchor `#record-<id>`.

export interface RecordName {
  id: string;
  entityType: RecordType;
  accountId: string;
  /** "Meeting, 3 Mar 2026: Quarterly review", "Project “New ledger”", "Rating of 12 May 2026". */
  name: string;
  href: string;
  /** Soft-deleted (or a withdrawn rating): named in the history, never linked as evidence. */
  deleted: boolean;
}

interface Found {
  id: string;
  accountId: string;
  name: string;
  deleted: boolean;
}

/** A batch lookup; `live` leaves out deleted records. */
type Loader = (ids: string[], live: boolean) => Promise<Found[]>;

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const quoted = (text: string) => `“${short(text)}”`;
const live = (only: boolean) => (only ? { deletedAt: null } : {});
const gone = (row: { deletedAt: Date | null }) => row.deletedAt !== null;


const interactionName = (i: { type: string; occurredAt: Date }) => `${humanize(i.type)}, ${formatDate(i.occurredAt)}`;

const KINDS = {
  Interaction: {
    section: "timeline",
    load: async (ids, only) =>
      (await db().interaction.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, type: true, occurredAt: true, summary: true, deletedAt: true } })).map(
        (i) => ({ id: i.id, accountId: i.accountId, name: `${interactionName(i)}: ${short(i.summary)}`, deleted: gone(i) }),
      ),
  },
  Quote: {
    section: "timeline",
    load: async (ids, only) =>
      (
        await db().quote.findMany({
          where: { id: { in: ids }, ...live(only) },
          select: { id: true, text: true, deletedAt: true, interaction: { select: { accountId: true, type: true, occurredAt: true } } },
        })
      ).map((q) => ({ id: q.id, accountId: q.interaction.accountId, name: `Quote ${quoted(q.text)} (${interactionName(q.interaction)})`, deleted: gone(q) })),
  },
  FollowUp: {
    section: "timeline",
    load: async (ids, only) =>
      (await db().followUp.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, description: true, dueDate: true, deletedAt: true } })).map((f) => ({
        id: f.id,
        accountId: f.accountId,
        name: `Follow-up ${quoted(f.description)}, due ${formatDate(f.dueDate)}`,
        deleted: gone(f),
      })),
  },
  Rating: {
    section: "",
    load: async (ids, only) =>
      (
        await db().rating.findMany({ where: { id: { in: ids }, ...(only ? { withdrawnAt: null } : {}) }, select: { id: true, accountId: true, createdAt: true, overall: true, withdrawnAt: true } })
      ).map((r) => ({ id: r.id, accountId: r.accountId, name: `Rating of ${formatDate(r.createdAt)} (${r.overall}/5)`, deleted: r.withdrawnAt !== null })),
  },
  Project: {
    section: "delivery",
    load: async (ids, only) =>
      (await db().project.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, name: true, deletedAt: true } })).map((p) => ({
        id: p.id,
        accountId: p.accountId,
        name: `Project ${quoted(p.name)}`,
        deleted: gone(p),
      })),
  },
  SlaPeriod: {
    section: "reliability",
    load: async (ids, only) =>
      (
        await db().slaPeriod.findMany({
          where: { id: { in: ids }, ...live(only) },
          select: { id: true, accountId: true, periodStart: true, periodEnd: true, deletedAt: true, coreSystem: { select: { name: true } } },
        })
      ).map((s) => ({
        id: s.id,
        accountId: s.accountId,
        name: `SLA period ${formatDate(s.periodStart)} – ${formatDate(s.periodEnd)}${s.coreSystem ? ` (${s.coreSystem.name})` : ""}`,
        deleted: gone(s),
      })),
  },
  Incident: {
    section: "reliability",
    load: async (ids, only) =>
      (await db().incident.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, title: true, occurredAt: true, major: true, deletedAt: true } })).map((i) => ({
        id: i.id,
        accountId: i.accountId,
        name: `${i.major ? "Major incident" : "Incident"}, ${formatDate(i.occurredAt)}: ${short(i.title)}`,
        deleted: gone(i),
      })),
  },
  AnalystLayerCount: {
    section: "structure",
    load: async (ids, only) =>
      (await db().analystLayerCount.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, countedAt: true, count: true, deletedAt: true } })).map((l) => ({
        id: l.id,
        accountId: l.accountId,
        name: `Analyst layers counted ${formatDate(l.countedAt)}: ${l.count}`,
        deleted: gone(l),
      })),
  },
  StructuralEvent: {
    section: "structure",
    load: async (ids, only) =>
      (await db().structuralEvent.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, kind: true, occurredAt: true, deletedAt: true } })).map((e) => ({
        id: e.id,
        accountId: e.accountId,
        name: `${STRUCTURAL_KIND_TEXT[e.kind].label}, ${formatDate(e.occurredAt)}`,
        deleted: gone(e),
      })),
  },
  Goal: {
    section: "goals",
    load: async (ids, only) =>
      (await db().goal.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, title: true, deletedAt: true } })).map((g) => ({
        id: g.id,
        accountId: g.accountId,
        name: `Goal ${quoted(g.title)}`,
        deleted: gone(g),
      })),
  },
  GoalReview: {
    section: "goals",
    load: async (ids, only) =>
      (
        await db().goalReview.findMany({
          where: { id: { in: ids }, ...live(only) },
          select: { id: true, reviewedAt: true, deletedAt: true, goal: { select: { accountId: true, title: true } } },
        })
      ).map((r) => ({ id: r.id, accountId: r.goal.accountId, name: `Review of goal ${quoted(r.goal.title)}, ${formatDate(r.reviewedAt)}`, deleted: gone(r) })),
  },
  BadNews: {
    section: "bad-news",
    load: async (ids, only) =>
      (await db().badNews.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, what: true, knownAt: true, deletedAt: true } })).map((b) => ({
        id: b.id,
        accountId: b.accountId,
        name: `Bad news, ${formatDate(b.knownAt)}: ${short(b.what)}`,
        deleted: gone(b),
      })),
  },
  DeclinedRequest: {
    section: "requests",
    load: async (ids, only) =>
      (await db().declinedRequest.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, request: true, declinedAt: true, deletedAt: true } })).map((d) => ({
        id: d.id,
        accountId: d.accountId,
        name: `Declined request, ${formatDate(d.declinedAt)}: ${short(d.request)}`,
        deleted: gone(d),
      })),
  },
  ItAssessment: {
    section: "assessment",
    load: async (ids, only) =>
      (await db().itAssessment.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, assessedAt: true, deletedAt: true } })).map((t) => ({
        id: t.id,
        accountId: t.accountId,
        name: `IT's assessment of ${formatDate(t.assessedAt)}`,
        deleted: gone(t),
      })),
  },
  Contact: {
    section: "contacts",
    load: async (ids) =>
      (await db().contact.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, name: true } })).map((c) => ({
        id: c.id,
        accountId: c.accountId,
        name: `Contact ${c.name}`,
        deleted: false,
      })),
  },
  CoreSystem: {
    section: "settings",
    load: async (ids, only) =>
      (await db().coreSystem.findMany({ where: { id: { in: ids }, ...live(only) }, select: { id: true, accountId: true, name: true, deletedAt: true } })).map((c) => ({
        id: c.id,
        accountId: c.accountId,
        name: `Core system ${quoted(c.name)}`,
        deleted: gone(c),
      })),
  },
  StageOverride: {
    // Listed in the account header's override history, on every account page.
    section: "",
    load: async (ids) =>
      (await db().stageOverride.findMany({ where: { id: { in: ids } }, select: { id: true, accountId: true, stage: true, createdAt: true } })).map((o) => ({
        id: o.id,
        accountId: o.accountId,
        name: `${humanize(o.stage)} override of ${formatDate(o.createdAt)}`,
        deleted: false,
      })),
  },
} satisfies Record<RecordType, { section: string; load: Loader }>;

/** Where a record is shown: the timeline's landing route, or its section page at its anchor. */
function hrefOf(entityType: RecordType, accountId: string, id: string): string {
  const section = KINDS[entityType].section;
  if (section === "timeline") return `/accounts/${accountId}/record/${id}`;
  return `/accounts/${accountId}${section ? `/${section}` : ""}#record-${id}`;
}

/** Names a batch of records of the given kinds: one query per kind. Records not found are left out. */
export async function nameRecords(ids: string[], { kinds = RECORD_TYPES, live: liveOnly }: { kinds?: readonly RecordType[]; live: boolean }): Promise<RecordName[]> {
  if (ids.length === 0) return [];
  const found = await Promise.all(kinds.map(async (entityType) => (await KINDS[entityType].load(ids, liveOnly)).map((row) => ({ ...row, entityType }))));
  return found.flat().map((row) => ({ ...row, href: hrefOf(row.entityType, row.accountId, row.id) }));
}
