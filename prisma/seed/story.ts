import type { CancelledBy, Criticality, InteractionType, Role, Side, Stage } from "../../lib/generated/prisma/client";

// The demo story as data: twelve business units across the five stages of article 001, each with a
// history that explains how it got there. Days are counted back from the seed's `now`.
// Symptom phrases (article 001's real quotes) appear only in scripted moments, so each unit hears
// exactly the phrases its story needs; filler interactions carry neutral talk only.

export const DEMO_PASSWORD = "rapport-demo-2026";

export type ManagerKey = "alex" | "blair" | "casey";

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** The account a business client belongs to, or the accounts a relationship manager owns. */
  accountName: string | null;
  accountNames?: string[];
}

/** Weights for VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE. */
export type Mood = readonly [number, number, number, number, number];

export interface Phase {
  /** Days before now the phase starts and ends (from > to). */
  from: number;
  to: number;
  /** Days between filler interactions (jittered by ±2). */
  every: number;
  types: Partial<Record<InteractionType, number>>;
  mood: Mood;
  /** Probabilities for filler meetings. */
  itLate?: number;
  itUnprepared?: number;
  itCancels?: number;
  clientCancels?: number;
  /** A client rating every `every` days; overall drawn with these weights for 1..5. */
  ratings?: { every: number; overall: Mood; comments?: string[] };
  /** Filler follow-ups: chance per interaction, share owed by IT, and what happens to IT's. */
  followUps?: { chance: number; itShare: number; itOpen?: number; itLate?: number };
  /** Chance of a neutral quote on a filler interaction. */
  chatter?: number;
}

export interface Moment {
  daysAgo: number;
  type: InteractionType;
  summary: string;
  notes?: string;
  sentiment: "VERY_NEGATIVE" | "NEGATIVE" | "NEUTRAL" | "POSITIVE" | "VERY_POSITIVE";
  quotes?: readonly (readonly [Side, string])[];
  itOnTime?: boolean | null;
  itPrepared?: boolean | null;
  cancelledBy?: CancelledBy;
  /** Logged by the CIO rather than the account's manager (reviews, escalations). */
  cio?: boolean;
  /** doneAfter: days after creation it was done; null = still open. */
  followUps?: readonly { owedBy: Side; description: string; dueIn: number; doneAfter: number | null }[];
}

export interface AccountStory {
  key: string;
  name: string;
  executiveSponsor: string;
  criticality: Criticality;
  manager: ManagerKey | null;
  /** The stage the story is written to produce today. */
  intendedStage: Exclude<Stage, "INSUFFICIENT_DATA">;
  arc: string;
  /** The project the unit talks about. */
  project: string;
  /** The business client who signs in and rates IT (also a contact). */
  client: { name: string; title: string };
  contacts: readonly { name: string; title: string }[];
  phases: readonly Phase[];
  moments: readonly Moment[];
}

export const STAFF: readonly (DemoUser & { key: "admin" | "cio" | ManagerKey })[] = [
  { key: "admin", email: "admin@rapport.example", name: "Robin Admin", role: "ADMIN", accountName: null },
  { key: "cio", email: "cio@rapport.example", name: "Morgan Reyes", role: "CIO", accountName: null },
  { key: "alex", email: "rm.alex@rapport.example", name: "Alex Kim", role: "RELATIONSHIP_MANAGER", accountName: null },
  { key: "blair", email: "rm.blair@rapport.example", name: "Blair Okafor", role: "RELATIONSHIP_MANAGER", accountName: null },
  { key: "casey", email: "rm.casey@rapport.example", name: "Casey Lindqvist", role: "RELATIONSHIP_MANAGER", accountName: null },
];

// ——— reusable phase shapes ———

const MEETINGS = { MEETING: 4, CALL: 2, EMAIL: 2, WORKSHOP: 1, REVIEW: 1, STATUS_UPDATE: 1 } as const;
const HEALTHY_MOOD: Mood = [0, 0, 2, 6, 3];
const GOOD_RATINGS: Mood = [0, 0, 0, 3, 2];

function healthy(from: number, to: number, extra: Partial<Phase> = {}): Phase {
  return {
    from,
    to,
    every: 12,
    types: MEETINGS,
    mood: HEALTHY_MOOD,
    clientCancels: 0.05,
    ratings: { every: 30, overall: GOOD_RATINGS, comments: ["Great support this month.", "Quick, clear and friendly.", ""] },
    followUps: { chance: 0.5, itShare: 0.6 },
    chatter: 0.3,
    ...extra,
  };
}

// ——— the twelve business units ———

export const ACCOUNT_STORIES: readonly AccountStory[] = [
  {
    key: "finance",
    name: "Finance",
    executiveSponsor: "Margaret Chen, CFO",
    criticality: "CRITICAL",
    manager: "alex",
    intendedStage: "HEALTHY",
    arc: "A trusted partner all year: the ERP month-end close runs like a train timetable, goals are reviewed every quarter.",
    project: "the ERP month-end close",
    client: { name: "Priya Natarajan", title: "Financial Controller" },
    contacts: [
      { name: "Margaret Chen", title: "Chief Financial Officer" },
      { name: "Tom Becker", title: "Head of Financial Planning" },
    ],
    phases: [healthy(365, 0)],
    moments: [
      {
        daysAgo: 300,
        type: "REVIEW",
        summary: "Quarterly business review: goals for the year agreed",
        notes: "Agreed three measurable goals: close in four days, zero P1 incidents at quarter end, reporting self-service.",
        sentiment: "VERY_POSITIVE",
        cio: true,
        quotes: [["BUSINESS", "This is the first year we have agreed the goals together up front."]],
        followUps: [{ owedBy: "IT", description: "Publish the agreed goals and the monthly report format", dueIn: 7, doneAfter: 3 }],
      },
      {
        daysAgo: 120,
        type: "WORKSHOP",
        summary: "Behind the curtain: how a release reaches the ERP",
        notes: "Walked the controllers through change control and testing; they now see why freeze weeks exist.",
        sentiment: "POSITIVE",
        quotes: [
          ["BUSINESS", "Now I understand why the freeze matters at quarter end."],
          ["IT", "We will send the release calendar a month ahead from now on."],
        ],
      },
      {
        daysAgo: 20,
        type: "REVIEW",
        summary: "Quarterly business review: close in 3.5 days",
        notes: "All goals on track; sponsor asked IT to present at the finance leadership offsite.",
        sentiment: "VERY_POSITIVE",
        cio: true,
        followUps: [{ owedBy: "IT", description: "Prepare the offsite presentation on reporting self-service", dueIn: 21, doneAfter: null }],
      },
    ],
  },
  {
    key: "research",
    name: "Research",
    executiveSponsor: "Dr. Hannah Osei, Chief Scientist",
    criticality: "HIGH",
    manager: "casey",
    intendedStage: "HEALTHY",
    arc: "Healthy for nine months: IT treats the lab leads as clients, is on time, prepared and chases them.",
    project: "the lab data platform",
    client: { name: "Dr. Lukas Meyer", title: "Head of Lab Operations" },
    contacts: [
      { name: "Dr. Hannah Osei", title: "Chief Scientist" },
      { name: "Mei Tanaka", title: "Research Data Manager" },
    ],
    phases: [healthy(270, 0, { every: 14 })],
    moments: [
      {
        daysAgo: 200,
        type: "WORKSHOP",
        summary: "Kick-off of the lab data platform with the lab leads",
        notes: "Requirements gathered with the scientists in the lab, not in a meeting room.",
        sentiment: "VERY_POSITIVE",
        quotes: [["BUSINESS", "Having the developers sit with us in the lab made all the difference."]],
      },
      {
        daysAgo: 45,
        type: "STATUS_UPDATE",
        summary: "Status update: lab data platform release 2 a week early",
        sentiment: "POSITIVE",
        itOnTime: null,
        itPrepared: null,
      },
    ],
  },
  {
    key: "risk",
    name: "Risk & Compliance",
    executiveSponsor: "Daniel Ferreira, Chief Risk Officer",
    criticality: "HIGH",
    manager: "casey",
    intendedStage: "HEALTHY",
    arc: "Healthy: a 'no' is always explained with reasons, and bad news about the audit tool came early.",
    project: "the regulatory reporting tool",
    client: { name: "Aisha Rahman", title: "Compliance Manager" },
    contacts: [
      { name: "Daniel Ferreira", title: "Chief Risk Officer" },
      { name: "Oliver Grant", title: "Internal Audit Lead" },
    ],
    phases: [healthy(300, 0, { every: 13 })],
    moments: [
      {
        daysAgo: 150,
        type: "MEETING",
        summary: "Early warning: regulatory reporting tool will slip two weeks",
        notes: "Told the sponsor the day we knew, with a recovery plan; agreed an interim manual report.",
        sentiment: "POSITIVE",
        quotes: [["BUSINESS", "Thank you for telling us straight away rather than on the deadline."]],
        followUps: [{ owedBy: "IT", description: "Send the recovery plan and the interim report template", dueIn: 3, doneAfter: 1 }],
      },
    ],
  },
  {
    key: "legal",
    name: "Legal",
    executiveSponsor: "Sofia Marchetti, General Counsel",
    criticality: "MEDIUM",
    manager: "blair",
    intendedStage: "HEALTHY",
    arc: "A brief bout of impatience over the contract system eight months ago, treated early; healthy since.",
    project: "the contract management system",
    client: { name: "James Whitfield", title: "Legal Operations Manager" },
    contacts: [
      { name: "Sofia Marchetti", title: "General Counsel" },
      { name: "Nadia Petrova", title: "Senior Paralegal" },
    ],
    phases: [
      { ...healthy(240, 190), mood: [0, 1, 3, 4, 1], ratings: { every: 30, overall: [0, 0, 2, 3, 1] } },
      healthy(190, 0, { every: 14 }),
    ],
    moments: [
      {
        daysAgo: 225,
        type: "CALL",
        summary: "Call about the contract system search problems",
        notes: "Sponsor impatient about search; agreed a fix date and a weekly update.",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "I don't have time for this—I need this functionality now."]],
        followUps: [{ owedBy: "IT", description: "Fix contract search and confirm with the paralegals", dueIn: 14, doneAfter: 10 }],
      },
      {
        daysAgo: 200,
        type: "REVIEW",
        summary: "Review: search fixed, weekly updates agreed",
        sentiment: "POSITIVE",
        cio: true,
      },
    ],
  },
  {
    key: "hr",
    name: "Human Resources",
    executiveSponsor: "Grace Liu, Chief People Officer",
    criticality: "MEDIUM",
    manager: "blair",
    intendedStage: "SNIFFLES",
    arc: "Healthy until the payroll changes started to drag: mild frustration and early finger-pointing on both sides.",
    project: "the payroll changes",
    client: { name: "Samuel Adeyemi", title: "HR Systems Lead" },
    contacts: [
      { name: "Grace Liu", title: "Chief People Officer" },
      { name: "Elena Novak", title: "Payroll Manager" },
    ],
    phases: [
      healthy(330, 160),
      {
        from: 160,
        to: 0,
        every: 12,
        types: MEETINGS,
        mood: [0, 2, 4, 3, 0],
        itLate: 0.2,
        clientCancels: 0.1,
        ratings: { every: 30, overall: [0, 1, 4, 2, 0], comments: ["Payroll changes are taking too long.", ""] },
        followUps: { chance: 0.5, itShare: 0.6, itLate: 0.3 },
        chatter: 0.25,
      },
    ],
    moments: [
      {
        daysAgo: 110,
        type: "WORKSHOP",
        summary: "Requirements workshop for the payroll changes",
        notes: "Scope discussion ran over; sponsor wants the new allowance rules in this quarter.",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "IT just doesn't get it: payroll can't wait for your release train."]],
        followUps: [{ owedBy: "BUSINESS", description: "Confirm the final allowance rules", dueIn: 10, doneAfter: 18 }],
      },
      {
        daysAgo: 55,
        type: "MEETING",
        summary: "Payroll changes: second round of rework",
        notes: "Rules changed again after testing started.",
        sentiment: "NEUTRAL",
        quotes: [["IT", "The business users kept changing their minds about the allowance rules."]],
        followUps: [{ owedBy: "IT", description: "Re-estimate the payroll changes and share the new date", dueIn: 7, doneAfter: null }],
      },
    ],
  },
  {
    key: "facilities",
    name: "Facilities",
    executiveSponsor: "Rajesh Patel, Director of Facilities",
    criticality: "LOW",
    manager: null,
    intendedStage: "SNIFFLES",
    arc: "Nobody owns this relationship (article 004): contact is by e-mail only, requests wait, nobody chases.",
    project: "the building access system",
    client: { name: "Carla Mendes", title: "Workplace Services Manager" },
    contacts: [{ name: "Rajesh Patel", title: "Director of Facilities" }],
    phases: [
      {
        from: 210,
        to: 0,
        every: 14,
        types: { EMAIL: 7, STATUS_UPDATE: 1, CALL: 1 },
        mood: [0, 1, 5, 2, 0],
        ratings: { every: 45, overall: [0, 0, 3, 2, 0], comments: ["Requests disappear into a queue.", ""] },
        followUps: { chance: 0.45, itShare: 0.9, itOpen: 0.35 },
        chatter: 0.1,
      },
    ],
    moments: [
      {
        daysAgo: 70,
        type: "EMAIL",
        summary: "Complaint about the badge reader requests",
        notes: "Three badge reader requests open for over a month.",
        sentiment: "NEGATIVE",
        itOnTime: null,
        itPrepared: null,
        quotes: [["BUSINESS", "Honestly, IT is not responsive at all on anything for Facilities."]],
        followUps: [{ owedBy: "IT", description: "Schedule the badge reader replacements", dueIn: 7, doneAfter: null }],
      },
    ],
  },
  {
    key: "customer-service",
    name: "Customer Service",
    executiveSponsor: "Linda Okoro, VP Customer Service",
    criticality: "CRITICAL",
    manager: "casey",
    intendedStage: "SNIFFLES",
    arc: "Recovering: had the flu after the call-centre platform overran; marriage-guidance workshops and 'behind the curtain' sessions turned it round.",
    project: "the call-centre platform",
    client: { name: "Marcus Bell", title: "Contact Centre Operations Manager" },
    contacts: [
      { name: "Linda Okoro", title: "VP Customer Service" },
      { name: "Yusuf Demir", title: "Workforce Planning Lead" },
    ],
    phases: [
      {
        from: 365,
        to: 250,
        every: 11,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, ESCALATION: 1, STATUS_UPDATE: 1 },
        mood: [1, 4, 2, 1, 0],
        itLate: 0.3,
        itUnprepared: 0.2,
        ratings: { every: 30, overall: [0, 3, 3, 0, 0], comments: ["The platform still drops calls at peak.", ""] },
        followUps: { chance: 0.5, itShare: 0.7, itLate: 0.5 },
      },
      {
        from: 250,
        to: 170,
        every: 11,
        types: MEETINGS,
        mood: [0, 2, 4, 3, 0],
        itLate: 0.1,
        ratings: { every: 30, overall: [0, 1, 3, 1, 0] },
        followUps: { chance: 0.5, itShare: 0.6, itLate: 0.2 },
        chatter: 0.2,
      },
      {
        from: 170,
        to: 0,
        every: 11,
        types: MEETINGS,
        mood: [0, 1, 4, 4, 1],
        itLate: 0.04,
        ratings: { every: 30, overall: [0, 0, 3, 2, 0], comments: ["Better. Keep the weekly updates coming.", ""] },
        followUps: { chance: 0.5, itShare: 0.6 },
        chatter: 0.3,
      },
    ],
    moments: [
      {
        daysAgo: 330,
        type: "ESCALATION",
        summary: "Escalation: call-centre platform go-live",
        notes: "Go-live three months late; peak-hour call drops; sponsor escalated to the CIO.",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "Not only was it late, it cost twice as much as they said it would and it doesn't do half the things we need it to."]],
        followUps: [{ owedBy: "IT", description: "Root-cause report on the peak-hour call drops", dueIn: 7, doneAfter: 20 }],
      },
      {
        daysAgo: 300,
        type: "MEETING",
        summary: "Call-centre platform: change requests backlog",
        sentiment: "NEGATIVE",
        quotes: [
          ["IT", "The business needs to get its own house in order before it starts trying to fix ours."],
          ["BUSINESS", "We wouldn't have these problems if they knew what they were doing over there."],
        ],
      },
      {
        daysAgo: 245,
        type: "WORKSHOP",
        summary: "Facilitated reset workshop with an impartial third party",
        notes: "Marriage guidance: both sides listed their pressures; agreed a joint backlog and weekly updates.",
        sentiment: "POSITIVE",
        cio: true,
        quotes: [["BUSINESS", "First time I have heard what the release process actually involves."]],
        followUps: [{ owedBy: "IT", description: "Publish the joint backlog and the weekly update format", dueIn: 7, doneAfter: 5 }],
      },
      {
        daysAgo: 200,
        type: "WORKSHOP",
        summary: "Behind the curtain: a day on the contact-centre floor for the developers",
        sentiment: "VERY_POSITIVE",
        quotes: [["IT", "Seeing an agent lose a customer to a frozen screen changed our priorities."]],
      },
      {
        daysAgo: 120,
        type: "MEETING",
        summary: "Routing rules release: late requirements",
        notes: "Release slipped a week; handled openly this time.",
        sentiment: "NEUTRAL",
        quotes: [["IT", "Lots of requirements didn't come out until UAT, again."]],
        followUps: [{ owedBy: "IT", description: "Send the revised routing release plan", dueIn: 7, doneAfter: null }],
      },
    ],
  },
  {
    key: "sales",
    name: "Sales",
    executiveSponsor: "Victor Alvarez, Chief Revenue Officer",
    criticality: "CRITICAL",
    manager: "alex",
    intendedStage: "FLU",
    arc: "The slide of the year: healthy until the CRM replacement overran (late, over budget, missing functionality); now the flu.",
    project: "the CRM replacement",
    client: { name: "Rachel Stone", title: "Sales Operations Director" },
    contacts: [
      { name: "Victor Alvarez", title: "Chief Revenue Officer" },
      { name: "Ben Howard", title: "Regional Sales Manager" },
    ],
    phases: [
      healthy(365, 200),
      {
        from: 200,
        to: 120,
        every: 11,
        types: { MEETING: 4, CALL: 2, EMAIL: 2, WORKSHOP: 2, STATUS_UPDATE: 1 },
        mood: [0, 2, 4, 2, 0],
        itLate: 0.15,
        ratings: { every: 30, overall: [0, 0, 2, 2, 0] },
        followUps: { chance: 0.5, itShare: 0.6, itLate: 0.3 },
        chatter: 0.2,
      },
      {
        from: 120,
        to: 0,
        every: 10,
        types: { MEETING: 4, CALL: 2, EMAIL: 2, STATUS_UPDATE: 1 },
        mood: [0, 5, 3, 1, 0],
        itLate: 0.2,
        itUnprepared: 0.15,
        clientCancels: 0.1,
        ratings: { every: 25, overall: [0, 2, 2, 0, 0], comments: ["The CRM still can't do forecasting.", ""] },
        followUps: { chance: 0.5, itShare: 0.7, itOpen: 0.25, itLate: 0.4 },
        chatter: 0.15,
      },
    ],
    moments: [
      {
        daysAgo: 180,
        type: "STATUS_UPDATE",
        summary: "Status update: CRM replacement go-live moved by six weeks",
        notes: "IT had known about the data migration slip for a month before telling Sales.",
        sentiment: "NEGATIVE",
        itOnTime: null,
        itPrepared: null,
      },
      {
        daysAgo: 160,
        type: "MEETING",
        summary: "CRM replacement: scope and timeline",
        sentiment: "NEGATIVE",
        quotes: [
          ["BUSINESS", "I don't have time for this—I need this functionality now, the quarter closes in six weeks."],
          ["IT", "Lots of requirements didn't come out until UAT."],
        ],
      },
      {
        daysAgo: 112,
        type: "ESCALATION",
        summary: "Escalation: CRM go-live review with the CRO",
        notes: "Launched three months late, 90% over budget; forecasting and territory management missing.",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "Not only was the new system late, it cost twice as much as they said it would and it doesn't do half the things we need it to."]],
        followUps: [{ owedBy: "IT", description: "Plan for the missing forecasting features", dueIn: 14, doneAfter: null }],
      },
      {
        daysAgo: 95,
        type: "MEETING",
        summary: "New stage-gate methodology and business analyst introduced for Sales requests",
        sentiment: "NEGATIVE",
        quotes: [["IT", "The business needs to get its own house in order before it starts trying to fix ours."]],
      },
      {
        daysAgo: 75,
        type: "ESCALATION",
        summary: "Escalation: quote approvals stuck behind the change board",
        sentiment: "NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "IT is so wound up in red tape these days, you can't get anything done."]],
        followUps: [{ owedBy: "IT", description: "Fast-track path for urgent Sales changes", dueIn: 10, doneAfter: null }],
      },
      {
        daysAgo: 40,
        type: "MEETING",
        summary: "Regional teams building their own pipeline tracker",
        notes: "Sales ops has started a spreadsheet-and-macros tracker outside the CRM.",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "We've given up waiting for IT; we'll do it ourselves."]],
      },
      {
        daysAgo: 12,
        type: "ESCALATION",
        summary: "Escalation: forecasting report wrong at month end",
        sentiment: "NEGATIVE",
        cio: true,
        followUps: [{ owedBy: "IT", description: "Correct the forecasting report and explain the cause", dueIn: 5, doneAfter: null }],
      },
    ],
  },
  {
    key: "supply-chain",
    name: "Supply Chain",
    executiveSponsor: "Henrik Larsen, SVP Supply Chain",
    criticality: "HIGH",
    manager: "blair",
    intendedStage: "FLU",
    arc: "IT answered the warehouse system's problems with methodology and a layer of business analysts; both sides now blame each other.",
    project: "the warehouse management upgrade",
    client: { name: "Isabel Cruz", title: "Logistics Planning Manager" },
    contacts: [
      { name: "Henrik Larsen", title: "SVP Supply Chain" },
      { name: "Kwame Mensah", title: "Warehouse Operations Lead" },
    ],
    phases: [
      {
        from: 300,
        to: 150,
        every: 12,
        types: MEETINGS,
        mood: [0, 2, 4, 2, 0],
        itLate: 0.1,
        ratings: { every: 30, overall: [0, 0, 3, 2, 0] },
        followUps: { chance: 0.5, itShare: 0.6, itLate: 0.3 },
        chatter: 0.2,
      },
      {
        from: 150,
        to: 0,
        every: 11,
        types: { MEETING: 4, WORKSHOP: 2, CALL: 1, EMAIL: 2, STATUS_UPDATE: 1 },
        mood: [0, 4, 4, 1, 0],
        itLate: 0.25,
        itUnprepared: 0.45,
        ratings: { every: 30, overall: [0, 2, 3, 0, 0], comments: ["Too many hand-offs before anything gets built.", ""] },
        followUps: { chance: 0.55, itShare: 0.65, itOpen: 0.3, itLate: 0.4 },
        chatter: 0.15,
      },
    ],
    moments: [
      {
        daysAgo: 250,
        type: "WORKSHOP",
        summary: "Warehouse upgrade: requirements review",
        sentiment: "NEUTRAL",
        quotes: [["IT", "The business users kept changing their minds about slotting rules."]],
      },
      {
        daysAgo: 140,
        type: "MEETING",
        summary: "Business analyst team introduced between Supply Chain and development",
        notes: "Analysts to bridge the gap between the business and IT; all requests now go through them.",
        sentiment: "NEUTRAL",
      },
      {
        daysAgo: 105,
        type: "WORKSHOP",
        summary: "Warehouse upgrade: analyst-led requirements session",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "Are they analysts or project managers? They keep pushing us to sign off."]],
        followUps: [{ owedBy: "BUSINESS", description: "Sign off the slotting requirements", dueIn: 10, doneAfter: 20 }],
      },
      {
        daysAgo: 85,
        type: "MEETING",
        summary: "Warehouse upgrade: second slip",
        sentiment: "NEGATIVE",
        quotes: [["IT", "What we need is well-documented business processes before we build anything else."]],
        followUps: [{ owedBy: "IT", description: "Revised plan for the warehouse upgrade", dueIn: 7, doneAfter: null }],
      },
      {
        daysAgo: 50,
        type: "ESCALATION",
        summary: "Escalation: pick rates down after the release",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "The analyst team is just as bad as IT."]],
      },
    ],
  },
  {
    key: "marketing",
    name: "Marketing",
    executiveSponsor: "Chloe Dubois, Chief Marketing Officer",
    criticality: "HIGH",
    manager: "alex",
    intendedStage: "PNEUMONIA",
    arc: "From sniffles to pneumonia in a year: Marketing hired its own developers, now a shadow IT team competing with IT.",
    project: "the campaign platform",
    client: { name: "Ethan Brooks", title: "Head of Digital Marketing" },
    contacts: [
      { name: "Chloe Dubois", title: "Chief Marketing Officer" },
      { name: "Zoe Harper", title: "Marketing Technology Lead" },
    ],
    phases: [
      {
        from: 365,
        to: 250,
        every: 12,
        types: MEETINGS,
        mood: [0, 2, 4, 2, 0],
        itLate: 0.1,
        ratings: { every: 30, overall: [0, 0, 3, 2, 0] },
        followUps: { chance: 0.5, itShare: 0.6, itLate: 0.3 },
        chatter: 0.2,
      },
      {
        from: 250,
        to: 150,
        every: 12,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, ESCALATION: 1, STATUS_UPDATE: 1 },
        mood: [1, 4, 3, 1, 0],
        itLate: 0.25,
        itCancels: 0.1,
        ratings: { every: 30, overall: [0, 3, 2, 0, 0] },
        followUps: { chance: 0.5, itShare: 0.7, itOpen: 0.2, itLate: 0.5 },
      },
      {
        from: 150,
        to: 0,
        every: 11,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, ESCALATION: 1, STATUS_UPDATE: 1 },
        mood: [3, 4, 2, 0, 0],
        itLate: 0.3,
        itCancels: 0.2,
        ratings: { every: 30, overall: [3, 2, 0, 0, 0], comments: ["Our own team delivers; IT sends tickets back.", ""] },
        followUps: { chance: 0.5, itShare: 0.75, itOpen: 0.4, itLate: 0.5 },
      },
    ],
    moments: [
      {
        daysAgo: 330,
        type: "MEETING",
        summary: "Campaign platform: request backlog",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "IT just doesn't get it: campaigns have launch dates."]],
      },
      {
        daysAgo: 220,
        type: "MEETING",
        summary: "Marketing to hire its own developers",
        notes: "The CMO approved two contract developers inside Marketing.",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "We've given up waiting for IT; we'll do it ourselves."]],
      },
      {
        daysAgo: 130,
        type: "ESCALATION",
        summary: "Escalation: microsite built by Marketing's own team breaks the single sign-on",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "My guys are way better: they shipped the microsite in two weeks."]],
        followUps: [{ owedBy: "IT", description: "Agree how Marketing-built sites use single sign-on", dueIn: 14, doneAfter: null }],
      },
      {
        daysAgo: 95,
        type: "MEETING",
        summary: "Budget review with the CMO",
        sentiment: "VERY_NEGATIVE",
        quotes: [["BUSINESS", "We should fire the IT team and give their budget to my team."]],
      },
      {
        daysAgo: 60,
        type: "MEETING",
        summary: "Support boundaries for Marketing-built tools",
        sentiment: "VERY_NEGATIVE",
        quotes: [["IT", "We're no longer supporting any systems we didn't create."]],
        followUps: [{ owedBy: "IT", description: "Document which Marketing tools IT supports", dueIn: 10, doneAfter: null }],
      },
      {
        daysAgo: 25,
        type: "ESCALATION",
        summary: "Escalation: campaign data export failed the night before launch",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "This IT manager just isn't cutting it."]],
      },
    ],
  },
  {
    key: "retail",
    name: "Retail Stores",
    executiveSponsor: "Patrick O'Neill, Director of Retail",
    criticality: "CRITICAL",
    manager: "casey",
    intendedStage: "PNEUMONIA",
    arc: "Layers of analysts between store managers and developers, weekly till outages, and a store-ops tech team that now competes with IT.",
    project: "the point-of-sale rollout",
    client: { name: "Fiona Walsh", title: "Store Operations Manager" },
    contacts: [
      { name: "Patrick O'Neill", title: "Director of Retail" },
      { name: "Diego Santos", title: "Regional Store Manager" },
    ],
    phases: [
      {
        from: 270,
        to: 160,
        every: 11,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, WORKSHOP: 1, STATUS_UPDATE: 1 },
        mood: [0, 4, 4, 1, 0],
        itLate: 0.2,
        itUnprepared: 0.2,
        ratings: { every: 30, overall: [0, 2, 3, 0, 0] },
        followUps: { chance: 0.5, itShare: 0.7, itLate: 0.4 },
      },
      {
        from: 160,
        to: 0,
        every: 10,
        types: { MEETING: 3, CALL: 3, EMAIL: 2, STATUS_UPDATE: 1 },
        mood: [2, 5, 2, 0, 0],
        itLate: 0.3,
        itUnprepared: 0.3,
        itCancels: 0.15,
        ratings: { every: 30, overall: [3, 2, 1, 0, 0], comments: ["Tills down again on Saturday.", ""] },
        followUps: { chance: 0.5, itShare: 0.75, itOpen: 0.35, itLate: 0.5 },
      },
    ],
    moments: [
      {
        daysAgo: 240,
        type: "WORKSHOP",
        summary: "Point-of-sale rollout: requirements through the analyst team",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "IT is so wound up in red tape these days, you can't get anything done."]],
      },
      {
        daysAgo: 190,
        type: "MEETING",
        summary: "Second and third analyst layers added for the store programme",
        sentiment: "NEGATIVE",
        quotes: [["BUSINESS", "Are they analysts or project managers?"]],
      },
      {
        daysAgo: 140,
        type: "MEETING",
        summary: "Store managers' requests lost between the layers",
        notes: "Six hand-offs between a store manager and a developer.",
        sentiment: "VERY_NEGATIVE",
        quotes: [["BUSINESS", "It's a hopeless game of telephone: six layers between the store managers and the developers."]],
      },
      { daysAgo: 80, type: "ESCALATION", summary: "Escalation: tills down in twelve stores on Saturday", sentiment: "VERY_NEGATIVE", cio: true },
      {
        daysAgo: 65,
        type: "ESCALATION",
        summary: "Escalation: card payments failing at peak",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "Our store tech team is way better than IT at keeping the tills up."]],
        followUps: [{ owedBy: "IT", description: "Incident report on the card payment failures", dueIn: 5, doneAfter: null }],
      },
      { daysAgo: 48, type: "ESCALATION", summary: "Escalation: price file not loaded before the promotion", sentiment: "VERY_NEGATIVE", cio: true },
      {
        daysAgo: 30,
        type: "ESCALATION",
        summary: "Escalation: store-ops team's own stock app corrupts inventory counts",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "This IT manager just isn't cutting it."]],
      },
      { daysAgo: 9, type: "ESCALATION", summary: "Escalation: tills down again after the weekend patch", sentiment: "VERY_NEGATIVE", cio: true },
    ],
  },
  {
    key: "operations",
    name: "Operations",
    executiveSponsor: "Karen Mitchell, COO",
    criticality: "CRITICAL",
    manager: "blair",
    intendedStage: "DEATH_AND_REINCARNATION",
    arc: "The end stage: Operations has gone to outside consultants, IT avoids contact and says no, and the COO talks of outsourcing IT.",
    project: "the plant scheduling system",
    client: { name: "George Adams", title: "Operations Excellence Manager" },
    contacts: [
      { name: "Karen Mitchell", title: "Chief Operating Officer" },
      { name: "Leo Fischer", title: "Plant Systems Lead" },
    ],
    phases: [
      {
        from: 365,
        to: 270,
        every: 11,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, ESCALATION: 1, STATUS_UPDATE: 1 },
        mood: [1, 4, 3, 0, 0],
        itLate: 0.3,
        itUnprepared: 0.2,
        ratings: { every: 30, overall: [0, 3, 2, 0, 0] },
        followUps: { chance: 0.5, itShare: 0.7, itLate: 0.5 },
      },
      {
        from: 270,
        to: 150,
        every: 12,
        types: { MEETING: 3, CALL: 2, EMAIL: 2, ESCALATION: 1 },
        mood: [3, 4, 1, 0, 0],
        itLate: 0.35,
        itCancels: 0.25,
        ratings: { every: 35, overall: [3, 3, 0, 0, 0] },
        followUps: { chance: 0.5, itShare: 0.75, itOpen: 0.4, itLate: 0.5 },
      },
      {
        from: 150,
        to: 0,
        every: 14,
        types: { MEETING: 3, CALL: 3, EMAIL: 2 },
        mood: [4, 3, 1, 0, 0],
        itLate: 0.4,
        itCancels: 0.55,
        ratings: { every: 60, overall: [4, 1, 0, 0, 0], comments: ["Why bother rating.", ""] },
        followUps: { chance: 0.5, itShare: 0.8, itOpen: 0.6 },
      },
    ],
    moments: [
      {
        daysAgo: 330,
        type: "ESCALATION",
        summary: "Escalation: plant scheduling system outage during the audit",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "We wouldn't have these problems if they knew what they were doing over there."]],
      },
      {
        daysAgo: 230,
        type: "MEETING",
        summary: "Operations' own plant systems team takes over scheduling tweaks",
        sentiment: "VERY_NEGATIVE",
        quotes: [
          ["BUSINESS", "My guys are way better, and they answer the phone."],
          ["IT", "We're no longer supporting any systems we didn't create."],
        ],
      },
      {
        daysAgo: 140,
        type: "MEETING",
        summary: "COO announces consultants for the scheduling replacement",
        sentiment: "VERY_NEGATIVE",
        quotes: [["BUSINESS", "I'm not using IT anymore; I'm going to Northwind Consulting—they know what they're doing."]],
      },
      {
        daysAgo: 100,
        type: "MEETING",
        summary: "IT leadership: directive on Operations requests",
        notes: "Internal IT meeting about the Operations backlog.",
        sentiment: "VERY_NEGATIVE",
        quotes: [["IT", "We have to just start saying no, even if they have the money."]],
      },
      {
        daysAgo: 75,
        type: "CALL",
        summary: "Call with the COO about the consultants' access to plant data",
        sentiment: "VERY_NEGATIVE",
        quotes: [["BUSINESS", "I think it's time for some new leadership in IT."]],
        followUps: [{ owedBy: "IT", description: "Grant the consultants read access to plant data", dueIn: 5, doneAfter: null }],
      },
      {
        daysAgo: 50,
        type: "MEETING",
        summary: "Quarterly review with Operations",
        notes: "Cancelled by IT the morning of the meeting.",
        sentiment: "NEUTRAL",
        cancelledBy: "IT",
        itOnTime: null,
        itPrepared: null,
        quotes: [["IT", "I've stopped answering the phone when I know it's my business client."]],
      },
      {
        daysAgo: 18,
        type: "CALL",
        summary: "COO call with the CIO",
        sentiment: "VERY_NEGATIVE",
        cio: true,
        quotes: [["BUSINESS", "Maybe we should outsource the IT department."]],
      },
    ],
  },
];

/** Business clients: one per unit, e-mail from the unit's key. */
export const CLIENT_USERS: readonly DemoUser[] = ACCOUNT_STORIES.map((story) => ({
  email: `client.${story.key}@rapport.example`,
  name: story.client.name,
  role: "CLIENT" as const,
  accountName: story.name,
}));

/** Every demo login (password DEMO_PASSWORD), staff first. */
export const DEMO_USERS: readonly DemoUser[] = [
  ...STAFF.map(({ key, ...user }) => ({
    ...user,
    accountNames: ACCOUNT_STORIES.filter((story) => story.manager === key).map((story) => story.name),
  })),
  ...CLIENT_USERS,
];

// ——— filler wording (neutral: no symptom phrases, checked by the seed's tests) ———

export const SUMMARIES: Record<InteractionType, readonly string[]> = {
  MEETING: ["Monthly service review", "Priorities check-in with the sponsor", "Planning session for {project}"],
  CALL: ["Check-in call", "Call about the {project} timeline", "Call about open requests"],
  EMAIL: ["Weekly update on {project}", "Reply on access and reporting requests", "Follow-up e-mail on open tickets"],
  WORKSHOP: ["Working session on {project}", "Design workshop for {project}"],
  ESCALATION: ["Escalation: {project} issue raised by the sponsor"],
  STATUS_UPDATE: ["Status update: {project}", "Release notes for {project}"],
  REVIEW: ["Quarterly relationship review"],
};

export const NOTES_BY_MOOD: readonly (readonly string[])[] = [
  ["Heated exchange; the sponsor questioned IT's commitment.", "Sponsor left the meeting early, visibly angry."],
  ["Client frustrated by repeated delays on open requests.", "Tense discussion about slipping dates."],
  ["Routine check-in; reviewed open tickets and the next change window.", "Walked through the backlog; no decisions needed.", ""],
  ["Demo landed well; the sponsor asked for a follow-on.", "Agreed priorities for next quarter together."],
  ["Sponsor thanked the team in front of their leadership.", "Joint planning went smoothly; goals reviewed and on track."],
];

export const CHATTER: Record<Side, readonly string[]> = {
  BUSINESS: [
    "Can we get the quarter's numbers into the dashboard by Friday?",
    "Thanks for turning the access request around so quickly.",
    "The new laptops went out without a hitch.",
    "Who should my team call when the report is late?",
  ],
  IT: [
    "We will send the release notes before the next review.",
    "The patch window is Saturday night; your users should not notice anything.",
    "I'll check with the team and come back to you tomorrow.",
  ],
};

export const FOLLOW_UP_DESCRIPTIONS: Record<Side, readonly string[]> = {
  IT: ["Send the meeting notes and agreed actions", "Share the revised plan for {project}", "Clear the access request backlog", "Send the incident summary"],
  BUSINESS: ["Confirm priorities for the next sprint", "Sign off the requirements for {project}", "Nominate testers for acceptance testing"],
};
