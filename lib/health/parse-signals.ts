import type { ParsedSignals, StoredPhraseHit } from "../scoring";
import type { AccountSignalRow } from "./account-signals.sql";
import type { ActivityRow } from "./activity.sql";

// The rows of the statement in inputs.ts, in the scoring library's shape. Pure: no I/O.

/** Stored hits, or undefined for text saved before detection was stored (the library scans it). */
const storedHits = (json: StoredPhraseHit[] | null) => (Array.isArray(json) ? (json as StoredPhraseHit[]) : undefined);

/**
 * One account's signals as of `now` in the library's validated shape (TypeScript checks it against
 * ParsedSignals), from its row of the statement in inputs.ts. The rows come from typed columns that
 * only zod-validated writes fill, so validating them again would only cost time
 * (docs/decisions/005-trusted-signals.md).
 */
export function toParsedSignals(row: AccountSignalRow & ActivityRow, now: Date): ParsedSignals {
  const at = now.getTime();
  const signals: ParsedSignals = {
    ratings: (row.ratings ?? []).map(([id, at, overall, recommend, responsiveness, delivery, communication, businessUnderstanding, trust, comment, hits]) => ({
      id,
      overall,
      recommend,
      comment,
      at: date(at),
      dimensions: { responsiveness, delivery, communication, businessUnderstanding, trust },
      phraseHits: storedHits(hits),
    })),
    interactions: (row.interactions ?? []).map((i) => ({
      id: i.id,
      type: i.type,
      sentiment: i.sentiment,
      itOnTime: i.on_time,
      itPrepared: i.prepared,
      outcome: i.outcome,
      cancelledBy: i.cancelled_by,
      summary: i.summary,
      notes: i.notes,
      at: date(i.at),
      phraseHits: storedHits(i.hits),
      quotes: (i.quotes ?? []).map((q) => ({ id: q.id, side: q.side, text: q.text, phraseHits: storedHits(q.hits) })),
    })),
    followUps: (row.follow_ups ?? []).map((f) => ({
      id: f.id,
      owedBy: f.owed_by,
      dueDate: date(f.due),
      // A follow-up completed after `now` was still open at `now` (matters when replaying history).
      doneAt: happened(f.done, at),
      createdAt: date(f.created),
      interactionId: f.interaction_id,
    })),
    ...recordedSignals(row, at),
  };
  // An answer given after `now` had not been given yet (a replay of history).
  const requests = row.requests?.map((v) => ({ id: v.id, sentAt: date(v.sent), answeredAt: happened(v.answered, at) }));
  if (requests) signals.ratingRequests = requests;
  return signals;
}

const date = (epochMs: number) => new Date(epochMs);
/** A time later than `now` has not happened yet (matters when replaying history). */
const happened = (epochMs: number | null, now: number) => (epochMs !== null && epochMs <= now ? date(epochMs) : null);
/** An account that never recorded a kind leaves it out: absent is unknown, never healthy. */
const some = <T>(list: T[] | null) => (list && list.length > 0 ? list : undefined);

/** The signals recorded on the account's own screens, in the library's shape. */
function recordedSignals(row: AccountSignalRow, now: number): Partial<ParsedSignals> {
  return {
    agreedCadenceDays: row.meeting_cadence_days ?? undefined,
    trackedSince: date(row.created_at),
    projects: some(row.projects)?.map((p) => {
      const ended = happened(p.actual_end, now);
      // Not delivered yet as of `now`: still under way, and judged as of now.
      const status = ended ? p.status : p.status === "DELIVERED" || p.status === "CANCELLED" ? "IN_PROGRESS" : p.status;
      return {
        id: p.id,
        name: p.name,
        at: ended ?? date(now),
        highProfile: p.high_profile,
        status,
        plannedEnd: date(p.planned_end),
        actualEnd: ended,
        budget: p.budget ?? undefined,
        actualCost: p.actual_cost ?? undefined,
        scopeDeliveredPercent: ended ? (p.scope ?? undefined) : undefined,
      };
    }),
    slaPeriods: some(row.sla)?.map((s) => ({
      id: s.id,
      at: date(s.at),
      targetPercent: s.target,
      attainedPercent: s.attained,
      ...(s.system ? { system: s.system } : {}),
    })),
    incidents: some(row.incidents)?.map((i) => ({ id: i.id, at: date(i.at), major: i.major, heardFromItFirst: i.heard_first })),
    analystLayers: some(row.layers)?.map((l) => ({ id: l.id, at: date(l.at), count: l.count })),
    structuralEvents: some(row.events)?.map((e) => ({
      id: e.id,
      at: date(e.at),
      kind: e.kind as NonNullable<ParsedSignals["structuralEvents"]>[number]["kind"],
      resolvedAt: happened(e.resolved, now),
      note: e.note,
      ...(e.size !== null ? { size: e.size } : {}),
      ...(e.forced !== null ? { forced: e.forced } : {}),
    })),
    goals: some(row.goals)?.map((g) => {
      const reviews = (g.reviews ?? []).map((r) => ({ at: date(r.at), result: r.result as "MET" | "PARTLY" | "MISSED" }));
      return { id: g.id, agreedAt: date(g.agreed), lastReviewedAt: reviews.at(-1)?.at ?? null, reviewEveryDays: g.every, reviews };
    }),
    badNews: some(row.bad_news)?.map((b) => ({ id: b.id, knownAt: date(b.known), toldAt: happened(b.told, now) })),
    declinedRequests: some(row.declined)?.map((d) => ({ id: d.id, at: date(d.at), reasonExplained: d.explained })),
    itAssessments: some(row.assessments)?.map((t) => ({
      id: t.id,
      at: date(t.at),
      overall: t.overall,
      dimensions: {
        responsiveness: t.responsiveness,
        delivery: t.delivery,
        communication: t.communication,
        businessUnderstanding: t.business_understanding,
        trust: t.trust,
      },
    })),
  };
}
