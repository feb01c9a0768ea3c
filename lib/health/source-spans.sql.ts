import type { Tx } from "../data/audit";
import type { Diagnosis } from "../scoring";
import { Prisma } from "../generated/prisma/client";
import { expandSpans, SPAN_KINDS, spansOf, type SpanKind, type SpanRecord } from "./source-spans";

// One row per kind, its records as one text: thousands of rows through Prisma's raw-query decoding
// cost several times the statement (the heaviest bench account's 4,763 records: ~60 → ~40 ms).
// Records are separated by U+001E (never in an id: the app makes them, and refuses control
// characters in text), each "<epoch ms> <dimensions rated, a bit each in DIMENSIONS' order> <id>".
type Row = { kind: SpanKind; records: string | null };
export const SPAN_SEPARATOR = "\x1e";
const DIMENSIONS = SPAN_KINDS.rating.slice(1);
const ratedBits = Prisma.raw(
  ["responsiveness", "delivery", "communication", "business_understanding", "trust"].map((column, bit) => `(r.${column} IS NOT NULL)::int * ${1 << bit}`).join(" + "),
);
const msInt = (column: string) => Prisma.raw(`(extract(epoch from ${column}) * 1000)::bigint`);

/** The records of one kind as the statement gives them (bench-app's floor reads them the same way). */
export function parseSpanRecords(text: string | null, rated: boolean): SpanRecord[] {
  if (!text) return [];
  return text.split(SPAN_SEPARATOR).map((record) => {
    const first = record.indexOf(" ");
    const second = record.indexOf(" ", first + 1);
    const at = Number(record.slice(0, first));
    if (!rated) return { id: record.slice(first + 1), at };
    const bits = Number(record.slice(first + 1, second));
    return { id: record.slice(second + 1), at, rated: Object.fromEntries(DIMENSIONS.map((dimension, bit) => [dimension, (bits & (1 << bit)) !== 0])) };
  });
}

/**
 * A stored diagnosis of the account with its record spans expanded (source-spans.ts): one
 * statement reading, through each table's (account_id, time) index, the records between the
 * spans' ends as they stood when the diagnosis was made (withdrawn or deleted since: still listed,
 * so the evidence links count them as gone, as they did when the lists were stored whole).
 * The spans' ends are found by id through a join with their list: `min(t) FROM t WHERE id = ANY(…)`
 * alone is planned as a walk of the whole (time) index in order until an id matches (PostgreSQL's
 * min/max shortcut), 1.2 s for the heaviest bench account's interactions (decision 028).
 */
export async function withSpansExpanded(db: Tx, accountId: string, diagnosis: Diagnosis): Promise<Diagnosis> {
  const spans = spansOf(diagnosis);
  if (spans.length === 0) return expandSpans(diagnosis, { rating: [], interaction: [] });
  const asOf = new Date(diagnosis.computedAt);
  const ends = (kind: SpanKind) => {
    const of = spans.filter((s) => s.kind === kind);
    return { from: of.map((s) => s.after), to: of.map((s) => s.last) };
  };
  const ratings = ends("rating");
  const interactions = ends("interaction");
  const rows = await db.$queryRaw<Row[]>`
    SELECT 'rating' AS kind, string_agg(${msInt("r.created_at")} || ' ' || (${ratedBits}) || ' ' || r.id, ${SPAN_SEPARATOR}) AS records
    FROM ratings r
    WHERE r.account_id = ${accountId} AND r.created_at <= ${asOf} AND (r.withdrawn_at IS NULL OR r.withdrawn_at > ${asOf})
      AND r.created_at BETWEEN (SELECT min(x.created_at) FROM unnest(${ratings.from}::text[]) u(id) JOIN ratings x ON x.id = u.id)
                           AND (SELECT max(x.created_at) FROM unnest(${ratings.to}::text[]) u(id) JOIN ratings x ON x.id = u.id)
    UNION ALL
    SELECT 'interaction', string_agg(${msInt("i.occurred_at")} || ' ' || i.id, ${SPAN_SEPARATOR})
    FROM interactions i
    WHERE i.account_id = ${accountId} AND i.occurred_at <= ${asOf} AND (i.deleted_at IS NULL OR i.deleted_at > ${asOf})
      AND i.occurred_at BETWEEN (SELECT min(x.occurred_at) FROM unnest(${interactions.from}::text[]) u(id) JOIN interactions x ON x.id = u.id)
                            AND (SELECT max(x.occurred_at) FROM unnest(${interactions.to}::text[]) u(id) JOIN interactions x ON x.id = u.id)`;
  const of = (kind: SpanKind) => rows.find((row) => row.kind === kind)?.records ?? null;
  return expandSpans(diagnosis, { rating: parseSpanRecords(of("rating"), true), interaction: parseSpanRecords(of("interaction"), false) });
}
