import type { DiagnosedStage } from "../enums";

// The treatments of the articles, and what makes each one fit an account: its stage, the
// signals of its evidence (`Evidence.signal` names), or phrases heard (catalogue ids).

export interface TreatmentEntry {
  id: string;
  title: string;
  action: string;
  article: string;
  when: {
    stages?: DiagnosedStage[];
    /** Why the stage alone calls for it. */
    stageWhy?: string;
    signals?: string[];
    phrases?: string[];
  };
}

const SICK: DiagnosedStage[] = ["SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"];

export const TREATMENTS: readonly TreatmentEntry[] = [
  {
    id: "admit-the-problem",
    title: "Admit you have a problem",
    action:
      "Say openly, inside IT and to the business, that the relationship is in trouble; do not downplay it as the cost of doing business.",
    article: "001",
    when: { stages: SICK, stageWhy: "“By far the most important step is the first one: admitting you have a problem.”" },
  },
  {
    id: "impartial-third-party",
    title: "Bring in an impartial third party",
    action: "Hire an impartial facilitator to help both sides change the relationship (“IT marriage guidance counseling”).",
    article: "001",
    when: {
      stages: ["PNEUMONIA", "DEATH_AND_REINCARNATION"],
      stageWhy: "At this stage “it will be virtually impossible for that relationship to be repaired without external help.”",
    },
  },
  {
    id: "keep-the-trains-running",
    title: "Keep the trains and buses running",
    action: "Work out which systems are core for this client and make them run smoothly before any new initiative.",
    article: "001",
    when: { signals: ["reliability.slaMissed", "reliability.majorIncidents"] },
  },
  {
    id: "no-surprised-client",
    title: "Never surprise the client",
    action: "Tell bad news as soon as you know it: a two-day overrun today, not a seven-day overrun next month.",
    article: "000",
    when: {
      signals: ["badNews.late", "badNews.surprisedClient", "phrases.surprisedClient", "reliability.notHeardFromItFirst"],
      phrases: ["why-not-told-sooner"],
    },
  },
  {
    id: "client-not-colleague",
    title: "Treat the client as a client, not a colleague",
    action:
      "Be on time and prepared, keep the agreed rhythm, deliver what you promised by when you promised it, and be the one who chases.",
    article: "000",
    when: {
      signals: [
        "interactions.itLate",
        "interactions.itUnprepared",
        "interactions.itCancellations",
        "interactions.itUnanswered",
        "interactions.clientDisengaging",
        "interactions.cadence.gap",
        "interactions.emailOnly",
        "followUps.overdue",
        "followUps.clientChasing",
      ],
    },
  },
  {
    id: "shared-understanding",
    title: "Take the client behind the curtain",
    action:
      "Build a shared understanding of each side's pressures: show the business why IT is slow, and let IT feel what an outage costs the business.",
    article: "001",
    when: {
      stages: ["FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"],
      stageWhy: "The root causes are “differing expectations and a lack of understanding” of the other side.",
      signals: [
        "phrases.bothSides",
        "ratings.perceptionGap",
        // IT must understand the business, and show it "why it's so hard for IT to be responsive".
        "ratings.perceptionGap.businessUnderstanding",
        "ratings.perceptionGap.responsiveness",
      ],
    },
  },
  {
    id: "competitive-mindset",
    title: "Compete for the business",
    action:
      "Act like a consultancy competing for this client against outside consultants, outsourcers and shadow IT: earn the work.",
    article: "001",
    when: {
      signals: [
        "structure.BUSINESS_OWN_SOLUTION",
        "structure.SHADOW_IT_TEAM",
        "structure.OUTSIDE_CONSULTANTS",
        "structure.OUTSOURCING_DECISION",
      ],
      phrases: [
        "we-will-do-it-ourselves",
        "my-guys-are-way-better",
        "fire-the-it-team",
        "not-using-it-anymore",
        "outsource-the-it-department",
      ],
    },
  },
  {
    id: "measurable-goals",
    title: "Set clear goals and review them together",
    action: "Agree clear, achievable, measurable goals with the business and review them with it on a regular schedule.",
    article: "002",
    when: {
      stages: ["HEALTHY"],
      stageWhy: "Regular reviews against agreed goals keep a healthy relationship healthy.",
      signals: ["goals.none", "goals.unreviewed", "goals.missed"],
    },
  },
  {
    id: "explain-the-no",
    title: "Explain every “no”, update proactively",
    action:
      "When the answer is no, give the reason; during incidents, tell users before they have to call the help desk.",
    article: "002",
    when: {
      signals: [
        "requests.declinedUnexplained",
        "structure.IT_DIRECTIVE_SAYING_NO",
        "reliability.notHeardFromItFirst",
        "interactions.escalations",
      ],
      phrases: ["it-just-says-no", "start-saying-no", "it-not-responsive"],
    },
  },
  {
    id: "toot-your-own-horn",
    title: "Toot your own horn",
    action: "Send monthly reports, announce benchmarks and hold feedback sessions so the business sees the value delivered.",
    article: "003",
    when: {
      stages: ["HEALTHY"],
      stageWhy: "The business does not always know the value IT delivered; tell it.",
      signals: [
        "ratings.reliableButRatedLow",
        "ratings.perceptionGap",
        // "Don't take it for granted that just because you delivered ... (business leaders) know the true benefit."
        "ratings.perceptionGap.delivery",
        "ratings.perceptionGap.communication",
        "ratings.responseRate",
      ],
    },
  },
  {
    id: "publish-failures",
    title: "Be honest about failures",
    action: "Acknowledge what went wrong and what has been done so it does not happen again; publish a failure report.",
    article: "003",
    when: {
      // "IT can also gain trust points by pointing out the bad and the ugly."
      signals: ["delivery.highProfileFailure", "delivery.projectMissed", "delivery.failedShare", "ratings.perceptionGap.trust"],
    },
  },
  {
    id: "one-accountable-owner",
    title: "One accountable relationship owner",
    action:
      "Give the relationship one owner reporting to the CIO, measure and reward relationship work, and train soft skills across IT.",
    article: "004",
    when: {
      stages: ["PNEUMONIA", "DEATH_AND_REINCARNATION"],
      stageWhy: "Relationships this damaged need someone accountable for them.",
      signals: ["structure.IT_AVOIDING_CONTACT", "interactions.itUnanswered", "ratings.responseRate"],
      phrases: ["stopped-answering-the-phone"],
    },
  },
];
