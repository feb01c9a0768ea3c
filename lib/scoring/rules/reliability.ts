import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent, plural } from "../evidence";
import { within } from "../model";
import type { Evidence } from "../types";
import type { Rule } from "./rule";

// "IT should focus on keeping the trains and buses running on time" (001); users "will appreciate
// a proactive update rather than finding out themselves" (002).

export const sla: Rule = ({ model, now, config }) => {
  if (!model.slaPeriods) return [];
  const c = config.rules.sla;
  const periods = within(model.slaPeriods, now, config.windows.structuralDays);
  if (periods.length === 0) return [];
  const missed = periods.filter((p) => p.attainedPercent < p.targetPercent);
  const share = missed.length / periods.length;
  const band = bandAtLeast(share, c.missedShareAtLeast);
  if (band) {
    return [
      bandEvidence(band, {
        signal: "reliability.slaMissed",
        value: share,
        sourceIds: missed.map((p) => p.id),
        rule: `service level missed in at least ${percent(band.at)} of periods`,
        message: `The client's core systems missed their service level in ${missed.length} of ${periods.length} recent periods.`,
      }),
    ];
  }
  if (1 - share >= c.healthy.at) {
    return [
      makeEvidence({
        signal: "reliability.slaMet",
        value: 1 - share,
        stage: "HEALTHY",
        weight: c.healthy.weight,
        sourceIds: periods.map((p) => p.id),
        rule: `service level met in at least ${percent(c.healthy.at)} of periods`,
        message: `The client's core systems met their service level in ${periods.length - missed.length} of ${periods.length} recent periods.`,
      }),
    ];
  }
  return [];
};

export const incidents: Rule = ({ model, now, config }) => {
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
        sourceIds: major.map((i) => i.id),
        rule: `at least ${plural(band.at, "major incident")}`,
        message: `${plural(major.length, "major incident")} on the client's systems in the last ${config.windows.structuralDays} days.`,
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
          sourceIds: notFirst.map((i) => i.id),
          rule: `client found out about at least ${percent(newsBand.at)} of incidents before IT told them`,
          message: `The client found out about ${notFirst.length} of ${withNews.length} incidents before IT told them.`,
        }),
      );
    }
  }
  return out;
};

export const reliabilityRules: Rule[] = [sla, incidents];
