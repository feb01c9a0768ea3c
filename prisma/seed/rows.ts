import type { Prisma } from "../../lib/generated/prisma/client";

/** Everything the seed writes, as createMany inputs, in the order it is written (parents first). */
export interface Rows {
  users: Prisma.UserCreateManyInput[];
  accounts: (Prisma.AccountCreateManyInput & { id: string; createdAt: Date })[];
  clients: Prisma.UserCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  /** Set once the contacts exist (accounts and contacts point at each other). */
  sponsors: { accountId: string; contactId: string }[];
  ownerships: Prisma.AccountOwnershipCreateManyInput[];
  coreSystems: Prisma.CoreSystemCreateManyInput[];
  interactions: Prisma.InteractionCreateManyInput[];
  attendees: Prisma.InteractionAttendeeCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  followUps: Prisma.FollowUpCreateManyInput[];
  ratings: Prisma.RatingCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  projectStatusChanges: Prisma.ProjectStatusChangeCreateManyInput[];
  slaPeriods: Prisma.SlaPeriodCreateManyInput[];
  incidents: Prisma.IncidentCreateManyInput[];
  analystLayerCounts: Prisma.AnalystLayerCountCreateManyInput[];
  structuralEvents: Prisma.StructuralEventCreateManyInput[];
  goals: Prisma.GoalCreateManyInput[];
  goalReviews: Prisma.GoalReviewCreateManyInput[];
  badNews: Prisma.BadNewsCreateManyInput[];
  declinedRequests: Prisma.DeclinedRequestCreateManyInput[];
  itAssessments: Prisma.ItAssessmentCreateManyInput[];
  stageOverrides: Prisma.StageOverrideCreateManyInput[];
  epochs: Prisma.AccountEpochCreateManyInput[];
  alerts: Prisma.AlertCreateManyInput[];
  notifications: Prisma.NotificationCreateManyInput[];
  actions: Prisma.ActionCreateManyInput[];
  maturityAssessments: Prisma.MaturityAssessmentCreateManyInput[];
  campaigns: Prisma.CampaignCreateManyInput[];
  campaignAccounts: Prisma.CampaignAccountCreateManyInput[];
  /** `tokenHash` is filled when written: it derives from the app secret (prisma/seed/index.ts). */
  invitations: (Omit<Prisma.RatingInvitationCreateManyInput, "tokenHash"> & { id: string; tokenSalt: string; skippedReason: string | null })[];
  serviceScores: Prisma.ServiceScoreCreateManyInput[];
  emailMessages: Prisma.EmailMessageCreateManyInput[];
  /** The changes above as the app would have audited them (build-audit.ts), written last. */
  auditEvents: Prisma.AuditEventCreateManyInput[];
}

export function emptyRows(): Rows {
  return {
    users: [],
    accounts: [],
    clients: [],
    contacts: [],
    sponsors: [],
    ownerships: [],
    coreSystems: [],
    interactions: [],
    attendees: [],
    quotes: [],
    followUps: [],
    ratings: [],
    projects: [],
    projectStatusChanges: [],
    slaPeriods: [],
    incidents: [],
    analystLayerCounts: [],
    structuralEvents: [],
    goals: [],
    goalReviews: [],
    badNews: [],
    declinedRequests: [],
    itAssessments: [],
    stageOverrides: [],
    epochs: [],
    alerts: [],
    notifications: [],
    actions: [],
    maturityAssessments: [],
    campaigns: [],
    campaignAccounts: [],
    invitations: [],
    serviceScores: [],
    emailMessages: [],
    auditEvents: [],
  };
}
