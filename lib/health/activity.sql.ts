import { type CancelledBy, type InteractionOutcome, type InteractionType, Prisma, type Sentiment, type Side } from "../generated/prisma/client";
import type { StoredPhraseHit } from "../scoring";
import { ms } from "./account-signals.sql";

// Ratings, interactions with their quotes, follow-ups and rating requests: the columns of the
// statement in inputs.ts that carry what happens between IT and the business. Each is one JSON
// array per account, read through the (account_id, time) index of its table; quotes through
// their interaction's index, so no list of interaction ids travels to the database.

/** id, at, overall, recommend, responsiveness, delivery, communication, business understanding, trust, comment, hits. */
export type RatingTuple = [
  id: string,
  at: number,
  overall: number,
  recommend: number,
  responsiveness: number | null,
  delivery: number | null,
  communication: number | null,
  businessUnderstanding: number | null,
  trust: number | null,
  comment: string,
  hits: StoredPhraseHit[] | null,
];

export interface ActivityRow {
  /**
   * A tuple per rating, not an object: a heavy account's year holds thousands, and the keys were
   * most of the bytes PostgreSQL built and Node parsed.
   */
  ratings: RatingTuple[] | null;
  interactions:
    | {
        id: string;
        at: number;
        type: InteractionType;
        sentiment: Sentiment;
        on_time: boolean | null;
        prepared: boolean | null;
        outcome: InteractionOutcome;
        cancelled_by: CancelledBy;
        summary: string;
        notes: string;
        hits: StoredPhraseHit[] | null;
        quotes: { id: string; side: Side; text: string; hits: StoredPhraseHit[] | null }[] | null;
      }[]
    | null;
  follow_ups: { id: string; owed_by: Side; due: number; done: number | null; created: number; interaction_id: string | null }[] | null;
  requests: { id: string; sent: number; answered: number | null }[] | null;
}

/**
 * A text only where its phrase hits were not stored (saved before detection was): the library
 * scans the text then and reads it for nothing else, so a year of comments and notes need not
 * travel (most of the statement's bytes). Empty otherwise.
 */
const unlessHits = (alias: string, text: string) => Prisma.raw(`CASE WHEN jsonb_typeof(${alias}.phrase_hits) = 'array' THEN '' ELSE ${text} END`);

/** The columns of ActivityRow for the account `a` and the window `w` (account-signals.sql.ts) of the enclosing query. */
export function activityColumns(now: Date): Prisma.Sql {
  return Prisma.sql`
      (SELECT json_agg(json_build_array(
          r.id, ${ms("r.created_at")}, r.overall, r.recommend, r.responsiveness, r.delivery, r.communication,
          r.business_understanding, r.trust, ${unlessHits("r", "r.comment")}, r.phrase_hits)
          ORDER BY r.created_at, r.id)
        FROM ratings r
        WHERE r.account_id = a.id AND r.created_at BETWEEN w.since AND ${now} AND r.withdrawn_at IS NULL) AS ratings,
      (SELECT json_agg(json_build_object(
          'id', i.id, 'at', ${ms("i.occurred_at")}, 'type', i.type, 'sentiment', i.sentiment, 'on_time', i.it_on_time,
          'prepared', i.it_prepared, 'outcome', i.outcome, 'cancelled_by', i.cancelled_by, 'summary', ${unlessHits("i", "i.summary")},
          'notes', ${unlessHits("i", "i.notes")}, 'hits', i.phrase_hits,
          'quotes', (SELECT json_agg(json_build_object('id', q.id, 'side', q.side, 'text', ${unlessHits("q", "q.text")}, 'hits', q.phrase_hits) ORDER BY q.id)
                     FROM quotes q WHERE q.interaction_id = i.id AND q.deleted_at IS NULL))
          ORDER BY i.occurred_at, i.id)
        FROM interactions i
        WHERE i.account_id = a.id AND i.occurred_at BETWEEN w.since AND ${now} AND i.deleted_at IS NULL) AS interactions,
      -- Open follow-ups whatever their age: they stay owed (within the epoch).
      (SELECT json_agg(json_build_object(
          'id', f.id, 'owed_by', f.owed_by, 'due', ${ms("f.due_date")}, 'done', ${ms("f.done_at")},
          'created', ${ms("f.created_at")}, 'interaction_id', f.interaction_id) ORDER BY f.created_at, f.id)
        FROM follow_ups f
        WHERE f.account_id = a.id AND f.created_at <= ${now} AND f.created_at >= w.epoch AND f.deleted_at IS NULL
          AND (f.done_at IS NULL OR f.due_date >= w.since::date)) AS follow_ups,
      -- Rating requests: invitations that were emailed (a skipped one never reached anybody) and
      -- whose outcome is known at now: the link expired or its campaign closed (the contact had
      -- their whole chance), or it was answered and then withdrawn. Counting links still open would
      -- read every new round as unanswered (a false alarm on the day it goes out); counting only
      -- their answers would flatter the rate. A link IT revoked before it was answered asked nobody
      -- anything the contact could still answer: it is left out.
      (SELECT json_agg(json_build_object('id', v.id, 'sent', ${ms("v.sent_at")}, 'answered', ${ms("v.answered_at")}) ORDER BY v.sent_at, v.id)
        FROM rating_invitations v JOIN campaigns c ON c.id = v.campaign_id
        WHERE v.account_id = a.id AND v.sent_at BETWEEN w.since AND ${now}
          AND (v.expires_at <= ${now} OR c.closes_at <= ${now} OR v.revoked_at <= ${now})
          AND (v.revoked_at IS NULL OR v.revoked_at > ${now} OR v.answered_at <= ${now})) AS requests`;
}
