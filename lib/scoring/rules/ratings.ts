import { type Band, bandAtLeast, bandBelow } from "../config";
import { bandEvidence, makeEvidence, percent, plural, round } from "../evidence";
import { DAY, within, type MRating } from "../model";
import type { Evidence } from "../types";
import { slaBySystem } from "./reliability";
import { meanOf, type Rule } from "./rule";

// The client's own voice (article 003: "gain trust and credibility from your business clients").

const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);
const points = (n: number) => plural(round(n, 1), "point");
const overall = (r: { overall: number }) => r.overall;

export const ratingLevel: Rule = ({ model, now, config, stageOnly }) => {
  const { minRatings, below, healthy } = config.rules.ratingLevel;
  const days = config.windows.recentDays;
  const recent = within(model.ratings, now, days);
  if (recent.length < minRatings) return [];
  const avg = meanOf(recent, overall);
  const signal = "ratings.overall.level";
  const band = bandBelow(avg, below);
  // Fields named, not spread from a shared object: a spread copies through a slow generic path.
  if (band) {
    return [
      bandEvidence(band, {
        signal,
        value: avg,
        sourceIds: stageOnly ? [] : ids(recent),
        rule: stageOnly ? "" : `average overall rating below ${band.at} over ${days} days`,
        message: stageOnly ? "" : `Clients rated IT ${round(avg, 1)}/5 on average over the last ${days} days (${plural(recent.length, "rating")}), below ${band.at}.`,
      }),
    ];
  }
  if (avg >= healthy.at) {
    return [
      makeEvidence({
        signal,
        value: avg,
        sourceIds: stageOnly ? [] : ids(recent),
        stage: "HEALTHY",
        weight: healthy.weight,
        rule: stageOnly ? "" : `average overall rating at least ${healthy.at} over ${days} days`,
        message: stageOnly ? "" : `Clients rated IT ${round(avg, 1)}/5 on average over the last ${days} days (${plural(recent.length, "rating")}).`,
      }),
    ];
  }
  return [];
};

/** Net promoter style: share of 9–10 minus share of 0–6, in points. */
export const recommend: Rule = ({ model, now, config, stageOnly }) => {
  const { minRatings, netBelow, healthy } = config.rules.recommend;
  const days = config.windows.recentDays;
  const recent = within(model.ratings, now, days);
  if (recent.length < minRatings) return [];
  let promoters = 0;
  let detractors = 0;
  for (const r of recent) {
    if (r.recommend >= 9) promoters++;
    else if (r.recommend <= 6) detractors++;
  }
  const net = ((promoters - detractors) / recent.length) * 100;
  const signal = "ratings.recommend.net";
  const band = bandBelow(net, netBelow);
  if (band) {
    return [
      bandEvidence(band, {
        signal,
        value: net,
        sourceIds: stageOnly ? [] : ids(recent),
        rule: stageOnly ? "" : `net recommendation below ${band.at}`,
        message: stageOnly ? "" : `More clients would warn others off IT than recommend it: net recommendation ${Math.round(net)} (${detractors} of ${recent.length} ratings gave 0–6).`,
      }),
    ];
  }
  if (net >= healthy.at) {
    return [
      makeEvidence({
        signal,
        value: net,
        sourceIds: stageOnly ? [] : ids(recent),
        stage: "HEALTHY",
        weight: healthy.weight,
        rule: stageOnly ? "" : `net recommendation at least ${healthy.at}`,
        message: stageOnly ? "" : `Clients would recommend IT: net recommendation ${Math.round(net)} (${promoters} of ${recent.length} ratings gave 9–10).`,
      }),
    ];
  }
  return [];
};

type Dimensions = NonNullable<MRating["dimensions"]>;

/**
 * Each dimension with a reader of its own: `dimensions[name]` with a variable name is a
 * megamorphic lookup, and was most of this rule's cost.
 */
type DimensionReader = { name: keyof Dimensions; label: string; of: (d: Dimensions) => number | null | undefined };
const READERS: readonly DimensionReader[] = [
  { name: "responsiveness", label: "responsiveness", of: (d) => d.responsiveness },
  { name: "delivery", label: "delivery", of: (d) => d.delivery },
  { name: "communication", label: "communication", of: (d) => d.communication },
  { name: "businessUnderstanding", label: "understanding of the business", of: (d) => d.businessUnderstanding },
  { name: "trust", label: "trust", of: (d) => d.trust },
];
/** With their signal names built once: a name built per evaluation is hashed afresh by every lookup. */
const DIMENSIONS: readonly (DimensionReader & { level: string; gap: string })[] = READERS.map((d) => ({
  ...d,
  level: `ratings.dimension.${d.name}`,
  gap: `ratings.perceptionGap.${d.name}`,
}));

type Rated = { id: string; dimensions?: Dimensions | undefined };

/** The records (client ratings or IT's own assessments) that rated a dimension, in time order. */
function ratedIds(list: readonly Rated[], of: (d: Dimensions) => number | null | undefined): string[] {
  const out: string[] = [];
  for (const r of list) if (r.dimensions && of(r.dimensions) != null) out.push(r.id);
  return out;
}

/**
 * Per dimension, in DIMENSIONS order, how many records rated it and the sum of their values: one
 * pass reading each field directly, which costs a fifth of a pass per dimension.
 */
function dimensionTotals(list: readonly Rated[]): { counts: number[]; sums: number[] } {
  const counts = [0, 0, 0, 0, 0];
  const sums = [0, 0, 0, 0, 0];
  for (const r of list) {
    const d = r.dimensions;
    if (!d) continue;
    let v = d.responsiveness;
    if (v != null) {
      counts[0]!++;
      sums[0]! += v;
    }
    v = d.delivery;
    if (v != null) {
      counts[1]!++;
      sums[1]! += v;
    }
    v = d.communication;
    if (v != null) {
      counts[2]!++;
      sums[2]! += v;
    }
    v = d.businessUnderstanding;
    if (v != null) {
      counts[3]!++;
      sums[3]! += v;
    }
    v = d.trust;
    if (v != null) {
      counts[4]!++;
      sums[4]! += v;
    }
  }
  return { counts, sums };
}

/**
 * Each dimension the clients rated: rated low, and, where IT rated itself on it too, rated far below
 * IT's own view (article 004's gap, dimension by dimension). One pass over the ratings for both.
 */
export const dimensions: Rule = ({ model, now, config, stageOnly }) => {
  const { minRatings, below } = config.rules.dimensions;
  const gapBands = config.rules.perceptionGap.dimensionGapAtLeast;
  const days = config.windows.recentDays;
  const recent = within(model.ratings, now, days);
  const { counts, sums } = dimensionTotals(recent);
  const own = model.itAssessments ? within(model.itAssessments, now, days) : [];
  const itView = own.length > 0 ? dimensionTotals(own) : undefined;
  const out: Evidence[] = [];
  DIMENSIONS.forEach(({ name, label, of, level, gap: gapSignal }, k) => {
    const count = counts[k]!;
    if (count < minRatings) return;
    const mean = sums[k]! / count;
    const band = bandBelow(mean, below);
    if (band) {
      out.push(
        bandEvidence(band, {
          signal: level,
          value: mean,
          sourceIds: stageOnly ? [] : ratedIds(recent, of),
          rule: stageOnly ? "" : `average ${name} rating below ${band.at}`,
          message: stageOnly ? "" : `Clients rated IT's ${label} ${round(mean, 1)}/5 on average (${plural(count, "rating")}).`,
        }),
      );
    }
    const itCount = itView?.counts[k] ?? 0;
    if (itCount === 0) return;
    const itMean = itView!.sums[k]! / itCount;
    const gap = itMean - mean;
    const gapBand = bandAtLeast(gap, gapBands);
    if (!gapBand) return;
    out.push(
      bandEvidence(gapBand, {
        signal: gapSignal,
        value: gap,
        sourceIds: stageOnly ? [] : [...ratedIds(own, of), ...ratedIds(recent, of)],
        rule: stageOnly ? "" : `IT rates its ${name} at least ${gapBand.at} points above the client`,
        message: stageOnly ? "" : `IT rates its ${label} ${round(itMean, 1)}/5, clients ${round(mean, 1)}/5: ${points(gap)} apart.`,
      }),
    );
  });
  return out;
};

/**
 * The last `trendDays` against the `recentDays` before them. Not part of the score: a worse old
 * rating would make the trend look better, and the score must never rise with a worse rating.
 */
export const ratingTrend: Rule = ({ model, now, config, stageOnly }) => {
  const { minEach, dropAtLeast, healthyRise } = config.rules.ratingTrend;
  const { trendDays, recentDays } = config.windows;
  const latest = within(model.ratings, now, trendDays);
  const before = within(model.ratings, now - trendDays * DAY, recentDays);
  if (latest.length < minEach || before.length < minEach) return [];
  const change = meanOf(latest, overall) - meanOf(before, overall);
  const signal = "ratings.overall.trend";
  const band = bandAtLeast(-change, dropAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal,
        value: change,
        sourceIds: stageOnly ? [] : [...ids(before), ...ids(latest)],
        rule: stageOnly ? "" : `average overall rating fell by at least ${band.at} against the previous period`,
        message: stageOnly ? "" : `Ratings are falling: the average of the last ${trendDays} days is ${points(-change)} below the ${recentDays} days before.`,
      }),
    ];
  }
  if (change >= healthyRise.at) {
    return [
      makeEvidence({
        signal,
        value: change,
        sourceIds: stageOnly ? [] : [...ids(before), ...ids(latest)],
        stage: "HEALTHY",
        weight: healthyRise.weight,
        rule: stageOnly ? "" : `average overall rating rose by at least ${healthyRise.at}`,
        message: stageOnly ? "" : `Ratings are rising: the average of the last ${trendDays} days is ${points(change)} above the ${recentDays} days before.`,
      }),
    ];
  }
  return [];
};

type Request = { id: string; at: number; answered: number | null };

/** Answered by `now` (a replay of history must not see later answers). */
function answeredCount(list: readonly Request[], now: number): number {
  let n = 0;
  for (const r of list) if (r.answered !== null && r.answered <= now) n++;
  return n;
}

/** The more severe of two bands from the same (ordered) list; undefined when neither was met. */
function worse(bands: readonly Band[], a: Band | undefined, b: Band | undefined): Band | undefined {
  if (!a) return b;
  if (!b) return a;
  return bands.indexOf(b) > bands.indexOf(a) ? b : a;
}

/**
 * Who answered when asked. Clients who stop answering are disengaging: a response rate falling
 * from 70% to 15% is a symptom of an advanced breakdown (article 001: contact fades as the
 * relationship fails; 003: feedback sessions are how IT earns trust). Judged on the `recentDays`
 * and on the last `trendDays` alone (when it holds enough requests), whichever is worse, so a
 * collapse in the latest round is not averaged away by the rounds before it; a fall from the
 * `trendDays` before is told with both rates. Severity never depends on the earlier window, so an
 * earlier request left unanswered can never make the account look better.
 */
export const responseRate: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.ratingRequests) return [];
  const { minRequests, below, healthy } = config.rules.responseRate;
  const { recentDays: days, trendDays } = config.windows;
  // A request sent in the last few days may still be answered; it is counted anyway, because a
  // client who answers promptly is what we want to see (the app leaves out requests that can
  // still be answered, lib/health/signals.ts).
  const sent = within(model.ratingRequests, now, days);
  if (sent.length < minRequests) return [];
  const answered = answeredCount(sent, now);
  const rate = answered / sent.length;

  const latest = within(model.ratingRequests, now, trendDays);
  const latestCounts = latest.length >= minRequests;
  const latestAnswered = answeredCount(latest, now);
  const latestRate = latestCounts ? latestAnswered / latest.length : rate;
  const previous = within(model.ratingRequests, now - trendDays * DAY, trendDays);
  const previousAnswered = answeredCount(previous, now);
  const previousRate = previous.length > 0 ? previousAnswered / previous.length : 0;
  const falling = latestCounts && previous.length >= minRequests && latestRate < previousRate;

  const band = worse(below, bandBelow(rate, below), latestCounts ? bandBelow(latestRate, below) : undefined);
  const judged = Math.min(rate, latestRate);
  // The records the message speaks of, in time order.
  const span = Math.max(days, latestCounts ? trendDays : 0, falling ? 2 * trendDays : 0);
  const sourceIds = ids(span === days ? sent : within(model.ratingRequests, now, span));
  const counts = `${answered} of ${plural(sent.length, "rating request")} in the last ${days} days`;
  const trend = falling
    ? `The response rate fell from ${percent(previousRate)} to ${percent(latestRate)}: clients answered ${latestAnswered} of ${plural(latest.length, "rating request")} in the last ${trendDays} days, ${previousAnswered} of ${previous.length} in the ${trendDays} days before`
    : undefined;
  if (band) {
    return [
      bandEvidence(band, {
        signal: "ratings.responseRate",
        value: judged,
        sourceIds,
        rule: stageOnly ? "" : `rating response rate below ${percent(band.at)}${falling ? " and falling" : ""}`,
        message: stageOnly ? "" : trend
          ? `${trend} (${counts}): they are disengaging.`
          : `Clients answered ${counts} (${percent(judged)}${latestCounts && latestRate < rate ? ` overall, ${percent(latestRate)} in the last ${trendDays} days` : ""}): they are disengaging.`,
      }),
    ];
  }
  if (judged >= healthy.at) {
    return [
      makeEvidence({
        signal: "ratings.responseRate",
        value: judged,
        sourceIds,
        stage: "HEALTHY",
        weight: healthy.weight,
        rule: stageOnly ? "" : `rating response rate at least ${percent(healthy.at)}`,
        message: stageOnly ? "" : trend ? `${trend} (${counts}).` : `Clients answered ${counts} (${percent(rate)}).`,
      }),
    ];
  }
  return [];
};

/** IT's view against the client's (article 004: superb technically, "perceived as incompetent"). */
export const perceptionGap: Rule = ({ model, now, config, stageOnly }) => {
  const { atLeast, reliableButRatedBelow, reliableButRatedWeight } = config.rules.perceptionGap;
  const days = config.windows.recentDays;
  const recent = within(model.ratings, now, days);
  if (recent.length === 0) return [];
  const clientAvg = meanOf(recent, overall);
  const out: Evidence[] = [];
  const own = model.itAssessments ? within(model.itAssessments, now, days) : [];
  if (own.length > 0) {
    const gap = meanOf(own, overall) - clientAvg;
    const band = bandAtLeast(gap, atLeast);
    if (band) {
      out.push(
        bandEvidence(band, {
          signal: "ratings.perceptionGap",
          value: gap,
          sourceIds: stageOnly ? [] : [...ids(own), ...ids(recent)],
          rule: stageOnly ? "" : `IT rates the relationship at least ${band.at} points above the client`,
          message: stageOnly ? "" : `IT rates the relationship ${points(gap)} higher than the client does (${round(clientAvg, 1)}/5): the two sides see it differently.`,
        }),
      );
    }
  }
  if (clientAvg >= reliableButRatedBelow || !model.slaPeriods) return out;
  const periods = within(model.slaPeriods, now, config.windows.structuralDays);
  const missedShare = periods.filter((p) => p.attainedPercent < p.targetPercent).length / periods.length;
  // "Reliable" is exactly "no SLA symptom" on any system, so a miss swaps this symptom for that
  // one, never leaving the account looking better (the SLA bands start at least as heavy).
  const reliable = periods.length > 0 && slaBySystem(periods, config.rules.sla.missedShareAtLeast).every((s) => !s.band);
  if (reliable) {
    out.push(
      makeEvidence({
        signal: "ratings.reliableButRatedLow",
        value: clientAvg,
        stage: "SNIFFLES",
        weight: reliableButRatedWeight,
        sourceIds: stageOnly ? [] : [...ids(periods), ...ids(recent)],
        rule: stageOnly ? "" : `service levels met yet rated below ${reliableButRatedBelow}`,
        message: stageOnly ? "" : `Service levels were met in ${percent(1 - missedShare)} of periods, yet clients rate IT ${round(clientAvg, 1)}/5: good technical work is not building the relationship.`,
      }),
    );
  }
  return out;
};

export const ratingRules: Rule[] = [ratingLevel, recommend, dimensions, ratingTrend, responseRate, perceptionGap];
