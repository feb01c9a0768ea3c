import type { Tx } from "../data/audit";
import type { Diagnosis } from "../scoring";
import { ms } from "./account-signals.sql";
import { expandSpans, spansOf, type SpanKind, type SpanRecord } from "./source-spans";

type Row = { kind: SpanKind; id: string; at: number; responsiveness: boolean; delivery: boolean; communication: boolean; business_understanding: boolean; trust: boolean };

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
    SELECT 'rating' AS kind, r.id, ${ms("r.created_at")} AS at, r.responsiveness IS NOT NULL AS responsiveness, r.delivery IS NOT NULL AS delivery,
      r.communication IS NOT NULL AS communication, r.business_understanding IS NOT NULL AS business_understanding, r.trust IS NOT NULL AS trust
    FROM ratings r
    WHERE r.account_id = ${accountId} AND r.created_at <= ${asOf} AND (r.withdrawn_at IS NULL OR r.withdrawn_at > ${asOf})
      AND r.created_at BETWEEN (SELECT min(x.created_at) FROM unnest(${ratings.from}::text[]) u(id) JOIN ratings x ON x.id = u.id)
                           AND (SELECT max(x.created_at) FROM unnest(${ratings.to}::text[]) u(id) JOIN ratings x ON x.id = u.id)
    UNION ALL
    SELECT 'interaction', i.id, ${ms("i.occurred_at")}, false, false, false, false, false
    FROM interactions i
    WHERE i.account_id = ${accountId} AND i.occurred_at <= ${asOf} AND (i.deleted_at IS NULL OR i.deleted_at > ${asOf})
      AND i.occurred_at BETWEEN (SELECT min(x.occurred_at) FROM unnest(${interactions.from}::text[]) u(id) JOIN interactions x ON x.id = u.id)
                            AND (SELECT max(x.occurred_at) FROM unnest(${interactions.to}::text[]) u(id) JOIN interactions x ON x.id = u.id)`;
  const records: Record<SpanKind, SpanRecord[]> = { rating: [], interaction: [] };
  for (const r of rows) {
    const rated = { responsiveness: r.responsiveness, delivery: r.delivery, communication: r.communication, businessUnderstanding: r.business_understanding, trust: r.trust };
    records[r.kind].push(r.kind === "rating" ? { id: r.id, at: Number(r.at), rated } : { id: r.id, at: Number(r.at) });
  }
  return expandSpans(diagnosis, records);
}
