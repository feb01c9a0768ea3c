import { bandAtLeast } from "../config";
import type { InteractionType } from "../enums";
import { bandEvidence, makeEvidence, percent, plural, round } from "../evidence";
import { DAY, within, type MInteraction } from "../model";
import type { Evidence } from "../types";
import type { Rule, RuleContext } from "./rule";

// How IT behaves with its client (article 000: "client, not colleague").

const ids = (list: readonly { id: string }[]) => list.map((r) => r.id);
/** Only interactions that took place are contact; the rest were missed by the side in `cancelledBy`. */
const held = (i: MInteraction) => i.outcome === "HELD";
const missedBy = (i: MInteraction, side: "IT" | "CLIENT") => i.outcome !== "HELD" && i.cancelledBy === side;
/** Two-way contact; escalations and status updates are not a conversation. */
const CONTACT: ReadonlySet<InteractionType> = new Set(["MEETING", "CALL", "EMAIL", "WORKSHOP", "REVIEW"]);
/** Contact that can replace a face-to-face conversation, for the agreed cadence. */
const CONVERSATION: ReadonlySet<InteractionType> = new Set(["MEETING", "CALL", "WORKSHOP", "REVIEW"]);

function recent({ model, now, config }: RuleContext): MInteraction[] {
  return within(model.interactions, now, config.windows.recentDays);
}

export const sentiment: Rule = (ctx) => {
  const stageOnly = ctx.stageOnly;
  const c = ctx.config.rules.sentiment;
  const list = recent(ctx).filter(held);
  if (list.length < c.minInteractions) return [];
  const negative = list.filter((i) => i.sentiment === "NEGATIVE" || i.sentiment === "VERY_NEGATIVE");
  const veryNegative = list.filter((i) => i.sentiment === "VERY_NEGATIVE");
  const positive = list.filter((i) => i.sentiment === "POSITIVE" || i.sentiment === "VERY_POSITIVE");
  const out: Evidence[] = [];
  const negShare = negative.length / list.length;
  const negBand = bandAtLeast(negShare, c.negativeShareAtLeast);
  if (negBand) {
    out.push(
      bandEvidence(negBand, {
        signal: "interactions.sentiment.negative",
        value: negShare,
        sourceIds: stageOnly ? [] : ids(negative),
        rule: stageOnly ? "" : `at least ${percent(negBand.at)} of interactions negative`,
        message: stageOnly ? "" : `${negative.length} of ${list.length} recent interactions were negative (${percent(negShare)}).`,
      }),
    );
  }
  const veryShare = veryNegative.length / list.length;
  const veryBand = bandAtLeast(veryShare, c.veryNegativeShareAtLeast);
  if (veryBand) {
    out.push(
      bandEvidence(veryBand, {
        signal: "interactions.sentiment.veryNegative",
        value: veryShare,
        sourceIds: stageOnly ? [] : ids(veryNegative),
        rule: stageOnly ? "" : `at least ${percent(veryBand.at)} of interactions very negative`,
        message: stageOnly ? "" : `${veryNegative.length} of ${list.length} recent interactions were openly hostile (very negative).`,
      }),
    );
  }
  const posShare = positive.length / list.length;
  if (posShare >= c.healthyPositiveShare && negShare <= c.healthyMaxNegativeShare) {
    out.push(
      makeEvidence({
        signal: "interactions.sentiment.positive",
        value: posShare,
        stage: "HEALTHY",
        weight: c.healthyWeight,
        sourceIds: stageOnly ? [] : ids(positive),
        rule: stageOnly ? "" : `at least ${percent(c.healthyPositiveShare)} positive and at most ${percent(c.healthyMaxNegativeShare)} negative`,
        message: stageOnly ? "" : `${positive.length} of ${list.length} recent interactions were positive.`,
      }),
    );
  }
  return out;
};

/**
 * IT cancelling, or not turning up, is avoidance; at the end stage "many in IT start avoiding
 * contact" (001). Counted among the contacts the client did not miss: the client's cancellations
 * are the client's right, and must not water IT's down either.
 */
export const itCancellations: Rule = (ctx) => {
  const stageOnly = ctx.stageOnly;
  const c = ctx.config.rules.itCancellations;
  // Scheduled contact only: an escalation is not a meeting IT could have cancelled, and calls left
  // unanswered are attempts, counted by itUnanswered.
  const list = recent(ctx).filter((i) => CONTACT.has(i.type) && i.outcome !== "UNANSWERED" && !missedBy(i, "CLIENT"));
  if (list.length < c.minInteractions) return [];
  const missed = list.filter((i) => missedBy(i, "IT"));
  if (missed.length < c.minCount) return [];
  const share = missed.length / list.length;
  const band = bandAtLeast(share, c.shareAtLeast);
  if (!band) return [];
  let noShows = 0;
  for (const i of missed) if (i.outcome === "NO_SHOW") noShows++;
  const cancelled = missed.length - noShows;
  const what =
    noShows === 0 ? `cancelled ${cancelled}` : cancelled === 0 ? `did not turn up to ${noShows}` : `cancelled ${cancelled} and did not turn up to ${noShows}`;
  return [
    bandEvidence(band, {
      signal: "interactions.itCancellations",
      value: share,
      sourceIds: stageOnly ? [] : ids(missed),
      rule: stageOnly ? "" : `IT cancelled or did not turn up to at least ${percent(band.at)} of interactions`,
      message: stageOnly ? "" : `IT ${what} of ${list.length} recent interactions (${percent(share)}).`,
    }),
  ];
};

/** "I've stopped answering the phone when I know it's my business client" (001). */
export const itUnanswered: Rule = ({ model, now, config, stageOnly }) => {
  const c = config.rules.itUnanswered;
  const list = within(model.interactions, now, c.windowDays).filter((i) => i.outcome === "UNANSWERED" && i.cancelledBy === "IT");
  const band = bandAtLeast(list.length, c.countAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "interactions.itUnanswered",
      value: list.length,
      sourceIds: stageOnly ? [] : ids(list),
      rule: stageOnly ? "" : `at least ${plural(band.at, "call or message", "calls or messages")} from the client unanswered by IT in ${c.windowDays} days`,
      message: stageOnly ? "" : `The client tried to reach IT ${plural(list.length, "time")} in the last ${c.windowDays} days and got no answer.`,
    }),
  ];
};

/**
 * The client leaving IT unanswered or not turning up: it has stopped engaging, and "it is the
 * IT/MIS professional who chases the client for responses and answers" (000). Counted among the
 * contacts IT did not miss itself.
 */
export const clientDisengaging: Rule = (ctx) => {
  const stageOnly = ctx.stageOnly;
  const c = ctx.config.rules.clientDisengaging;
  const list = recent(ctx).filter((i) => CONTACT.has(i.type) && !missedBy(i, "IT"));
  if (list.length < c.minInteractions) return [];
  const missed = list.filter((i) => (i.outcome === "UNANSWERED" || i.outcome === "NO_SHOW") && i.cancelledBy === "CLIENT");
  if (missed.length < c.minCount) return [];
  const share = missed.length / list.length;
  const band = bandAtLeast(share, c.shareAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "interactions.clientDisengaging",
      value: share,
      sourceIds: stageOnly ? [] : ids(missed),
      rule: stageOnly ? "" : `client left unanswered or did not turn up to at least ${percent(band.at)} of contacts`,
      message: stageOnly ? "" : `The client left IT unanswered or did not turn up to ${missed.length} of ${list.length} recent contacts (${percent(share)}): IT has to chase.`,
    }),
  ];
};

function shareRule(
  signal: string,
  flag: "itOnTime" | "itPrepared",
  pick: (ctx: RuleContext) => RuleContext["config"]["rules"]["itLate"],
  describe: (bad: number, total: number) => string,
  ruleText: string,
): Rule {
  return (ctx) => {
    const c = pick(ctx);
    const stageOnly = ctx.stageOnly;
    const observed = recent(ctx).filter((i) => held(i) && i[flag] != null);
    if (observed.length < c.minObserved) return [];
    const bad = observed.filter((i) => i[flag] === false);
    const share = bad.length / observed.length;
    const band = bandAtLeast(share, c.shareAtLeast);
    if (!band) return [];
    return [
      bandEvidence(band, {
        signal,
        value: share,
        sourceIds: stageOnly ? [] : ids(bad),
        rule: stageOnly ? "" : `${ruleText} in at least ${percent(band.at)} of interactions`,
        message: stageOnly ? "" : describe(bad.length, observed.length),
      }),
    ];
  };
}

/** "In the client world it is only the client who has the right to be late" (000). */
export const itLate = shareRule(
  "interactions.itLate",
  "itOnTime",
  (ctx) => ctx.config.rules.itLate,
  (bad, total) => `IT was late to ${bad} of ${total} recent meetings: only the client has the right to be late.`,
  "IT late",
);

export const itUnprepared = shareRule(
  "interactions.itUnprepared",
  "itPrepared",
  (ctx) => ctx.config.rules.itUnprepared,
  (bad, total) => `IT came unprepared to ${bad} of ${total} recent meetings.`,
  "IT unprepared",
);

export const punctualAndPrepared: Rule = (ctx) => {
  const stageOnly = ctx.stageOnly;
  const c = ctx.config.rules.punctualAndPrepared;
  const observed = recent(ctx).filter((i) => held(i) && i.itOnTime != null && i.itPrepared != null);
  if (observed.length < c.minObserved) return [];
  const good = observed.filter((i) => i.itOnTime === true && i.itPrepared === true);
  const share = good.length / observed.length;
  if (share < c.healthy.at) return [];
  return [
    makeEvidence({
      signal: "interactions.punctualAndPrepared",
      value: share,
      stage: "HEALTHY",
      weight: c.healthy.weight,
      sourceIds: stageOnly ? [] : ids(good),
      rule: stageOnly ? "" : `IT on time and prepared in at least ${percent(c.healthy.at)} of interactions`,
      message: stageOnly ? "" : `IT was on time and prepared for ${good.length} of ${observed.length} recent meetings.`,
    }),
  ];
};

export const escalations: Rule = ({ model, now, config, stageOnly }) => {
  const c = config.rules.escalations;
  const list = within(model.interactions, now, c.windowDays).filter((i) => i.type === "ESCALATION");
  const band = bandAtLeast(list.length, c.countAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "interactions.escalations",
      value: list.length,
      sourceIds: stageOnly ? [] : ids(list),
      rule: stageOnly ? "" : `at least ${plural(band.at, "escalation")} in ${c.windowDays} days`,
      message: stageOnly ? "" : `${plural(list.length, "escalation")} in the last ${c.windowDays} days.`,
    }),
  ];
};

/** "E-mails were being sent across the office rather than face-to-face meetings" (000). */
export const emailOnly: Rule = (ctx) => {
  const stageOnly = ctx.stageOnly;
  const c = ctx.config.rules.emailOnly;
  const list = recent(ctx).filter((i) => held(i) && CONTACT.has(i.type));
  if (list.length < c.minInteractions) return [];
  const emails = list.filter((i) => i.type === "EMAIL");
  const share = emails.length / list.length;
  const band = bandAtLeast(share, c.shareAtLeast);
  if (!band) return [];
  return [
    bandEvidence(band, {
      signal: "interactions.emailOnly",
      value: share,
      sourceIds: stageOnly ? [] : ids(emails),
      rule: stageOnly ? "" : `at least ${percent(band.at)} of contact by e-mail`,
      message: stageOnly ? "" : `${emails.length} of ${list.length} recent contacts were e-mails rather than conversations.`,
    }),
  ];
};

/** Meeting as often as agreed; IT is the one who should chase (000). */
export const cadence: Rule = ({ model, now, config, stageOnly }) => {
  const agreed = model.agreedCadenceDays;
  if (agreed === undefined) return [];
  const c = config.rules.cadence;
  const days = config.windows.recentDays;
  const conversations = within(model.interactions, now, days).filter((i) => held(i) && CONVERSATION.has(i.type));
  const last = conversations.at(-1);
  // A unit set up last week has not gone 180 days without a meeting.
  const tracked = model.trackedSince !== undefined ? Math.max(0, (now - model.trackedSince) / DAY) : days;
  const gapDays = last ? (now - last.at) / DAY : Math.min(days, tracked);
  const factor = gapDays / agreed;
  const out: Evidence[] = [];
  const band = bandAtLeast(factor, c.gapFactorAtLeast);
  if (band) {
    out.push(
      bandEvidence(band, {
        signal: "interactions.cadence.gap",
        value: round(gapDays, 1),
        sourceIds: stageOnly ? [] : last ? [last.id] : [],
        rule: stageOnly ? "" : `no conversation for at least ${band.at}× the agreed ${agreed} days`,
        message: stageOnly
          ? ""
          : last
          ? `No meeting or call for ${Math.floor(gapDays)} days, against an agreed rhythm of every ${agreed} days.`
          : `No meeting or call in the last ${Math.floor(gapDays)} days, against an agreed rhythm of every ${agreed} days.`,
      }),
    );
  }
  const first = model.interactions[0];
  const span = first ? Math.min(days, (now - first.at) / DAY) : 0;
  const expected = Math.floor(span / agreed);
  if (!band && expected >= 2) {
    const share = Math.min(1, conversations.length / expected);
    if (share >= c.healthyHeldShare.at) {
      out.push(
        makeEvidence({
          signal: "interactions.cadence.kept",
          value: share,
          stage: "HEALTHY",
          weight: c.healthyHeldShare.weight,
          sourceIds: stageOnly ? [] : ids(conversations),
          rule: stageOnly ? "" : `at least ${percent(c.healthyHeldShare.at)} of agreed meetings held`,
          message: stageOnly ? "" : `${conversations.length} conversations held against ${expected} expected at the agreed rhythm.`,
        }),
      );
    }
  }
  return out;
};

export const interactionRules: Rule[] = [
  sentiment,
  itCancellations,
  itUnanswered,
  clientDisengaging,
  itLate,
  itUnprepared,
  punctualAndPrepared,
  escalations,
  emailOnly,
  cadence,
];
