import type { SickStage, Side } from "./enums";
import type { ParsedSignals, StoredPhraseHit } from "./input";
import { catalogueEntry, detectPhrases } from "./phrases/match";
import type { PhraseSourceKind } from "./types";

// The validated input turned into the shape the rules read: times in epoch milliseconds, every
// list sorted by time then id (so input order cannot matter), phrase hits resolved once.

export const DAY = 86_400_000;

export interface TimedPhraseHit {
  phraseId: string;
  side: Side;
  stage: SickStage;
  matchedText: string;
  phrase: string;
  source: { kind: PhraseSourceKind; id: string };
  interactionId?: string;
  at: number;
}

type Timed<T, K extends string> = Omit<T, K> & { at: number };

type P = ParsedSignals;
export type MRating = Timed<P["ratings"][number], "at">;
export type MInteraction = Timed<P["interactions"][number], "at">;
export interface MFollowUp {
  id: string;
  owedBy: Side;
  due: number;
  done: number | null;
  at: number;
}

export interface Model {
  ratings: MRating[];
  interactions: MInteraction[];
  followUps: MFollowUp[];
  phraseHits: TimedPhraseHit[];
  ratingRequests?: { id: string; at: number; answered: number | null }[];
  itAssessments?: { id: string; at: number; overall: number }[];
  agreedCadenceDays?: number;
  projects?: (Timed<NonNullable<P["projects"]>[number], "at">)[];
  slaPeriods?: (Timed<NonNullable<P["slaPeriods"]>[number], "at">)[];
  incidents?: (Timed<NonNullable<P["incidents"]>[number], "at">)[];
  analystLayers?: (Timed<NonNullable<P["analystLayers"]>[number], "at">)[];
  structuralEvents?: { id: string; at: number; kind: NonNullable<P["structuralEvents"]>[number]["kind"]; resolved: number | null }[];
  goals?: { id: string; at: number; lastReviewed: number | null; reviewEveryDays?: number }[];
  badNews?: { id: string; at: number; told: number | null }[];
}

function byTime<T extends { at: number; id: string }>(list: T[]): T[] {
  return list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function withAt<T extends { at: Date }>(list: T[]): (Omit<T, "at"> & { at: number })[] {
  return list.map((r) => ({ ...r, at: r.at.getTime() }));
}

function ms(d: Date | null | undefined): number | null {
  return d ? d.getTime() : null;
}

function resolveHits(
  stored: StoredPhraseHit[] | undefined,
  scan: () => StoredPhraseHit[],
  source: TimedPhraseHit["source"],
  at: number,
  interactionId?: string,
): TimedPhraseHit[] {
  return (stored ?? scan()).map((h) => ({
    ...h,
    phrase: catalogueEntry(h.phraseId)?.quote ?? h.phraseId,
    source,
    ...(interactionId ? { interactionId } : {}),
    at,
  }));
}

function phraseHitsOf(signals: ParsedSignals): TimedPhraseHit[] {
  const hits: TimedPhraseHit[] = [];
  for (const r of signals.ratings) {
    const comment = r.comment ?? "";
    hits.push(
      ...resolveHits(r.phraseHits, () => detectPhrases(comment, "BUSINESS"), { kind: "rating", id: r.id }, r.at.getTime()),
    );
  }
  for (const i of signals.interactions) {
    const at = i.at.getTime();
    const texts = [i.summary ?? "", i.notes ?? ""];
    hits.push(...resolveHits(i.phraseHits, () => detectPhrases(texts), { kind: "interaction", id: i.id }, at));
    for (const q of i.quotes) {
      hits.push(...resolveHits(q.phraseHits, () => detectPhrases(q.text, q.side), { kind: "quote", id: q.id }, at, i.id));
    }
  }
  return hits.sort(
    (a, b) =>
      a.at - b.at ||
      (a.source.id < b.source.id ? -1 : a.source.id > b.source.id ? 1 : 0) ||
      (a.phraseId < b.phraseId ? -1 : a.phraseId > b.phraseId ? 1 : 0),
  );
}

export function buildModel(s: ParsedSignals): Model {
  const model: Model = {
    ratings: byTime(withAt(s.ratings)),
    interactions: byTime(withAt(s.interactions)),
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
  if (s.itAssessments) model.itAssessments = byTime(withAt(s.itAssessments));
  if (s.agreedCadenceDays !== undefined) model.agreedCadenceDays = s.agreedCadenceDays;
  if (s.projects) model.projects = byTime(withAt(s.projects));
  if (s.slaPeriods) model.slaPeriods = byTime(withAt(s.slaPeriods));
  if (s.incidents) model.incidents = byTime(withAt(s.incidents));
  if (s.analystLayers) model.analystLayers = byTime(withAt(s.analystLayers));
  if (s.structuralEvents) {
    model.structuralEvents = byTime(
      s.structuralEvents.map((e) => ({ id: e.id, at: e.at.getTime(), kind: e.kind, resolved: ms(e.resolvedAt) })),
    );
  }
  if (s.goals) {
    model.goals = byTime(
      s.goals.map((g) => ({
        id: g.id,
        at: g.agreedAt.getTime(),
        lastReviewed: ms(g.lastReviewedAt),
        ...(g.reviewEveryDays !== undefined ? { reviewEveryDays: g.reviewEveryDays } : {}),
      })),
    );
  }
  if (s.badNews) model.badNews = byTime(s.badNews.map((b) => ({ id: b.id, at: b.knownAt.getTime(), told: ms(b.toldAt) })));
  return model;
}

/** Records in the `days` before `now` (inclusive of now); later records do not exist yet. */
export function within<T extends { at: number }>(list: readonly T[], now: number, days: number): T[] {
  const from = now - days * DAY;
  return list.filter((r) => r.at > from && r.at <= now);
}

/** Records known at `now`. */
export function asOf<T extends { at: number }>(list: readonly T[], now: number): T[] {
  return list.filter((r) => r.at <= now);
}
