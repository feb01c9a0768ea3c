import { bandAtLeast, type Band } from "../config";
import { bandEvidence, makeEvidence, percent, plural } from "../evidence";
import { within, type MSlaPeriod as SlaPeriod } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// "IT should focus on keeping the trains and buses running on time" (001); users "will appreciate
// a proactive update rather than finding out themselves" (002).


/** One core system's service (or, for periods without a system, the unit's service as a whole). */
interface SystemService {
  system: string | null;
  periods: SlaPeriod[];
  missed: SlaPeriod[];
  /** The SLA band its share of missed periods meets, if any. */
  band: Band | undefined;
}

/**
 * Service levels judged system by system: one core system failing is "the trains and buses"
 * failing, however well the others run. Systems in name order, the unit as a whole first.
 */
export function slaBySystem(periods: readonly SlaPeriod[], bands: readonly Band[]): SystemService[] {
  // A unit has a handful of core systems: a list searched in place beats a map here.
  const systems: SystemService[] = [];
  for (const p of periods) {
    let service: SystemService | undefined;
    for (const s of systems) if (s.system === p.system) service = s;
    if (!service) systems.push((service = { system: p.system, periods: [], missed: [], band: undefined }));
    service.periods.push(p);
    if (p.attainedPercent < p.targetPercent) service.missed.push(p);
  }
  for (const s of systems) s.band = bandAtLeast(s.missed.length / s.periods.length, bands);
  return systems.sort((a, b) => (a.system === b.system ? 0 : a.system === null ? -1 : b.system === null ? 1 : a.system < b.system ? -1 : 1));
}

function lowest(missed: readonly SlaPeriod[]): SlaPeriod {
  let worst = missed[0]!;
  for (const p of missed) if (p.attainedPercent - p.targetPercent < worst.attainedPercent - worst.targetPercent) worst = p;
  return worst;
}

export const sla: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.slaPeriods) return [];
  const c = config.rules.sla;
  const periods = within(model.slaPeriods, now, config.windows.structuralDays);
  if (periods.length === 0) return [];
  const out: Evidence[] = [];
  let missedCount = 0;
  for (const { system, periods: list, missed, band } of slaBySystem(periods, c.missedShareAtLeast)) {
    missedCount += missed.length;
    if (!band) continue;
    const worst = lowest(missed);
    out.push(
      bandEvidence(band, {
        signal: "reliability.slaMissed",
        value: missed.length / list.length,
        sourceIds: stageOnly ? [] : missed.map((p) => p.id),
        rule: stageOnly ? "" : `service level missed in at least ${percent(band.at)} of periods${system ? " of a core system" : ""}`,
        message: stageOnly ? "" : system
          ? `Core system “${system}” missed its service level in ${missed.length} of ${list.length} recent periods (lowest ${worst.attainedPercent}% against ${worst.targetPercent}%).`
          : `The client's core systems missed their service level in ${missed.length} of ${list.length} recent periods.`,
      }),
    );
  }
  if (out.length > 0) return out;
  const metShare = 1 - missedCount / periods.length;
  if (metShare >= c.healthy.at) {
    return [
      makeEvidence({
        signal: "reliability.slaMet",
        value: metShare,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: stageOnly ? [] : periods.map((p) => p.id),
        rule: stageOnly ? "" : `service level met in at least ${percent(c.healthy.at)} of periods`,
        message: stageOnly ? "" : `The client's core systems met their service level in ${periods.length - missedCount} of ${periods.length} recent periods.`,
      }),
    ];
  }
  return [];
};

export const incidents: Rule = ({ model, now, config, stageOnly }) => {
  if (!model.incidents) return [];
  const c = config.rules.incidents;
  const list = within(model.incidents, now, config.windows.structuralDays);
  const out: Evidence[] = [];
  const major = list.filter((i) => i.major);
  const band = bandAtLeast(major.length, c.majorCountAtLeast);
  if (band) {
    out.push(
      bandEvidence(band, {
        signal: "reliability.majorIncidents",
        value: major.length,
        sourceIds: stageOnly ? [] : major.map((i) => i.id),
        rule: stageOnly ? "" : `at least ${plural(band.at, "major incident")}`,
        message: stageOnly ? "" : `${plural(major.length, "major incident")} on the client's systems in the last ${config.windows.structuralDays} days.`,
      }),
    );
  }
  const withNews = list.filter((i) => i.heardFromItFirst != null);
  if (withNews.length >= c.minWithNews) {
    const notFirst = withNews.filter((i) => i.heardFromItFirst === false);
    const share = notFirst.length / withNews.length;
    const newsBand = bandAtLeast(share, c.notHeardFirstShareAtLeast);
    if (newsBand) {
      out.push(
        bandEvidence(newsBand, {
          signal: "reliability.notHeardFromItFirst",
          value: share,
          sourceIds: stageOnly ? [] : notFirst.map((i) => i.id),
          rule: stageOnly ? "" : `client found out about at least ${percent(newsBand.at)} of incidents before IT told them`,
          message: stageOnly ? "" : `The client found out about ${notFirst.length} of ${withNews.length} incidents before IT told them.`,
        }),
      );
    }
  }
  return out;
};

export const reliabilityRules: Rule[] = [sla, incidents];
