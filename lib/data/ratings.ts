import "server-only";
import { getSurveyPolicy } from "../campaigns/policy";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import type { Prisma } from "../generated/prisma/client";
import { recomputeAccountHealth } from "../health/recompute";
import { ratingCommentPhrases } from "../scoring/phrases/sources";
import { idSchema } from "../validation/fields";
import type { RatingInput, WithdrawRating } from "../validation/rating";
import { type AccountWriteResult, changedFields, writeForAccount } from "./account-write";
import { openAccount } from "./accounts";
import { recordAudits } from "./audit";
import { ForbiddenError, InputConflictError, NotFoundError } from "./errors";
import { type Actor, canRate } from "./permissions";
import { configInForce } from "./scoring-config";

export interface RatingReceipt {
  id: string;
  /** True when this was a retry of a submission already stored. */
  duplicate: boolean;
  /** The client's earlier rating(s) this one replaced (rated again within the recontact window). */
  replaced: { id: string; createdAt: Date }[];
}

/** Why a replaced rating left the account's ratings (kept on the row and in the audit log). */
export const REPLACED_REASON = "replaced by a newer rating";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The recontact rule in the app (issue 8): nobody is asked more often than the survey policy's
 * recontactDays, and a client who rates again within that window *replaces* their previous
 * rating rather than adding a second voice. The earlier rating is withdrawn (reason "replaced by a
 * newer rating") rather than updated: ratings stay immutable (IT never edits one, the score's
 * history keeps the date each opinion was given), the replaced one stays on its row and in the
 * audit log, and the idempotency of each form keeps working unchanged.
 */
export async function getRecentOwnRating(actor: Actor, accountId: string, now = new Date()) {
  if (actor.role !== "CLIENT") return null;
  const { recontactDays } = await getSurveyPolicy(db());
  if (recontactDays <= 0) return null;
  const since = new Date(now.getTime() - recontactDays * DAY_MS);
  const rating = await db().rating.findFirst({
    where: { accountId, userId: actor.id, withdrawnAt: null, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, overall: true, recommend: true },
  });
  return rating ? { ...rating, recontactDays, replaceableUntil: new Date(rating.createdAt.getTime() + recontactDays * DAY_MS) } : null;
}

/**
 * Stores a business client's rating once per idempotency key (a retried submission returns the
 * first one) and re-diagnoses the account in the same transaction. Rated again within the survey
 * policy's recontact window, it replaces the client's previous rating (see getRecentOwnRating).
 */
export async function submitRating(actor: Actor, input: RatingInput, now = new Date()): Promise<RatingReceipt> {
  const access = await openAccount(actor, input.accountId);
  if (!canRate(actor, access)) throw new ForbiddenError("Only the account's business clients rate IT's service.");

  // Read before the transaction, so that the account's ratings wait for each other only while
  // they write (the configuration in force as a re-diagnosis in the transaction would read it).
  const [existing, { recontactDays }, inForce] = await Promise.all([findByKey(actor, input), getSurveyPolicy(db()), configInForce(db())]);
  if (existing) return existing;

  const { accountId, idempotencyKey, ...scores } = input;
  try {
    return await db().$transaction(async (tx) => {
      // One rater at a time per account: two new ratings sent at once still leave one standing.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rating:${actor.id}:${accountId}`}::text))`;
      // The client's standing ratings within the recontact window, withdrawn in the statement that finds them.
      const replaced =
        recontactDays > 0
          ? await tx.rating.updateManyAndReturn({
              where: { accountId, userId: actor.id, withdrawnAt: null, createdAt: { gt: new Date(now.getTime() - recontactDays * DAY_MS), lte: now } },
              data: { withdrawnAt: now, withdrawReason: REPLACED_REASON },
              select: { id: true, createdAt: true },
            })
          : [];
      const rating = await tx.rating.create({
        data: { ...scores, phraseHits: ratingCommentPhrases(scores.comment), accountId, idempotencyKey, userId: actor.id, createdAt: now },
        select: { id: true },
      });
      const withdrawn = changedFields({ withdrawnAt: null, withdrawReason: null }, { withdrawnAt: now, withdrawReason: REPLACED_REASON }) as Record<string, unknown>;
      const details = { ...withdrawn, replacedBy: rating.id, recontactDays } as Prisma.InputJsonValue;
      const replaces = replaced.map((r) => r.id);
      await recordAudits(tx, [
        ...replaces.map((entityId) => ({ actorId: actor.id, action: "rating.withdrawn", entityType: "Rating", entityId, accountId, details })),
        { actorId: actor.id, action: "rating.created", entityType: "Rating", entityId: rating.id, accountId, details: replaces.length > 0 ? { replaces } : undefined },
      ]);
      await recomputeAccountHealth(tx, accountId, now, inForce);
      return { id: rating.id, duplicate: false, replaced };
    });
  } catch (error) {
    // A concurrent retry won the race: answer with the stored one.
    if (isUniqueViolation(error)) {
      const stored = await findByKey(actor, input);
      if (stored) return stored;
    }
    throw error;
  }
}

async function findByKey(actor: Actor, input: RatingInput): Promise<RatingReceipt | null> {
  const stored = await db().rating.findUnique({
    where: { idempotencyKey: input.idempotencyKey },
    select: { id: true, userId: true, accountId: true },
  });
  if (!stored) return null;
  if (stored.userId !== actor.id || stored.accountId !== input.accountId) {
    throw new InputConflictError("This form was already used. Reload the page to rate again.");
  }
  return { id: stored.id, duplicate: true, replaced: [] };
}

/**
 * A business client withdraws a rating they gave: it leaves the diagnosis and the rating lists,
 * and the account is re-diagnosed. IT never edits or withdraws a client's rating (403: IT sees
 * the rating, so refusing says nothing new); a rating the caller cannot see is not found.
 */
export async function withdrawRating(actor: Actor, { ratingId, reason }: WithdrawRating, now = new Date()): Promise<AccountWriteResult<{ id: string }>> {
  const id = idSchema.safeParse(ratingId);
  const rating = id.success
    ? await db().rating.findFirst({ where: { id: id.data, withdrawnAt: null }, select: { id: true, accountId: true, userId: true } })
    : null;
  if (!rating) throw new NotFoundError("rating");
  await openAccount(actor, rating.accountId).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError("rating") : error;
  });
  if (actor.role !== "CLIENT") throw new ForbiddenError("IT never changes a client's rating: only the client who gave it may withdraw it.");
  if (rating.userId !== actor.id) throw new ForbiddenError("Only the person who gave a rating may withdraw it.");

  return writeForAccount(
    actor,
    rating.accountId,
    async (tx) => {
      // Only the first of two withdrawals counts; the second finds nothing to withdraw.
      const withdrawn = await tx.rating.updateMany({ where: { id: rating.id, withdrawnAt: null }, data: { withdrawnAt: now, withdrawReason: reason || null } });
      if (withdrawn.count === 0) throw new NotFoundError("rating");
      const details = changedFields({ withdrawnAt: null, withdrawReason: null }, { withdrawnAt: now, withdrawReason: reason || null });
      return { result: { id: rating.id }, audit: { action: "rating.withdrawn", entityType: "Rating", entityId: rating.id, details } };
    },
    { now, allowed: (access) => canRate(actor, access) },
  );
}

type ListedRatingRow = {
  id: string;
  created_at: Date;
  overall: number;
  recommend: number;
  responsiveness: number | null;
  delivery: number | null;
  communication: number | null;
  business_understanding: number | null;
  trust: number | null;
  comment: string;
  source: "APP" | "INVITATION";
  user_id: string | null;
  user_name: string | null;
  contact_name: string | null;
  anonymous: boolean | null;
};

/**
 * An account's ratings for its lists, newest first, each with who gave it as the list may show it:
 * the client user's name, the contact's name for a (non-anonymous) invitation, or anonymous.
 * An anonymous rating has no user and no contact stored, so no name can be shown for it.
 * One statement, its rater joined in: Prisma reads each relation with a statement of its own (it
 * was four round trips on every account page).
 */
export async function listAccountRatings(actor: Actor, accountId: string, take = RATINGS_LISTED) {
  await openAccount(actor, accountId);
  // A withdrawn (or replaced) rating has left the account's ratings (the audit log keeps it).
  const rows = await db().$queryRaw<ListedRatingRow[]>`
    SELECT r.id, r.created_at, r.overall, r.recommend, r.responsiveness, r.delivery, r.communication, r.business_understanding, r.trust, r.comment,
      r.source::text AS source, u.id AS user_id, u.name AS user_name, c.name AS contact_name, k.anonymous
    FROM ratings r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN contacts c ON c.id = r.contact_id LEFT JOIN campaigns k ON k.id = r.campaign_id
    WHERE r.account_id = ${accountId} AND r.withdrawn_at IS NULL
    ORDER BY r.created_at DESC, r.id DESC LIMIT ${take}`;
  return rows.map((row) => {
    const user = row.user_id === null ? null : { id: row.user_id, name: row.user_name as string };
    const stored = row.contact_name === null ? null : { name: row.contact_name };
    const campaign = row.anonymous === null ? null : { anonymous: row.anonymous };
    const rating = {
      id: row.id,
      createdAt: new Date(row.created_at),
      overall: row.overall,
      recommend: row.recommend,
      responsiveness: row.responsiveness,
      delivery: row.delivery,
      communication: row.communication,
      businessUnderstanding: row.business_understanding,
      trust: row.trust,
      comment: row.comment,
      source: row.source,
      user,
    };
    return { ...rating, contact: campaign?.anonymous ? null : stored, rater: raterOf({ ...rating, contact: stored, campaign }) };
  });
}

/** Ratings the account page lists (the newest); older ones are counted in the monthly figures. */
export const RATINGS_LISTED = 20;
const RATING_MONTHS = 12;

export interface RatingMonth {
  /** The month's first day (UTC). */
  month: Date;
  count: number;
  /** Average overall satisfaction, 1–5. */
  average: number;
}

/**
 * The account page's ratings card, bounded however long the history (decisions 018, 028): the
 * count and average of all the account's ratings and the last 12 months' monthly averages for the
 * chart, summed from the account's day rows (account_rating_days: one per day it was rated, kept
 * by the ratings table's triggers) instead of its every rating, and the newest RATINGS_LISTED
 * ratings. The chart's today comes from the ratings themselves, up to `now`: a day row cannot
 * tell a rating later today from an earlier one, and a replay of history must not see it.
 */
export async function getRatingsOverview(actor: Actor, accountId: string, now = new Date()) {
  await openAccount(actor, accountId);
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (RATING_MONTHS - 1), 1));
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  // One statement for the count and average (the row without a month) and the months.
  const [sums, latest] = await Promise.all([
    db().$queryRaw<{ month: Date | null; count: number; overall_sum: number }[]>`
      SELECT NULL::timestamptz AS month, coalesce(sum(count), 0)::int AS count, coalesce(sum(overall_sum), 0)::int AS overall_sum
      FROM account_rating_days WHERE account_id = ${accountId}
      UNION ALL
      SELECT date_trunc('month', x.day), sum(x.count)::int, sum(x.overall_sum)::int
      FROM (
        SELECT d.day, d.count, d.overall_sum FROM account_rating_days d WHERE d.account_id = ${accountId} AND d.day >= ${since}::date AND d.day < ${today}::date
        UNION ALL
        SELECT r.created_at::date, 1, r.overall FROM ratings r
        WHERE r.account_id = ${accountId} AND r.withdrawn_at IS NULL AND r.created_at >= ${today} AND r.created_at >= ${since} AND r.created_at <= ${now}
      ) x
      GROUP BY 1
      ORDER BY 1 NULLS FIRST`,
    listAccountRatings(actor, accountId),
  ]);
  const [totals, ...months] = sums;
  const total = Number(totals?.count ?? 0);
  return {
    total,
    average: total > 0 ? Number(totals!.overall_sum) / total : null,
    months: months.map((row): RatingMonth => ({ month: new Date(row.month!), count: Number(row.count), average: Number(row.overall_sum) / Number(row.count) })),
    latest,
  };
}

export type RatingsOverview = Awaited<ReturnType<typeof getRatingsOverview>>;

export type RaterLabel = { kind: "user" | "contact"; name: string } | { kind: "anonymous" } | { kind: "unknown" };

/** Who gave a rating, as lists show it; never a name for an anonymous one. */
export function raterOf(rating: {
  source?: "APP" | "INVITATION";
  user?: { name: string } | null;
  contact?: { name: string } | null;
  campaign?: { anonymous: boolean } | null;
}): RaterLabel {
  if (rating.campaign?.anonymous) return { kind: "anonymous" };
  if (rating.user) return { kind: "user", name: rating.user.name };
  if (rating.contact) return { kind: "contact", name: rating.contact.name };
  // An invitation rating without a contact: anonymous, or its contact was deleted.
  return rating.source === "INVITATION" ? { kind: "anonymous" } : { kind: "unknown" };
}
