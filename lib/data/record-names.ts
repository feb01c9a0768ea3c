import "server-only";
// The structure section's names for its signs, so a link says what the section says.
import { STRUCTURAL_KIND_TEXT } from "../../components/structure/structural-kinds";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { epochMsText } from "../health/account-signals.sql";
import { formatDate, humanize } from "../format";
import { RECORD_TYPES, type RecordType } from "../validation/history";

// Every kind of record an account's evidence or change history can name: how to find a batch of
// them (one statement for every kind asked), what a person calls one ("Meeting, 3 Mar 2026: Quarterly review"),
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

/**
 * One kind of record: the table (aliased `x`, with what it joins to reach its account), the column
 * whose value means deleted or withdrawn (null: never deleted), the fields its name needs as a JSON
 * object (times as epoch milliseconds, see `epochMsText`), what a person calls it, and where it is shown.
 * Every part is a constant of this file: the ids asked for are the statement's only parameter.
 */
interface Kind<F> {
  section: string;
  from: string;
  account: string;
  gone: string | null;
  fields: string;
  name: (f: F) => string;
}

type Fields = Record<string, never>;
const kind = <F>(k: Kind<F>) => k as unknown as Kind<Fields>;

const short = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);
const quoted = (text: string) => `“${short(text)}”`;
const day = (time: number) => formatDate(new Date(time));
const interactionName = (i: { type: string; at: number }) => `${humanize(i.type)}, ${day(i.at)}`;

const KINDS = {
  Interaction: kind<{ type: string; at: number; summary: string }>({
    section: "timeline",
    from: "interactions x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'type', x.type, 'at', ${epochMsText("x.occurred_at")}, 'summary', x.summary`,
    name: (i) => `${interactionName(i)}: ${short(i.summary)}`,
  }),
  Quote: kind<{ text: string; type: string; at: number }>({
    section: "timeline",
    from: "quotes x JOIN interactions i ON i.id = x.interaction_id",
    account: "i.account_id",
    gone: "x.deleted_at",
    fields: `'text', x.text, 'type', i.type, 'at', ${epochMsText("i.occurred_at")}`,
    name: (q) => `Quote ${quoted(q.text)} (${interactionName(q)})`,
  }),
  FollowUp: kind<{ description: string; due: number }>({
    section: "timeline",
    from: "follow_ups x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'description', x.description, 'due', ${epochMsText("x.due_date")}`,
    name: (f) => `Follow-up ${quoted(f.description)}, due ${day(f.due)}`,
  }),
  Rating: kind<{ at: number; overall: number }>({
    section: "",
    from: "ratings x",
    account: "x.account_id",
    gone: "x.withdrawn_at",
    fields: `'at', ${epochMsText("x.created_at")}, 'overall', x.overall`,
    name: (r) => `Rating of ${day(r.at)} (${r.overall}/5)`,
  }),
  Project: kind<{ name: string }>({
    section: "delivery",
    from: "projects x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: "'name', x.name",
    name: (p) => `Project ${quoted(p.name)}`,
  }),
  SlaPeriod: kind<{ start: number; end: number; system: string | null }>({
    section: "reliability",
    from: "sla_periods x LEFT JOIN core_systems cs ON cs.id = x.core_system_id",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'start', ${epochMsText("x.period_start")}, 'end', ${epochMsText("x.period_end")}, 'system', cs.name`,
    name: (s) => `SLA period ${day(s.start)} – ${day(s.end)}${s.system ? ` (${s.system})` : ""}`,
  }),
  Incident: kind<{ title: string; at: number; major: boolean }>({
    section: "reliability",
    from: "incidents x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'title', x.title, 'at', ${epochMsText("x.occurred_at")}, 'major', x.major`,
    name: (i) => `${i.major ? "Major incident" : "Incident"}, ${day(i.at)}: ${short(i.title)}`,
  }),
  AnalystLayerCount: kind<{ at: number; count: number }>({
    section: "structure",
    from: "analyst_layer_counts x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'at', ${epochMsText("x.counted_at")}, 'count', x.count`,
    name: (l) => `Analyst layers counted ${day(l.at)}: ${l.count}`,
  }),
  StructuralEvent: kind<{ kind: keyof typeof STRUCTURAL_KIND_TEXT; at: number }>({
    section: "structure",
    from: "structural_events x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'kind', x.kind, 'at', ${epochMsText("x.occurred_at")}`,
    name: (e) => `${STRUCTURAL_KIND_TEXT[e.kind].label}, ${day(e.at)}`,
  }),
  Goal: kind<{ title: string }>({
    section: "goals",
    from: "goals x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: "'title', x.title",
    name: (g) => `Goal ${quoted(g.title)}`,
  }),
  GoalReview: kind<{ at: number; title: string }>({
    section: "goals",
    from: "goal_reviews x JOIN goals g ON g.id = x.goal_id",
    account: "g.account_id",
    gone: "x.deleted_at",
    fields: `'at', ${epochMsText("x.reviewed_at")}, 'title', g.title`,
    name: (r) => `Review of goal ${quoted(r.title)}, ${day(r.at)}`,
  }),
  BadNews: kind<{ what: string; at: number }>({
    section: "bad-news",
    from: "bad_news x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'what', x.what, 'at', ${epochMsText("x.known_at")}`,
    name: (b) => `Bad news, ${day(b.at)}: ${short(b.what)}`,
  }),
  DeclinedRequest: kind<{ request: string; at: number }>({
    section: "requests",
    from: "declined_requests x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'request', x.request, 'at', ${epochMsText("x.declined_at")}`,
    name: (d) => `Declined request, ${day(d.at)}: ${short(d.request)}`,
  }),
  ItAssessment: kind<{ at: number }>({
    section: "assessment",
    from: "it_assessments x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: `'at', ${epochMsText("x.assessed_at")}`,
    name: (t) => `IT's assessment of ${day(t.at)}`,
  }),
  Contact: kind<{ name: string }>({
    section: "contacts",
    from: "contacts x",
    account: "x.account_id",
    gone: null,
    fields: "'name', x.name",
    name: (c) => `Contact ${c.name}`,
  }),
  CoreSystem: kind<{ name: string }>({
    section: "settings",
    from: "core_systems x",
    account: "x.account_id",
    gone: "x.deleted_at",
    fields: "'name', x.name",
    name: (c) => `Core system ${quoted(c.name)}`,
  }),
  StageOverride: kind<{ stage: string; at: number }>({
    // Listed in the account header's override history, on every account page.
    section: "",
    from: "stage_overrides x",
    account: "x.account_id",
    gone: null,
    fields: `'stage', x.stage, 'at', ${epochMsText("x.created_at")}`,
    name: (o) => `${humanize(o.stage)} override of ${day(o.at)}`,
  }),
} satisfies Record<RecordType, Kind<Fields>>;

/** Where a record is shown: the timeline's landing route, or its section page at its anchor. */
function hrefOf(entityType: RecordType, accountId: string, id: string): string {
  const section = KINDS[entityType].section;
  if (section === "timeline") return `/accounts/${accountId}/record/${id}`;
  return `/accounts/${accountId}${section ? `/${section}` : ""}#record-${id}`;
}

/**
 * Names a batch of records of the given kinds, in one statement: each kind's rows among the ids,
 * with the fields its name needs. Records not found are left out. The ids travel once; each kind
 * reads them back as an array, so its primary key is probed with `= ANY` (a join to a set of
 * rows was planned as a hash join over the whole table). Was one query per kind: 17 round trips.
 */
export async function nameRecords(ids: string[], { kinds = RECORD_TYPES, live: liveOnly }: { kinds?: readonly RecordType[]; live: boolean }): Promise<RecordName[]> {
  if (ids.length === 0 || kinds.length === 0) return [];
  const selects = kinds.map((entityType) => {
    const { from, account, gone, fields } = KINDS[entityType];
    return `SELECT '${entityType}' AS kind, x.id, ${account} AS account_id, ${gone ? `${gone} IS NOT NULL` : "false"} AS deleted, json_build_object(${fields}) AS f
      FROM ${from} WHERE x.id = ANY((SELECT ids FROM wanted)::text[])${liveOnly && gone ? ` AND ${gone} IS NULL` : ""}`;
  });
  const rows = await db().$queryRaw<{ kind: RecordType; id: string; account_id: string; deleted: boolean; f: Fields }[]>(
    Prisma.sql`WITH wanted AS (SELECT ${[...new Set(ids)]}::text[] AS ids) ${Prisma.raw(selects.join("\n      UNION ALL "))}`,
  );
  return rows.map(({ kind: entityType, id, account_id: accountId, deleted, f }) => ({
    id,
    entityType,
    accountId,
    name: KINDS[entityType].name(f),
    href: hrefOf(entityType, accountId, id),
    deleted,
  }));
}
