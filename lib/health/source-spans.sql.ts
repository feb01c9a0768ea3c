import type { Tx } from "../data/audit";
import { Prisma } from "../generated/prisma/client";
import type { Diagnosis } from "../scoring";
import { ms } from "./account-signals.sql";
import { expandSpans, spansOf, type SpanKind, type SpanRecord } from "./source-spans";

type Row = { which: number; kind: SpanKind; id: string; at: number; responsiveness: boolean; delivery: boolean; communication: boolean; business_understanding: boolean; trust: boolean };

/**
 * The records between one diagnosis's spans' ends, through each table's (account_id, time) index,
 * as they stood when the diagnosis was made (withdrawn or deleted since: still listed, so the
 * evidence links count them as gone, as they did when the lists were stored whole), tagged `which`.
 * The spans' ends are found by id through a join with their list: `min(t) FROM t WHERE id = ANY(…)`
 * alone is planned as a walk of the whole (time) index in order until an id matches (PostgreSQL's
 * min/max shortcut), 1.2 s for the heaviest bench account's interactions (decision 028).
 */
function spanRecords(accountId: string, which: number, diagnosis: Diagnosis, spans: ReturnType<typeof spansOf>): Prisma.Sql {
  const asOf = new Date(diagnosis.computedAt);
  const ends = (kind: SpanKind) => {
    const of = spans.filter((s) => s.kind === kind);
    return { from: of.map((s) => s.after), to: of.map((s) => s.last) };
  };
  const ratings = ends("rating");
  const interactions = ends("interaction");
  return Prisma.sql`
    SELECT ${which}::int AS which, 'rating' AS kind, r.id, ${ms("r.created_at")} AS at, r.responsiveness IS NOT NULL AS responsiveness, r.delivery IS NOT NULL AS delivery,
      r.communication IS NOT NULL AS communication, r.business_understanding IS NOT NULL AS business_understanding, r.trust IS NOT NULL AS trust
    FROM ratings r
    WHERE r.account_id = ${accountId} AND r.created_at <= ${asOf} AND (r.withdrawn_at IS NULL OR r.withdrawn_at > ${asOf})
      AND r.created_at BETWEEN (SELECT min(x.created_at) FROM unnest(${ratings.from}::text[]) u(id) JOIN ratings x ON x.id = u.id)
                           AND (SELECT max(x.created_at) FROM unnest(${ratings.to}::text[]) u(id) JOIN ratings x ON x.id = u.id)
    UNION ALL
    SELECT ${which}::int, 'interaction', i.id, ${ms("i.occurred_at")}, false, false, false, false, false
    FROM interactions i
    WHERE i.account_id = ${accountId} AND i.occurred_at <= ${asOf} AND (i.deleted_at IS NULL OR i.deleted_at > ${asOf})
      AND i.occurred_at BETWEEN (SELECT min(x.occurred_at) FROM unnest(${interactions.from}::text[]) u(id) JOIN interactions x ON x.id = u.id)
                            AND (SELECT max(x.occurred_at) FROM unnest(${interactions.to}::text[]) u(id) JOIN interactions x ON x.id = u.id)`;
}

/**
 * Stored diagnoses of the account with their record spans expanded (source-spans.ts), in one
 * statement for all of them: the account page expands the latest diagnosis and the one it is
 * compared with, and each was a round trip of its own.
 */
export async function withSpansExpanded(db: Tx, accountId: string, diagnoses: Diagnosis[]): Promise<Diagnosis[]> {
  const reads = diagnoses.flatMap((diagnosis, which) => {
    const spans = spansOf(diagnosis);
    return spans.length === 0 ? [] : [spanRecords(accountId, which, diagnosis, spans)];
  });
  const rows = reads.length === 0 ? [] : await db.$queryRaw<Row[]>(Prisma.join(reads, " UNION ALL "));
  const records = diagnoses.map((): Record<SpanKind, SpanRecord[]> => ({ rating: [], interaction: [] }));
  for (const r of rows) {
    const rated = { responsiveness: r.responsiveness, delivery: r.delivery, communication: r.communication, businessUnderstanding: r.business_understanding, trust: r.trust };
    records[Number(r.which)]![r.kind].push(r.kind === "rating" ? { id: r.id, at: Number(r.at), rated } : { id: r.id, at: Number(r.at) });
  }
  return diagnoses.map((diagnosis, which) => expandSpans(diagnosis, records[which]!));
}
