import type { Tx } from "../data/audit";
import type { Prisma } from "../generated/prisma/client";
import { ratingScoresSelect } from "../data/selects";
import type { ParsedSignals, StoredPhraseHit } from "../scoring";
import { type AccountSignalRow, accountSignalsQuery } from "./account-signals.sql";

/**
 * The scoring library's windows reach back a year at most (defaultConfig.windows), so older rows
 * are left out; follow-ups still open are included whatever their age, since they stay owed.
 */
export const SIGNAL_LOOKBACK_DAYS = 400;

/** Stored hits, or undefined for text saved before detection was stored (the library scans it). */
const storedHits = (json: unknown) => (Array.isArray(json) ? (json as StoredPhraseHit[]) : undefined);

/**
 * Everything the scoring library needs about each account, as of `now`, in five queries.
 * Built directly in the library's validated shape (TypeScript checks it against ParsedSignals):
 * the rows come from typed columns that only zod-validated writes fill, so validating them again
 * would only cost time (docs/decisions/005-trusted-signals.md).
 */
export async function loadSignals(tx: Tx, accountIds: string[], now: Date): Promise<Map<string, ParsedSignals>> {
  const since = new Date(now.getTime() - SIGNAL_LOOKBACK_DAYS * 86_400_000);
  const accountId = { in: accountIds };
  const [ratings, interactions, followUps, recorded, requests] = await Promise.all([
    tx.rating.findMany({
      where: { accountId, createdAt: { gte: since, lte: now }, withdrawnAt: null },
      // In time order, as the library wants them (it sorts otherwise).
      orderBy: { createdAt: "asc" },
      select: { ...ratingScoresSelect, accountId: true, phraseHits: true },
    }),
    tx.interaction.findMany({
      where: { accountId, occurredAt: { gte: since, lte: now }, deletedAt: null },
      orderBy: { occurredAt: "asc" },
      select: {
        id: true,
        accountId: true,
        occurredAt: true,
        type: true,
        sentiment: true,
        itOnTime: true,
        itPrepared: true,
        outcome: true,
        cancelledBy: true,
        summary: true,
        notes: true,
        phraseHits: true,
        quotes: { where: { deletedAt: null }, select: { id: true, side: true, text: true, phraseHits: true } },
      },
    }),
    tx.followUp.findMany({
      where: { accountId, createdAt: { lte: now }, deletedAt: null, OR: [{ doneAt: null }, { dueDate: { gte: since } }] },
      orderBy: { createdAt: "asc" },
      select: { id: true, accountId: true, owedBy: true, dueDate: true, doneAt: true, createdAt: true, interactionId: true },
    }),
    tx.$queryRaw<AccountSignalRow[]>(accountSignalsQuery(accountIds, now, since)),
    // Rating requests: invitations that were emailed (a skipped one never reached anybody).
    tx.ratingInvitation.findMany({
      where: { accountId, sentAt: { gte: since, lte: now }, ...settledBy(now) },
      orderBy: [{ sentAt: "asc" }, { id: "asc" }],
      select: { id: true, accountId: true, sentAt: true, answeredAt: true },
    }),
  ]);

  const signals = new Map<string, ParsedSignals>(accountIds.map((id) => [id, { ratings: [], interactions: [], followUps: [] }]));
  const of = (id: string) => signals.get(id) as ParsedSignals;

  for (const { accountId: id, createdAt, responsiveness, delivery, communication, businessUnderstanding, trust, phraseHits, ...rating } of ratings) {
    of(id).ratings.push({
      ...rating,
      at: createdAt,
      dimensions: { responsiveness, delivery, communication, businessUnderstanding, trust },
      phraseHits: storedHits(phraseHits),
    });
  }
  for (const { accountId: id, occurredAt, phraseHits, quotes, ...interaction } of interactions) {
    of(id).interactions.push({
      ...interaction,
      at: occurredAt,
      phraseHits: storedHits(phraseHits),
      quotes: quotes.map((quote) => ({ ...quote, phraseHits: storedHits(quote.phraseHits) })),
    });
  }
  for (const { accountId: id, ...followUp } of followUps) {
    // A follow-up completed after `now` was still open at `now` (matters when replaying history).
    of(id).followUps.push({ ...followUp, doneAt: followUp.doneAt && followUp.doneAt <= now ? followUp.doneAt : null });
  }
  for (const row of recorded) Object.assign(of(row.id), recordedSignals(row, now.getTime()));
  for (const { accountId: id, sentAt, answeredAt, ...request } of requests) {
    const list = (of(id).ratingRequests ??= []);
    // An answer given after `now` had not been given yet (a replay of history).
    list.push({ id: request.id, sentAt: sentAt as Date, answeredAt: answeredAt && answeredAt <= now ? answeredAt : null });
  }
  return signals;
}

/**
 * A sent invitation counts as a rating request once its outcome is known at `now`: its link has
 * expired or its campaign has closed (the contact had their whole chance), or it was answered and
 * then withdrawn. Counting links still open would read every new round as unanswered (a false
 * alarm on the day it goes out); counting only their answers would flatter the rate. A link IT
 * revoked (one by one or by cancelling the campaign) before it was answered asked nobody anything
 * the contact could still answer: it is left out.
 */
function settledBy(now: Date): Prisma.RatingInvitationWhereInput {
  const notWithdrawn: Prisma.RatingInvitationWhereInput = { OR: [{ revokedAt: null }, { revokedAt: { gt: now } }, { answeredAt: { lte: now } }] };
  const over: Prisma.RatingInvitationWhereInput = { OR: [{ expiresAt: { lte: now } }, { campaign: { closesAt: { lte: now } } }, { revokedAt: { lte: now } }] };
  return { AND: [over, notWithdrawn] };
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
