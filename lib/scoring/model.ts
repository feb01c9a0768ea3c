import type { GoalReviewResult, InteractionOutcome, ProjectStatus, Side } from "./enums";
import type { ParsedSignals, StoredPhraseHit } from "./input";
import { catalogueEntry } from "./phrases/match";
import { interactionTextPhrases, quotePhrases, ratingCommentPhrases } from "./phrases/sources";
import { byTime } from "./sort-by-time";
import type { PhraseHit, PhraseSourceKind } from "./types";

// The validated input turned into the shape the rules read: times in epoch milliseconds, every
// list sorted by time then id (so input order cannot matter), phrase hits resolved once. Records
// are built field by field, every field always present (null when unknown): copies by spread or
// rest, and optional fields present on some records only, make slow objects that every rule then
// reads slowly.

export const DAY = 86_400_000;

/** A phrase hit as the output reports it, with its time kept as epoch milliseconds while computing. */
export type TimedPhraseHit = Omit<PhraseHit, "at"> & { at: number };

type P = ParsedSignals;
type Rating = P["ratings"][number];
type Interaction = P["interactions"][number];
export type MRating = Pick<Rating, "id" | "overall" | "recommend" | "dimensions"> & { at: number };
export type MInteraction = Pick<Interaction, "id" | "type" | "sentiment" | "itOnTime" | "itPrepared" | "cancelledBy"> & {
  at: number;
  /** Resolved: an interaction without one was HELD unless `cancelledBy` names a side. */
  outcome: InteractionOutcome;
};
export interface MFollowUp {
  id: string;
  owedBy: Side;
  due: number;
  done: number | null;
  at: number;
}

export type MDimensions = { [K in keyof NonNullable<Rating["dimensions"]>]-?: number | null };

export interface MProject {
  id: string;
  name: string | null;
  at: number;
  highProfile: boolean;
  late: boolean | null;
  overBudget: boolean | null;
  scopeMissed: boolean | null;
  status: ProjectStatus | null;
  plannedEnd: number | null;
  actualEnd: number | null;
  budget: number | null;
  actualCost: number | null;
  scopeDeliveredPercent: number | null;
}

export interface MSlaPeriod {
  id: string;
  at: number;
  targetPercent: number;
  attainedPercent: number;
  system: string | null;
}

export interface MGoal {
  id: string;
  at: number;
  lastReviewed: number | null;
  reviewEveryDays: number | null;
  /** In time order (then result, for reviews on the same day); null when none are recorded. */
  reviews: { at: number; result: GoalReviewResult }[] | null;
}

export interface Model {
  ratings: MRating[];
  interactions: MInteraction[];
  followUps: MFollowUp[];
  phraseHits: TimedPhraseHit[];
  ratingRequests?: { id: string; at: number; answered: number | null }[];
  itAssessments?: { id: string; at: number; overall: number; dimensions: MDimensions | undefined }[];
  agreedCadenceDays?: number;
  trackedSince?: number;
  projects?: MProject[];
  slaPeriods?: MSlaPeriod[];
  incidents?: { id: string; at: number; major: boolean; heardFromItFirst: boolean | null }[];
  analystLayers?: { id: string; at: number; count: number }[];
  structuralEvents?: {
    id: string;
    at: number;
    kind: NonNullable<P["structuralEvents"]>[number]["kind"];
    resolved: number | null;
    size: number | null;
    forced: boolean | null;
  }[];
  goals?: MGoal[];
  badNews?: { id: string; at: number; told: number | null }[];
  declinedRequests?: { id: string; at: number; reasonExplained: boolean }[];
}

function dimensionsOf(d: Rating["dimensions"]): MDimensions | undefined {
  if (!d) return undefined;
  return {
    responsiveness: d.responsiveness ?? null,
    delivery: d.delivery ?? null,
    communication: d.communication ?? null,
    businessUnderstanding: d.businessUnderstanding ?? null,
    trust: d.trust ?? null,
  };
}

function ms(d: Date | null | undefined): number | null {
  return d ? d.getTime() : null;
}

// Plain loops, no closures per record: this runs for every record of every rescore.
function pushHits(
  out: TimedPhraseHit[],
  hits: readonly StoredPhraseHit[],
  kind: PhraseSourceKind,
  id: string,
  at: number,
  interactionId?: string,
): void {
  if (hits.length === 0) return;
  const source = { kind, id };
  for (const h of hits) {
    const hit: TimedPhraseHit = {
      phraseId: h.phraseId,
      side: h.side,
      stage: h.stage,
      matchedText: h.matchedText,
      phrase: catalogueEntry(h.phraseId)?.quote ?? h.phraseId,
      source,
      at,
    };
    if (interactionId) hit.interactionId = interactionId;
    out.push(hit);
  }
}

function compareReviews(a: { at: number; result: string }, b: { at: number; result: string }): number {
  return a.at - b.at || (a.result < b.result ? -1 : a.result > b.result ? 1 : 0);
}

function compareHits(a: TimedPhraseHit, b: TimedPhraseHit): number {
  return (
    a.at - b.at ||
    (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0) ||
    (a.phraseId < b.phraseId ? -1 : a.phraseId > b.phraseId ? 1 : 0)
  );
}

function phraseHitsOf(signals: ParsedSignals): TimedPhraseHit[] {
  const hits: TimedPhraseHit[] = [];
  for (const r of signals.ratings) {
    pushHits(hits, r.phraseHits ?? ratingCommentPhrases(r.comment), "rating", r.id, r.at.getTime());
  }
  for (const i of signals.interactions) {
    const at = i.at.getTime();
    pushHits(hits, i.phraseHits ?? interactionTextPhrases(i.summary, i.notes), "interaction", i.id, at);
    for (const q of i.quotes) {
      pushHits(hits, q.phraseHits ?? quotePhrases(q.text, q.side), "quote", q.id, at, i.id);
    }
  }
  return hits.sort(compareHits);
}

export function buildModel(s: ParsedSignals): Model {
  // Only the fields the rules read: copying whole records (texts, quotes) is most of the cost.
  const model: Model = {
    ratings: byTime(
      s.ratings.map((r) => ({ id: r.id, at: r.at.getTime(), overall: r.overall, recommend: r.recommend, dimensions: r.dimensions })),
    ),
    interactions: byTime(
      s.interactions.map((i) => ({
        id: i.id,
        at: i.at.getTime(),
        type: i.type,
        sentiment: i.sentiment,
        itOnTime: i.itOnTime,
        itPrepared: i.itPrepared,
        cancelledBy: i.cancelledBy,
        outcome: i.outcome ?? (i.cancelledBy === "NOBODY" ? "HELD" : "CANCELLED"),
      })),
    ),
    followUps: byTime(
      s.followUps.map((f) => ({
        id: f.id,
        owedBy: f.owedBy,
        due: f.dueDate.getTime(),
        done: ms(f.doneAt),
        at: f.createdAt.getTime(),
      })),
    ),
    phraseHits: phraseHitsOf(s),
  };
  if (s.ratingRequests) {
    model.ratingRequests = byTime(s.ratingRequests.map((r) => ({ id: r.id, at: r.sentAt.getTime(), answered: ms(r.answeredAt) })));
  }
  if (s.itAssessments) {
    model.itAssessments = byTime(
      s.itAssessments.map((a) => ({ id: a.id, at: a.at.getTime(), overall: a.overall, dimensions: dimensionsOf(a.dimensions) })),
    );
  }
  if (s.agreedCadenceDays !== undefined) model.agreedCadenceDays = s.agreedCadenceDays;
  if (s.trackedSince) model.trackedSince = s.trackedSince.getTime();
  if (s.projects) {
    model.projects = byTime(
      s.projects.map((p) => ({
        id: p.id,
        name: p.name ?? null,
        at: p.at.getTime(),
        highProfile: p.highProfile,
        late: p.late ?? null,
        overBudget: p.overBudget ?? null,
        scopeMissed: p.scopeMissed ?? null,
        status: p.status ?? null,
        plannedEnd: ms(p.plannedEnd),
        actualEnd: ms(p.actualEnd),
        budget: p.budget ?? null,
        actualCost: p.actualCost ?? null,
        scopeDeliveredPercent: p.scopeDeliveredPercent ?? null,
      })),
    );
  }
  if (s.slaPeriods) {
    model.slaPeriods = byTime(
      s.slaPeriods.map((p) => ({
        id: p.id,
        at: p.at.getTime(),
        targetPercent: p.targetPercent,
        attainedPercent: p.attainedPercent,
        system: p.system ?? null,
      })),
    );
  }
  if (s.incidents) {
    model.incidents = byTime(
      s.incidents.map((i) => ({ id: i.id, at: i.at.getTime(), major: i.major, heardFromItFirst: i.heardFromItFirst ?? null })),
    );
  }
  if (s.analystLayers) model.analystLayers = byTime(s.analystLayers.map((l) => ({ id: l.id, at: l.at.getTime(), count: l.count })));
  if (s.structuralEvents) {
    model.structuralEvents = byTime(
      s.structuralEvents.map((e) => ({
        id: e.id,
        at: e.at.getTime(),
        kind: e.kind,
        resolved: ms(e.resolvedAt),
        size: e.size ?? null,
        forced: e.forced ?? null,
      })),
    );
  }
  if (s.goals) {
    model.goals = byTime(
      s.goals.map((g) => ({
        id: g.id,
        at: g.agreedAt.getTime(),
        lastReviewed: ms(g.lastReviewedAt),
        reviewEveryDays: g.reviewEveryDays ?? null,
        reviews: g.reviews ? g.reviews.map((r) => ({ at: r.at.getTime(), result: r.result })).sort(compareReviews) : null,
      })),
    );
  }
  if (s.badNews) model.badNews = byTime(s.badNews.map((b) => ({ id: b.id, at: b.knownAt.getTime(), told: ms(b.toldAt) })));
  if (s.declinedRequests) {
    model.declinedRequests = byTime(s.declinedRequests.map((r) => ({ id: r.id, at: r.at.getTime(), reasonExplained: r.reasonExplained })));
  }
  return model;
}

/** Index of the first record later than `time` in a list sorted by time. */
function after<T extends { at: number }>(list: readonly T[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.at <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records (of a time-sorted list) in the `days` before `now`; later records do not exist yet. */
export function within<T extends { at: number }>(list: readonly T[], now: number, days: number): T[] {
  return list.slice(after(list, now - days * DAY), after(list, now));
}

/** How many records (of a time-sorted list) fall in the `days` before `now`, without copying them. */
export function countWithin(list: readonly { at: number }[], now: number, days: number): number {
  return after(list, now) - after(list, now - days * DAY);
}

/** The time of the latest record (of a time-sorted list) at or before `now`, if any. */
export function latestAt(list: readonly { at: number }[], now: number): number | undefined {
  const i = after(list, now);
  return i === 0 ? undefined : list[i - 1]!.at;
}

/** Records (of a time-sorted list) known at `now`. */
export function asOf<T extends { at: number }>(list: readonly T[], now: number): T[] {
  return list.slice(0, after(list, now));
}
