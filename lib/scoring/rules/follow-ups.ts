import { bandAtLeast } from "../config";
import { bandEvidence, makeEvidence, percent, plural } from "../evidence";
import { DAY, type MFollowUp } from "../model";
import type { Rule } from "./rule";

// Commitments: "it is the IT/MIS professional who chases the client for responses and answers;
// ... If a client is chasing the IT department it generally means the relationship is not being
// managed correctly" (000).

const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);
/** Due dates are calendar days: an item is late once its due day has ended. */
const lateAt = (f: MFollowUp) => f.due + DAY;
const openAt = (f: MFollowUp, now: number) => f.at <= now && (f.done === null || f.done > now);

export const overdueFollowUps: Rule = ({ model, now, config, stageOnly }) => {
  const overdue = model.followUps.filter((f) => f.owedBy === "IT" && openAt(f, now) && lateAt(f) <= now);
  const band = bandAtLeast(overdue.length, config.rules.overdueFollowUps.countAtLeast);
  if (!band) return [];
  const oldest = Math.max(...overdue.map((f) => Math.floor((now - f.due) / DAY)));
  return [
    bandEvidence(band, {
      signal: "followUps.overdue",
      value: overdue.length,
      sourceIds: stageOnly ? [] : ids(overdue),
      rule: stageOnly ? "" : `at least ${plural(band.at, "overdue follow-up")} owed by IT`,
      message: stageOnly ? "" : `IT owes ${plural(overdue.length, "overdue follow-up")}, the oldest ${plural(oldest, "day")} past due.`,
    }),
  ];
};

export const clientChasing: Rule = ({ model, now, config, stageOnly }) => {
  const c = config.rules.clientChasing;
  const open = model.followUps.filter((f) => openAt(f, now));
  if (open.length < c.minOpen) return [];
  const owedByIt = open.filter((f) => f.owedBy === "IT");
  const share = owedByIt.length / open.length;
  const band = bandAtLeast(share, c.itOwedShareAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "followUps.clientChasing",
      value: share,
      sourceIds: stageOnly ? [] : ids(owedByIt),
      rule: stageOnly ? "" : `IT owes at least ${percent(band.at)} of open follow-ups`,
      message: stageOnly ? "" : `IT owes ${owedByIt.length} of ${open.length} open follow-ups: the client is waiting on IT instead of IT chasing the client.`,
    }),
  ];
};

export const followUpsOnTime: Rule = ({ model, now, config, stageOnly }) => {
  const c = config.rules.followUpsOnTime;
  const from = now - config.windows.recentDays * DAY;
  const done = model.followUps.filter((f) => f.owedBy === "IT" && f.done !== null && f.done <= now && f.done > from);
  if (done.length < c.minDone) return [];
  const onTime = done.filter((f) => f.done! < lateAt(f));
  const share = onTime.length / done.length;
  if (share < c.healthy.at) return [];
  return [
    makeEvidence({
      signal: "followUps.onTime",
      value: share,
      stage: "HEALTHY",
      weight: c.healthy.weight,
      sourceIds: stageOnly ? [] : ids(onTime),
      rule: stageOnly ? "" : `at least ${percent(c.healthy.at)} of IT's follow-ups done on time`,
      message: stageOnly ? "" : `IT did ${onTime.length} of ${done.length} recent follow-ups on time.`,
    }),
  ];
};

export const followUpRules: Rule[] = [overdueFollowUps, clientChasing, followUpsOnTime];
