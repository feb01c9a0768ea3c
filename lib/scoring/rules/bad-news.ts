import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, plural } from "../evidence";
import { DAY, within } from "../model";
import type { Rule } from "./rule";

// "The objective of effective client management is to avoid a 'surprised' client ... Better to
// tell your client today that the project had a two day over-run" (000).

export const badNews: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.badNews) return [];
  const c = config.rules.badNews;
  const limit = c.lateAfterDays * DAY;
  const known = within(model.badNews, now, config.windows.structuralDays);
  // Late: told after the limit, or still untold once the limit has passed.
  const late = known.filter((b) => (b.told !== null && b.told <= now ? b.told - b.at : now - b.at) > limit);
  const band = bandAtLeast(late.length, c.countAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal: "badNews.late",
        value: late.length,
        sourceIds: stageOnly ? [] : late.map((b) => b.id),
        rule: stageOnly ? "" : `at least ${plural(band.at, "piece")} of bad news told more than ${c.lateAfterDays} days late`,
        message: stageOnly ? "" : `${plural(late.length, "piece")} of bad news reached the client more than ${c.lateAfterDays} days after IT knew (or not yet): a surprised client is an unhappy client.`,
      }),
    ];
  }
  const early = known.filter((b) => b.told !== null && b.told <= now && b.told - b.at <= limit);
  if (late.length === 0 && early.length >= c.healthyMinToldEarly) {
    return [
      makeEvidence({
        signal: "badNews.toldEarly",
        value: early.length,
        stage: "HEALTHY",
        weight: c.healthyWeight,
        sourceIds: stageOnly ? [] : early.map((b) => b.id),
        rule: stageOnly ? "" : `bad news told within ${c.lateAfterDays} days, at least ${c.healthyMinToldEarly} times`,
        message: stageOnly ? "" : `IT told the client bad news promptly ${early.length} times.`,
      }),
    ];
  }
  return [];
};

/**
 * The surprised client: bad news told late, and the client's ratings fell after it was told
 * ("a surprised client is all too often an unhappy or angry client", 000). Enough alone for the
 * sniffles: it is the client's own verdict on the late news. The largest fall counts.
 */
export const surprisedClient: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.badNews || model.ratings.length === 0) return [];
  const c = config.rules.surprisedClient;
  const limit = config.rules.badNews.lateAfterDays * DAY;
  let best: { drop: number; before: number; after: number; news: { id: string; at: number; told: number }; ids: string[] } | undefined;
  for (const b of within(model.badNews, now, config.windows.structuralDays)) {
    if (b.told === null || b.told > now || b.told - b.at <= limit) continue;
    const told = b.told;
    const end = Math.min(now, told + c.afterDays * DAY);
    let beforeSum = 0;
    let beforeN = 0;
    let afterSum = 0;
    const ids: string[] = [];
    for (const r of model.ratings) {
      if (r.at < told && r.at >= told - c.beforeDays * DAY) {
        beforeSum += r.overall;
        beforeN++;
      } else if (r.at >= told && r.at <= end) {
        afterSum += r.overall;
        ids.push(r.id);
      }
    }
    if (beforeN === 0 || ids.length === 0) continue;
    const before = beforeSum / beforeN;
    const after = afterSum / ids.length;
    if (before - after + 1e-9 >= c.ratingDropAtLeast && (!best || before - after > best.drop)) {
      best = { drop: before - after, before, after, news: { id: b.id, at: b.at, told }, ids };
    }
  }
  if (!best || c.weight === 0) return [];
  const daysLate = Math.round((best.news.told - best.news.at) / DAY);
  return [
    makeEvidence({
      signal: "badNews.surprisedClient",
      value: best.drop,
      stage: "SNIFFLES",
      weight: c.weight,
      sourceIds: stageOnly ? [] : [best.news.id, ...best.ids],
      rule: stageOnly ? "" : `bad news told late, then the average rating fell by at least ${c.ratingDropAtLeast}`,
      message: stageOnly ? "" : `Bad news reached the client ${daysLate} days after IT knew, and its ratings then fell from ${best.before.toFixed(1)} to ${best.after.toFixed(1)}: a surprised client.`,
    }),
  ];
};

export const badNewsRules: Rule[] = [badNews, surprisedClient];
