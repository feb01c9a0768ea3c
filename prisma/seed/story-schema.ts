import { z } from "zod";
import { INTERACTION_TYPES, PROJECT_STATUSES, STRUCTURAL_KINDS } from "../../lib/scoring/enums";
import { TREATMENTS } from "../../lib/scoring/treatments/catalogue";

// What the demo story's data files may say (prisma/seed/story.json and prisma/seed/units/*.json).
// Every time is a whole number of days before the seed's `now`, in a field whose name ends in
// "DaysAgo" (or is `daysAgo`): 30 is a month ago, 0 is today, -14 is a fortnight from now.
// Objects are strict, so a misspelt field is an error rather than silently ignored.

const text = z.string().trim().min(1);
const pastDay = z.int().min(0).max(1000);
/** Planned dates may lie ahead. */
const anyDay = z.int().min(-730).max(1000);
const chance = z.number().min(0).max(1);
const score5 = z.int().min(1).max(5);
const side = z.enum(["BUSINESS", "IT"]);
const level = z.enum(["LOW", "MEDIUM", "HIGH"]);
/** Weights for VERY_NEGATIVE … VERY_POSITIVE, or for ratings 1 … 5. */
const weights = z.tuple([z.number().min(0), z.number().min(0), z.number().min(0), z.number().min(0), z.number().min(0)]);
const interactionType = z.enum(INTERACTION_TYPES);
export const STORY_STAGES = ["HEALTHY", "SNIFFLES", "FLU", "PNEUMONIA", "DEATH_AND_REINCARNATION"] as const;

// ——— the shared file: staff and filler vocabulary ———

const staffMember = z.strictObject({
  key: z.string().regex(/^[a-z]+$/),
  email: z.email(),
  name: text,
  role: z.enum(["ADMIN", "CIO", "RELATIONSHIP_MANAGER"]),
});

/** How one stretch of a relationship goes: filler interactions, ratings and follow-ups drawn at random. */
const phaseFields = {
  /** Days between filler interactions (jittered by ±2). */
  every: z.int().min(3).max(90),
  types: z.partialRecord(interactionType, z.number().min(0)),
  mood: weights,
  /** Chances per filler meeting that IT is late, unprepared, or that either side cancels it. */
  itLate: chance.optional(),
  itUnprepared: chance.optional(),
  itCancels: chance.optional(),
  clientCancels: chance.optional(),
  /** A client rating about every `every` days, its overall score drawn with these weights. */
  ratings: z.strictObject({ every: z.int().min(5).max(180), overall: weights, comments: z.array(z.string()).optional() }).optional(),
  /** Follow-ups: chance per interaction, share owed by IT, and chances that IT's stay open or are done late. */
  followUps: z.strictObject({ chance, itShare: chance, itOpen: chance.optional(), itLate: chance.optional() }).optional(),
  /** Chance of a neutral quote on a filler interaction. */
  chatter: chance.optional(),
};
const phaseShape = z.strictObject(phaseFields);

// ——— rating campaigns (story.json's `campaigns`) ———

const scorecardAnswer = z.tuple([score5, score5]);

/** One contact asked in one round: answered (when, how), left unanswered, skipped, or an email that failed. */
const campaignInvitation = z
  .strictObject({
    /** A contact of the unit, by name (the client who signs in is one too). */
    contact: text,
    answered: z
      .strictObject({
        /** Days after the email went out. */
        afterDays: z.int().min(0).max(60),
        overall: score5,
        recommend: z.int().min(0).max(10),
        comment: z.string().default(""),
        /** Importance and satisfaction (1–5) per core system key, when the campaign asks the scorecard. */
        scores: z.record(z.string(), scorecardAnswer).default({}),
      })
      .optional(),
    /** Not emailed: asked or answered within the recontact window, or unsubscribed (the contact's `unsubscribedDaysAgo`). */
    skipped: z.enum(["recontact", "unsubscribed"]).optional(),
    /** The email could not be delivered (the outbox shows it with its reason). */
    failed: text.optional(),
  })
  .refine((i) => [i.answered, i.skipped, i.failed].filter((x) => x !== undefined).length <= 1, { error: "At most one of answered, skipped and failed" });

const campaignRound = z.strictObject({
  opensDaysAgo: anyDay,
  closesDaysAgo: anyDay,
  /** Who was asked per unit; none for a round not open yet. */
  accounts: z.array(z.strictObject({ unit: z.string(), invitations: z.array(campaignInvitation).default([]) })).default([]),
});

const campaign = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9-]+$/),
    name: text,
    message: z.string().default(""),
    /** A staff key: who created it (the CIO or a relationship manager). */
    by: z.string(),
    recurrence: z.enum(["NONE", "MONTHLY", "QUARTERLY"]).default("NONE"),
    anonymous: z.boolean().default(false),
    minGroupSize: z.int().min(1).max(50).default(5),
    askScorecard: z.boolean().default(false),
    linkValidDays: z.int().min(1).max(90).default(14),
    reminderEveryDays: z.int().min(1).max(30).default(5),
    maxReminders: z.int().min(0).max(5).default(2),
    /** Oldest first; a recurring campaign's rounds each repeat the one before. */
    rounds: z.array(campaignRound).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.recurrence === "NONE" && c.rounds.length > 1) ctx.addIssue({ code: "custom", path: ["rounds"], message: "Only a recurring campaign has several rounds" });
    c.rounds.forEach((r, i) => {
      if (r.closesDaysAgo >= r.opensDaysAgo) ctx.addIssue({ code: "custom", path: ["rounds", i, "closesDaysAgo"], message: "Closes before it opens" });
      if (i > 0 && r.opensDaysAgo >= c.rounds[i - 1]!.opensDaysAgo) ctx.addIssue({ code: "custom", path: ["rounds", i, "opensDaysAgo"], message: "Expected rounds oldest first" });
      if (r.opensDaysAgo < 0 && r.accounts.some((a) => a.invitations.length > 0)) {
        ctx.addIssue({ code: "custom", path: ["rounds", i, "accounts"], message: "A round that has not opened has asked nobody yet" });
      }
    });
  });

export type StoryCampaign = z.output<typeof campaign>;

export const sharedStorySchema = z.strictObject({
  password: z.string().min(12),
  staff: z.array(staffMember).min(1),
  /** Named phase shapes a unit's phase can start from (`"shape": "healthy"`). */
  phaseShapes: z.record(z.string(), phaseShape),
  /** Filler wording: neutral talk only (no article phrase), checked by the seed's tests. */
  filler: z.strictObject({
    summaries: z.record(interactionType, z.array(text).min(1)),
    /** Notes per mood, VERY_NEGATIVE first. */
    notesByMood: z.tuple([z.array(z.string()), z.array(z.string()), z.array(z.string()), z.array(z.string()), z.array(z.string())]),
    chatter: z.record(side, z.array(text).min(1)),
    followUps: z.record(side, z.array(text).min(1)),
  }),
  /** Rating campaigns by email: who was asked, who answered, what was skipped or failed. */
  campaigns: z.array(campaign).default([]),
});

export type SharedStory = z.output<typeof sharedStorySchema>;
export type StaffMember = z.output<typeof staffMember>;

// ——— one business unit ———

const person = {
  name: text,
  title: text,
  role: z.enum(["SPONSOR", "DECISION_MAKER", "BUDGET_HOLDER", "KEY_USER", "INFLUENCER", "OTHER"]).default("OTHER"),
  influence: level.default("MEDIUM"),
  interest: level.default("MEDIUM"),
};

const phase = phaseShape.partial().extend({
  /** A shape from the shared file, overridden by the fields given here. */
  shape: z.string().optional(),
  fromDaysAgo: pastDay,
  toDaysAgo: pastDay,
});

const followUp = z.strictObject({
  owedBy: side,
  description: text,
  dueInDays: z.int().min(0).max(120),
  /** Days after it was agreed that it was done; null: still open. */
  doneAfterDays: z.int().min(0).max(400).nullable(),
});

/** A scripted interaction: the moments that carry the unit's story, its quotes and outcome. */
const moment = z.strictObject({
  daysAgo: pastDay,
  type: interactionType,
  summary: text,
  /** What it was about, for the client's eyes (their view shows it; the summary is IT's). */
  topic: z.string().default(""),
  notes: z.string().default(""),
  sentiment: z.enum(["VERY_NEGATIVE", "NEGATIVE", "NEUTRAL", "POSITIVE", "VERY_POSITIVE"]),
  quotes: z.array(z.strictObject({ side, text })).default([]),
  itOnTime: z.boolean().nullable().optional(),
  itPrepared: z.boolean().nullable().optional(),
  /** HELD, or what became of it: CANCELLED, UNANSWERED or NO_SHOW by the side in `missedBy`. */
  outcome: z.enum(["HELD", "CANCELLED", "UNANSWERED", "NO_SHOW"]).default("HELD"),
  missedBy: z.enum(["IT", "CLIENT"]).optional(),
  /** Logged by the CIO rather than the unit's manager (reviews, escalations). */
  cio: z.boolean().default(false),
  followUps: z.array(followUp).default([]),
});

const coreSystem = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: text,
  description: z.string().default(""),
  /** Monthly service levels for the last `months` full months. */
  sla: z.strictObject({
    target: z.number().min(0).max(100),
    /** Attainment drawn in this range each month… */
    attained: z.tuple([z.number().min(0).max(100), z.number().min(0).max(100)]),
    months: z.int().min(1).max(13).default(12),
    /** …except these months (1: last month). */
    misses: z.array(z.strictObject({ monthsAgo: z.int().min(1).max(13), attained: z.number().min(0).max(100) })).default([]),
  }),
});

const incident = z.strictObject({
  system: z.string(),
  daysAgo: pastDay,
  title: text,
  ref: z.string().optional(),
  major: z.boolean(),
  /** Whether the client heard of it from IT before noticing it themselves; null: not known. */
  heardFromItFirst: z.boolean().nullable(),
  /** Null: still open. */
  hoursToResolve: z.number().positive().nullable(),
});


const project = z.strictObject({
  name: text,
  description: z.string().default(""),
  highProfile: z.boolean().default(false),
  plannedStartDaysAgo: anyDay.optional(),
  plannedEndDaysAgo: anyDay,
  /** Delivered or cancelled; null while under way. */
  actualEndDaysAgo: pastDay.nullable(),
  budget: z.number().min(0).optional(),
  /** Spent so far, or the forecast at completion. */
  actualCost: z.number().min(0).optional(),
  scopeDeliveredPercent: z.int().min(0).max(100).optional(),
  /** Its status history, oldest first; the last one is the project's status. */
  statuses: z.array(z.strictObject({ status: z.enum(PROJECT_STATUSES), daysAgo: pastDay, note: z.string().default("") })).min(1),
});


const structuralEvent = z.strictObject({
  kind: z.enum(STRUCTURAL_KINDS),
  daysAgo: pastDay,
  resolvedDaysAgo: pastDay.optional(),
  note: z.string().default(""),
  /** A shadow IT team's headcount. */
  size: z.int().min(1).optional(),
  /** What outside consultants were engaged on. */
  subject: text.optional(),
  /** A change of IT leadership: whether it was forced. */
  forced: z.boolean().optional(),
});

const goal = z.strictObject({
  title: text,
  measure: text,
  target: text,
  owner: text,
  agreedDaysAgo: pastDay,
  reviewEveryDays: z.int().min(7).max(365).default(90),
  closedDaysAgo: pastDay.optional(),
  reviews: z.array(z.strictObject({ daysAgo: pastDay, result: z.enum(["MET", "PARTLY", "MISSED"]), notes: z.string().default("") })).default([]),
});

const badNews = z.strictObject({
  what: text,
  /** The name of one of this unit's projects. */
  project: z.string().optional(),
  knownDaysAgo: pastDay,
  /** Null: not told yet. */
  toldDaysAgo: pastDay.nullable(),
  /** A staff key; default: the unit's manager at the time (the CIO if none). */
  toldBy: z.string().optional(),
});

const declinedRequest = z.strictObject({
  request: text,
  daysAgo: pastDay,
  /** Whether the business was told why. */
  explained: z.boolean(),
  reason: z.string().default(""),
});

const itAssessment = z.strictObject({
  daysAgo: pastDay,
  overall: score5,
  responsiveness: score5.optional(),
  delivery: score5.optional(),
  communication: score5.optional(),
  businessUnderstanding: score5.optional(),
  trust: score5.optional(),
  notes: z.string().default(""),
  /** A staff key; default: the unit's manager at the time. */
  by: z.string().optional(),
});

/**
 * A human's manual stage beside the engine's (the CIO or the unit's manager disagreeing with it),
 * shown with the computed stage, never instead of it; it lapses after its last day.
 */
/** A new epoch of the relationship (death and reincarnation), recorded by the CIO or an admin. */
const epoch = z.strictObject({
  daysAgo: pastDay,
  reasonKind: z.enum(["NEW_IT_LEADERSHIP", "NEW_RELATIONSHIP_MANAGER", "OUTSOURCING_CHANGE", "OTHER"]),
  reason: text,
  /** A staff key: the CIO or an admin. */
  by: z.string().default("cio"),
});

/** One side's view of the relationship's maturity: IT's (by a staff key, default the manager then) or the business's (the unit's client). */
const maturity = z.strictObject({
  side,
  level: z.enum(["ORDER_TAKER", "SERVICE_PROVIDER", "TRUSTED_ADVISOR", "STRATEGIC_PARTNER"]),
  daysAgo: pastDay,
  note: z.string().default(""),
  by: z.string().optional(),
});

/** An alert as the detect-alerts job raises it (lib/alerts/rules.ts words the message), notified to the manager and the CIO. */
const alert = z.strictObject({
  kind: z.enum(["STAGE_WORSENED", "RISK_RISING", "NEW_SYMPTOM"]),
  message: text,
  daysAgo: pastDay,
  fromStage: z.enum(STORY_STAGES).optional(),
  toStage: z.enum(STORY_STAGES).optional(),
  risk: chance.optional(),
  signal: z.string().optional(),
  /** Staff keys who have read their notification. */
  readBy: z.array(z.string()).default([]),
});

/** Something IT committed to do (a treatment or an alert turned into work, or a free one), open or closed. */
const action = z.strictObject({
  title: text,
  treatment: z.enum(TREATMENTS.map((t) => t.id) as [string, ...string[]]).optional(),
  /** A staff key; default the unit's manager today. */
  owner: z.string().optional(),
  plannedDaysAgo: pastDay,
  dueDaysAgo: anyDay,
  visibleToClient: z.boolean().default(false),
  /** The unit's alert it answers (its index in `alerts`). */
  alert: z.int().min(0).optional(),
  closed: z.strictObject({ daysAgo: pastDay, status: z.enum(["DONE", "DROPPED"]), outcome: text }).optional(),
});

const stageOverride = z.strictObject({
  stage: z.enum(STORY_STAGES),
  /** A staff key: the CIO, an admin or the unit's manager. */
  by: z.string(),
  daysAgo: pastDay,
  reason: text,
  /** The last day it holds (negative: still ahead). */
  untilDaysAgo: anyDay,
  /** Ended early, by whom and why. */
  ended: z.strictObject({ daysAgo: pastDay, by: z.string(), reason: text }).optional(),
});

/** In force today: not ended, and its last day is today or ahead. */
export const overrideInForce = (o: { untilDaysAgo: number; ended?: unknown }) => o.ended === undefined && o.untilDaysAgo <= 0;

const descending = (list: readonly number[]) => list.every((value, i) => i === 0 || value < list[i - 1]!);

export const unitSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z-]+$/),
    name: text,
    description: z.string().default(""),
    criticality: z.enum(["LOW", "MEDIUM", "HIGH", "CRITICAL"]),
    /** The stage the story is written to produce today. */
    intendedStage: z.enum(STORY_STAGES),
    /** How the unit got there, in a sentence or two (for whoever edits the story). */
    arc: text,
    /** Signals the diagnosis must show today for the arc to hold (checked by tests/integration/seed.test.ts). */
    expectedEvidence: z.array(z.string().regex(/^[a-z][A-Za-z]*\.[A-Za-z_.]+$/, { error: "Expected a signal name, e.g. goals.reviewed" })).min(1),
    /** Where the unit must be heading today, when the arc says so. */
    expectedTrend: z.enum(["IMPROVING", "STABLE", "WORSENING"]).optional(),
    /** What the unit talks about, in filler wording ("{project}"). */
    project: text,
    /** The relationship manager today (a staff key), or null: nobody owns the relationship. */
    manager: z.string().nullable(),
    /** Who owned the relationship before, oldest first, each until the next took over. */
    earlierManagers: z.array(z.strictObject({ manager: z.string().nullable(), untilDaysAgo: pastDay })).default([]),
    meetingCadenceDays: z.int().min(1).max(365).optional(),
    /** The business client who signs in and rates IT (also a contact). */
    client: z.strictObject(person),
    /** The unit's other people; exactly one is the sponsor (role SPONSOR). */
    contacts: z.array(
      z.strictObject({
        ...person,
        leftDaysAgo: pastDay.optional(),
        /** Asked never to be emailed again. */
        unsubscribedDaysAgo: pastDay.optional(),
        /** Still at the unit, but has come to no meeting since (the worklist's "not met in a long while"). */
        lastMetDaysAgo: pastDay.optional(),
      }),
    ),
    coreSystems: z.array(coreSystem).default([]),
    incidents: z.array(incident).default([]),
    phases: z.array(phase).min(1),
    moments: z.array(moment).default([]),
    projects: z.array(project).default([]),
    analystLayers: z.array(z.strictObject({ daysAgo: pastDay, count: z.int().min(0).max(20), note: z.string().default("") })).default([]),
    structuralEvents: z.array(structuralEvent).default([]),
    goals: z.array(goal).default([]),
    badNews: z.array(badNews).default([]),
    declinedRequests: z.array(declinedRequest).default([]),
    itAssessments: z.array(itAssessment).default([]),
    stageOverrides: z.array(stageOverride).default([]),
    epochs: z.array(epoch).default([]),
    maturity: z.array(maturity).default([]),
    alerts: z.array(alert).default([]),
    actions: z.array(action).default([]),
  })
  .superRefine((unit, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const sponsors = unit.contacts.filter((c) => c.role === "SPONSOR" && c.leftDaysAgo === undefined).length;
    if (sponsors !== 1) issue(["contacts"], `Expected exactly one current contact with role SPONSOR, found ${sponsors}`);
    if (unit.client.role === "SPONSOR") issue(["client", "role"], "The sponsor is one of the contacts, not the client who signs in");
    if (!descending(unit.earlierManagers.map((m) => m.untilDaysAgo))) issue(["earlierManagers"], "Expected untilDaysAgo to decrease, oldest owner first");
    if (unit.earlierManagers.at(-1)?.manager === unit.manager && unit.earlierManagers.length > 0) {
      issue(["earlierManagers"], "The last earlier manager is the current one: nothing changed hands");
    }
    unit.actions.forEach((a, i) => {
      if (a.alert !== undefined && a.alert >= unit.alerts.length) issue(["actions", i, "alert"], `No alert ${a.alert}: the unit has ${unit.alerts.length}`);
    });
    unit.phases.forEach((p, i) => {
      if (p.fromDaysAgo <= p.toDaysAgo) issue(["phases", i, "toDaysAgo"], "Expected toDaysAgo below fromDaysAgo");
    });
    unit.moments.forEach((m, i) => {
      if ((m.outcome === "HELD") !== (m.missedBy === undefined)) {
        issue(["moments", i, "missedBy"], m.outcome === "HELD" ? "A held interaction was missed by nobody" : `Say which side missed it (outcome ${m.outcome})`);
      }
    });
    const systems = new Set(unit.coreSystems.map((s) => s.key));
    if (systems.size !== unit.coreSystems.length) issue(["coreSystems"], "Core system keys must be unique");
    unit.coreSystems.forEach((s, i) => {
      if (s.sla.attained[0] > s.sla.attained[1]) issue(["coreSystems", i, "sla", "attained"], "Expected [lowest, highest]");
      s.sla.misses.forEach((m, j) => {
        if (m.monthsAgo > s.sla.months) issue(["coreSystems", i, "sla", "misses", j, "monthsAgo"], `Beyond the ${s.sla.months} months recorded`);
      });
    });
    unit.incidents.forEach((inc, i) => {
      if (!systems.has(inc.system)) issue(["incidents", i, "system"], `No core system "${inc.system}" in this unit`);
    });
    const projects = new Set(unit.projects.map((p) => p.name));
    unit.projects.forEach((p, i) => {
      if (!descending(p.statuses.map((s) => s.daysAgo))) issue(["projects", i, "statuses"], "Expected statuses oldest first, each on a later day");
      const final = p.statuses.at(-1)!;
      const ended = final.status === "DELIVERED" || final.status === "CANCELLED";
      if (ended !== (p.actualEndDaysAgo !== null)) {
        issue(["projects", i, "actualEndDaysAgo"], ended ? `A ${final.status.toLowerCase()} project needs its end day` : "Only a delivered or cancelled project has an end day");
      } else if (ended && final.daysAgo !== p.actualEndDaysAgo) {
        issue(["projects", i, "statuses", p.statuses.length - 1, "daysAgo"], "The final status changes on the project's end day");
      }
    });
    unit.structuralEvents.forEach((e, i) => {
      if (e.size !== undefined && e.kind !== "SHADOW_IT_TEAM") issue(["structuralEvents", i, "size"], "Only a shadow IT team has a size");
      if (e.subject !== undefined && e.kind !== "OUTSIDE_CONSULTANTS") issue(["structuralEvents", i, "subject"], "Only outside consultants have a subject");
      if ((e.forced !== undefined) !== (e.kind === "IT_LEADERSHIP_CHANGE")) {
        issue(["structuralEvents", i, "forced"], e.kind === "IT_LEADERSHIP_CHANGE" ? "Say whether the leadership change was forced" : "Only a leadership change is forced or not");
      }
      if (e.resolvedDaysAgo !== undefined && e.resolvedDaysAgo >= e.daysAgo) issue(["structuralEvents", i, "resolvedDaysAgo"], "Resolved before it happened");
    });
    unit.goals.forEach((g, i) => {
      if (!descending([g.agreedDaysAgo, ...g.reviews.map((r) => r.daysAgo)])) issue(["goals", i, "reviews"], "Expected reviews after the goal was agreed, oldest first");
    });
    unit.badNews.forEach((b, i) => {
      if (b.project !== undefined && !projects.has(b.project)) issue(["badNews", i, "project"], `No project "${b.project}" in this unit`);
      if (b.toldDaysAgo !== null && b.toldDaysAgo > b.knownDaysAgo) issue(["badNews", i, "toldDaysAgo"], "Told before IT knew");
    });
    unit.declinedRequests.forEach((d, i) => {
      if (d.explained && d.reason === "") issue(["declinedRequests", i, "reason"], "An explained no needs its reason");
    });
    unit.stageOverrides.forEach((o, i) => {
      if (o.untilDaysAgo > o.daysAgo) issue(["stageOverrides", i, "untilDaysAgo"], "Its last day comes before it was set");
      if (o.daysAgo - o.untilDaysAgo > 365) issue(["stageOverrides", i, "untilDaysAgo"], "An override holds a year at most");
      if (o.ended && (o.ended.daysAgo > o.daysAgo || o.ended.daysAgo < o.untilDaysAgo)) issue(["stageOverrides", i, "ended", "daysAgo"], "Ended before it was set or after it lapsed");
    });
    if (unit.stageOverrides.filter(overrideInForce).length > 1) issue(["stageOverrides"], "At most one override is in force at a time");
  });

export type Unit = z.output<typeof unitSchema>;
export type Phase = z.output<typeof phase>;
export type PhaseShape = SharedStory["phaseShapes"][string];
export type Moment = Unit["moments"][number];
export type StoryStage = (typeof STORY_STAGES)[number];

/** A bad data file: which file, which field, what is wrong, one line each. */
export class StoryDataError extends Error {
  constructor(file: string, issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
    super(`Invalid demo story data in ${file}:\n${issues.map((i) => `  ${i.path.map(String).join(".") || "(file)"}: ${i.message}`).join("\n")}`);
    this.name = "StoryDataError";
  }
}

/** Parses one file's JSON against its schema, or throws a StoryDataError naming the file and each field. */
export function parseStoryFile<T extends z.ZodType>(schema: T, file: string, json: string): z.output<T> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new StoryDataError(file, [{ path: [], message: `not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  const result = schema.safeParse(data);
  if (!result.success) throw new StoryDataError(file, result.error.issues);
  return result.data;
}
