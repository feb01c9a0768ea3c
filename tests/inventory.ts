// Every page, server action and route handler of the app, with who may use it. The rules come
// from the access policy (lib/data/permissions.ts, docs/decisions/002-access-policy.md, and the
// README's "Who may see what"), not from what the code happens to do: the authorization matrix
// (tests/integration/authz-matrix-*.test.ts) checks the code against them, and
// tests/integration/authz-inventory.test.ts fails when a file on disk has no row here.

/**
 * Who may use a surface. "A" is the account a surface is about (the matrix's world has two: A and B).
 * - anyone: no sign-in (the login page; an emailed link, whose token is the credential)
 * - signed-in: any signed-in user, whatever their role
 * - it: IT staff (relationship managers, CIO, admins): `seesPortfolio`, `runsCampaigns`
 * - leadership: the CIO and admins (`managesAccounts`, `seesChangeHistory`, outbox, tasks, scoring, surveys)
 * - admin: administrators only (`managesUsers`, tuning the scoring, the mailbox, retrying email, re-detection)
 * - account: whoever may open A (`canOpenAccount`): IT with full access and A's clients
 * - account-it: full access to A (`canLogInteraction`): the CIO, admins and A's relationship manager
 * - account-client: A's business clients (`canRate`); IT with full access to A is refused for its role;
 *   whoever may not open A (B's clients, other relationship managers) finds no such account
 * - account-leadership: managing A as a unit (`managesAccounts`): the CIO and admins
 * - account-campaign-new: starting a rating campaign about A: IT with full access to A; other
 *   relationship managers (who see A's portfolio row) and clients are refused with a message
 * - account-campaign: a campaign about A: IT with full access to A; other relationship managers do
 *   not see it (not found); clients are refused for their role
 * - it-own: IT's own piece of work (a CSV import): the person who started it (rmA in the matrix),
 *   the CIO and admins; anyone else finds no such record
 * - api-token: /api/v1, which takes API tokens only (decision 029): a signed-in browser session
 *   does not count there, so every caller of the matrix (who holds only a session) gets 401; the
 *   API's own matrix (tests/integration/api-v1-matrix.test.ts) calls each operation with tokens
 */
export type Rule =
  | "anyone"
  | "signed-in"
  | "it"
  | "leadership"
  | "admin"
  | "account"
  | "account-it"
  | "account-client"
  | "account-leadership"
  | "account-campaign"
  | "account-campaign-new"
  | "it-own"
  | "api-token";

export interface PageRow {
  /** The file under app/, e.g. "app/(app)/dashboard/page.tsx". */
  file: string;
  rule: Rule;
}

export interface ActionRow {
  file: string;
  /** The exported server action. */
  name: string;
  rule: Rule;
}

export interface RouteRow {
  file: string;
  methods: readonly ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[];
  rule: Rule;
}

const account = "app/(app)/accounts/[id]";

export const pages: readonly PageRow[] = [
  { file: "app/page.tsx", rule: "signed-in" },
  { file: "app/login/page.tsx", rule: "anyone" },
  { file: "app/logout/page.tsx", rule: "anyone" },
  { file: "app/r/[token]/page.tsx", rule: "anyone" },
  { file: "app/u/[token]/page.tsx", rule: "anyone" },
  { file: "app/(app)/settings/password/page.tsx", rule: "signed-in" },
  { file: "app/(app)/settings/sessions/page.tsx", rule: "signed-in" },
  { file: "app/(app)/settings/tokens/page.tsx", rule: "signed-in" },
  // The API's reference: for anyone signed in (the document itself is public).
  { file: "app/(app)/docs/api/page.tsx", rule: "signed-in" },
  { file: "app/(app)/dashboard/page.tsx", rule: "it" },
  // A person's own alerts: every IT role has some (clients get none: 404).
  { file: "app/(app)/notifications/page.tsx", rule: "it" },
  { file: "app/(app)/dashboard/maturity/page.tsx", rule: "it" },
  { file: "app/(app)/dashboard/changes/page.tsx", rule: "it" },
  { file: "app/(app)/dashboard/trends/page.tsx", rule: "it" },
  { file: "app/(app)/dashboard/managers/page.tsx", rule: "it" },
  { file: "app/(app)/worklist/page.tsx", rule: "it" },
  // The CSV import (issue 11 §3): IT's people upload; an import is its uploader's (and leadership's).
  { file: "app/(app)/import/page.tsx", rule: "it" },
  { file: "app/(app)/import/[id]/page.tsx", rule: "it-own" },
  { file: "app/(app)/campaigns/page.tsx", rule: "it" },
  { file: "app/(app)/campaigns/new/page.tsx", rule: "it" },
  { file: "app/(app)/campaigns/[id]/page.tsx", rule: "account-campaign" },
  { file: "app/(app)/accounts/new/page.tsx", rule: "leadership" },
  { file: "app/(app)/history/[entityType]/[entityId]/page.tsx", rule: "leadership" },
  // The audit log on screen (decision 032), with its CSV export below.
  { file: "app/(app)/admin/audit/page.tsx", rule: "leadership" },
  { file: "app/(app)/admin/email/page.tsx", rule: "leadership" },
  { file: "app/(app)/admin/scoring/page.tsx", rule: "leadership" },
  { file: "app/(app)/admin/surveys/page.tsx", rule: "leadership" },
  { file: "app/(app)/admin/tasks/page.tsx", rule: "leadership" },
  { file: "app/(app)/admin/mailbox/page.tsx", rule: "admin" },
  // Webhooks send the portfolio's events out of Rapport: operations work, like the mail settings (decision 030).
  { file: "app/(app)/admin/webhooks/page.tsx", rule: "admin" },
  { file: "app/(app)/admin/mailbox/[emailId]/page.tsx", rule: "admin" },
  { file: "app/(app)/admin/users/page.tsx", rule: "admin" },
  { file: "app/(app)/admin/users/[userId]/page.tsx", rule: "admin" },
  { file: `${account}/page.tsx`, rule: "account" },
  { file: `${account}/record/[recordId]/page.tsx`, rule: "account" },
  { file: `${account}/rate/page.tsx`, rule: "account-client" },
  // Reports are written for the unit: its clients read them as IT does (issue 10 §5).
  { file: `${account}/reports/page.tsx`, rule: "account" },
  { file: `${account}/reports/failures/page.tsx`, rule: "account" },
  // The portfolio's: IT; a relationship manager's covers their own units.
  { file: "app/(app)/reports/page.tsx", rule: "it" },
  { file: "app/(app)/reports/failures/page.tsx", rule: "it" },
  { file: `${account}/settings/page.tsx`, rule: "account-leadership" },
  // IT records IT's view, a client of A the business's (decision 023).
  { file: `${account}/maturity/page.tsx`, rule: "account" },
  ...[
    "actions",
    "assessment",
    "bad-news",
    "contacts",
    "delivery",
    "delivery/[projectId]",
    "epochs",
    "follow-ups/[followUpId]/edit",
    "goals",
    "interactions/new",
    "interactions/[interactionId]/edit",
    "reliability",
    "reliability/incidents/[incidentId]",
    "reliability/sla/[slaPeriodId]",
    "requests",
    "stakeholders",
    "structure",
  ].map((tab) => ({ file: `${account}/${tab}/page.tsx`, rule: "account-it" as const })),
];

/** The create, update and delete actions of one kind of IT record of an account. */
const recordActions = (file: string, ...names: string[]): ActionRow[] => names.map((name) => ({ file: `${account}/${file}`, name, rule: "account-it" }));

export const actions: readonly ActionRow[] = [
  ...recordActions("actions/actions.ts", "createActionAction", "updateActionAction", "closeActionAction"),
  ...recordActions("assessment/actions.ts", "createItAssessmentAction", "updateItAssessmentAction", "deleteItAssessmentAction"),
  ...recordActions("bad-news/actions.ts", "createBadNewsAction", "updateBadNewsAction", "deleteBadNewsAction"),
  ...recordActions("contacts/actions.ts", "createContactAction", "updateContactAction", "markContactLeftAction", "markContactActiveAction"),
  ...recordActions("delivery/actions.ts", "createProjectAction", "updateProjectAction", "deleteProjectAction"),
  ...recordActions("follow-ups/actions.ts", "completeFollowUpAction", "updateFollowUpAction", "deleteFollowUpAction"),
  ...recordActions("goals/actions.ts", "createGoalAction", "updateGoalAction", "deleteGoalAction", "createGoalReviewAction", "updateGoalReviewAction", "deleteGoalReviewAction"),
  ...recordActions("interactions/new/actions.ts", "logInteractionAction"),
  ...recordActions("interactions/[interactionId]/edit/actions.ts", "updateInteractionAction", "deleteInteractionAction"),
  ...recordActions("override-actions.ts", "setStageOverrideAction", "endStageOverrideAction"),
  ...recordActions(
    "reliability/actions.ts",
    "createSlaPeriodAction",
    "updateSlaPeriodAction",
    "deleteSlaPeriodAction",
    "createIncidentAction",
    "updateIncidentAction",
    "deleteIncidentAction",
    "importReliabilityAction",
  ),
  ...recordActions("requests/actions.ts", "createDeclinedRequestAction", "updateDeclinedRequestAction", "deleteDeclinedRequestAction"),
  ...recordActions(
    "structure/actions.ts",
    "createLayerCountAction",
    "updateLayerCountAction",
    "deleteLayerCountAction",
    "createStructuralEventAction",
    "updateStructuralEventAction",
    "deleteStructuralEventAction",
    "resolveStructuralEventAction",
  ),
  ...["updateAccountAction", "assignManagerAction", "archiveAccountAction", "unarchiveAccountAction", "addCoreSystemAction", "editCoreSystemAction", "deleteCoreSystemAction"].map(
    (name) => ({ file: `${account}/settings/actions.ts`, name, rule: "account-leadership" as const }),
  ),
  ...["recordEpochAction", "deleteEpochAction"].map((name) => ({ file: `${account}/epochs/actions.ts`, name, rule: "account-leadership" as const })),
  { file: `${account}/maturity/actions.ts`, name: "recordMaturityAction", rule: "account" },
  { file: `${account}/rate/actions.ts`, name: "submitRatingAction", rule: "account-client" },
  { file: `${account}/rate/actions.ts`, name: "withdrawRatingAction", rule: "account-client" },
  { file: "app/(app)/accounts/new/actions.ts", name: "createAccountAction", rule: "leadership" },
  // Staging a file writes no records; each row is checked against the uploader's access to its unit.
  { file: "app/(app)/import/actions.ts", name: "uploadCsvImportAction", rule: "it" },
  ...["previewCsvImportAction", "startCsvImportAction"].map((name) => ({ file: "app/(app)/import/actions.ts", name, rule: "it-own" as const })),
  { file: "app/(app)/campaigns/actions.ts", name: "createCampaignAction", rule: "account-campaign-new" },
  ...["cancelCampaignAction", "revokeInvitationAction", "remindNowAction"].map((name) => ({ file: "app/(app)/campaigns/actions.ts", name, rule: "account-campaign" as const })),
  { file: "app/(app)/admin/email/actions.ts", name: "retryEmailAction", rule: "admin" },
  { file: "app/(app)/admin/scoring/actions.ts", name: "previewDraftAction", rule: "admin" },
  { file: "app/(app)/admin/scoring/actions.ts", name: "saveConfigAction", rule: "admin" },
  { file: "app/(app)/admin/scoring/actions.ts", name: "restoreVersionAction", rule: "admin" },
  { file: "app/(app)/admin/surveys/actions.ts", name: "saveSurveyPolicyAction", rule: "leadership" },
  { file: "app/(app)/admin/tasks/actions.ts", name: "redetectPhrasesAction", rule: "admin" },
  ...["createWebhookAction", "rotateWebhookSecretAction", "setWebhookActiveAction", "deleteWebhookAction", "replayWebhookDeliveryAction"].map((name) => ({
    file: "app/(app)/admin/webhooks/actions.ts",
    name,
    rule: "admin" as const,
  })),
  ...["createUserAction", "endSessionsAction", "updateUserAction", "resetPasswordAction", "deactivateUserAction", "reactivateUserAction"].map((name) => ({
    file: "app/(app)/admin/users/actions.ts",
    name,
    rule: "admin" as const,
  })),
  // Each acts on the caller's own notifications (clients have none: refused).
  ...["markNotificationReadAction", "setAlertEmailsAction"].map((name) => ({ file: "app/(app)/notifications/actions.ts", name, rule: "it" as const })),
  // An alert is about a unit: whoever has full access to it may answer it with an action.
  { file: "app/(app)/notifications/actions.ts", name: "planActionFromAlertAction", rule: "account-it" },
  { file: "app/(app)/settings/password/actions.ts", name: "changePasswordAction", rule: "signed-in" },
  { file: "app/(app)/settings/sessions/actions.ts", name: "endOtherSessionsAction", rule: "signed-in" },
  // Each acts on the caller's own tokens only (another user's token is not found).
  { file: "app/(app)/settings/tokens/actions.ts", name: "createApiTokenAction", rule: "signed-in" },
  { file: "app/(app)/settings/tokens/actions.ts", name: "revokeApiTokenAction", rule: "signed-in" },
  { file: "app/r/[token]/actions.ts", name: "submitLinkRatingAction", rule: "anyone" },
  { file: "app/u/[token]/actions.ts", name: "unsubscribeAction", rule: "anyone" },
];

export const routes: readonly RouteRow[] = [
  { file: "app/api/accounts/route.ts", methods: ["GET"], rule: "it" },
  { file: "app/api/accounts/[id]/route.ts", methods: ["GET"], rule: "account" },
  { file: "app/api/accounts/[id]/ratings/route.ts", methods: ["POST"], rule: "account-client" },
  { file: "app/api/tasks/[id]/route.ts", methods: ["GET"], rule: "leadership" },
  { file: "app/api/imports/[id]/route.ts", methods: ["GET"], rule: "it-own" },
  { file: "app/api/reports/accounts/[id]/monthly/route.ts", methods: ["GET"], rule: "account" },
  { file: "app/api/reports/accounts/[id]/failures/route.ts", methods: ["GET"], rule: "account" },
  { file: "app/api/reports/portfolio/monthly/route.ts", methods: ["GET"], rule: "it" },
  { file: "app/api/reports/portfolio/failures/route.ts", methods: ["GET"], rule: "it" },
  { file: "app/api/unsubscribe/[token]/route.ts", methods: ["POST"], rule: "anyone" },
  { file: "app/api/auth/[...nextauth]/route.ts", methods: ["GET", "POST"], rule: "anyone" },
  { file: "app/api/health/route.ts", methods: ["GET"], rule: "anyone" },
  { file: "app/(app)/admin/audit/export/route.ts", methods: ["GET"], rule: "leadership" },
  // The CSV exports (decision 031), called about A (?accountId=A): the rule of A's list there.
  { file: "app/api/export/ratings/route.ts", methods: ["GET"], rule: "account" },
  { file: "app/api/export/actions/route.ts", methods: ["GET"], rule: "account-it" },
  { file: "app/api/export/timeline/route.ts", methods: ["GET"], rule: "account" },
  { file: "app/api/export/portfolio/route.ts", methods: ["GET"], rule: "it" },
  { file: "app/api/v1/[...path]/route.ts", methods: ["GET", "POST", "PATCH", "DELETE"], rule: "api-token" },
  // The API's reference: public, like any API's (it holds no data).
  { file: "app/api/v1/openapi.json/route.ts", methods: ["GET"], rule: "anyone" },
];

export type ActorKey = "anonymous" | "clientA" | "clientB" | "rmA" | "otherRm" | "cio" | "admin";
export const ACTOR_KEYS: readonly ActorKey[] = ["anonymous", "clientA", "clientB", "rmA", "otherRm", "cio", "admin"];

/**
 * allowed: it works. login: "Please sign in" (401; a page redirects to /login). not-found: the
 * record does not exist as far as the caller can tell (404). forbidden: refused for the caller's
 * role with a message (403); pages answer 404 instead, as they reveal nothing either way.
 */
export type Outcome = "allowed" | "login" | "not-found" | "forbidden";

const sets: Record<Rule, { allowed: readonly ActorKey[]; notFound?: readonly ActorKey[] }> = {
  anyone: { allowed: ACTOR_KEYS },
  "signed-in": { allowed: ["clientA", "clientB", "rmA", "otherRm", "cio", "admin"] },
  it: { allowed: ["rmA", "otherRm", "cio", "admin"] },
  leadership: { allowed: ["cio", "admin"] },
  admin: { allowed: ["admin"] },
  account: { allowed: ["clientA", "rmA", "cio", "admin"], notFound: ["clientB", "otherRm"] },
  "account-it": { allowed: ["rmA", "cio", "admin"], notFound: ["clientA", "clientB", "otherRm"] },
  "account-client": { allowed: ["clientA"], notFound: ["clientB", "otherRm"] },
  "account-leadership": { allowed: ["cio", "admin"] },
  "account-campaign": { allowed: ["rmA", "cio", "admin"], notFound: ["otherRm"] },
  "account-campaign-new": { allowed: ["rmA", "cio", "admin"] },
  "it-own": { allowed: ["rmA", "cio", "admin"], notFound: ["clientA", "clientB", "otherRm"] },
  "api-token": { allowed: [] },
};

/** What the policy says `actor` gets from a surface with `rule`. */
export function expectedOutcome(rule: Rule, actor: ActorKey, surface: "page" | "action" | "route"): Outcome {
  // A session is not a token: everyone is asked to authenticate.
  if (rule === "api-token") return "login";
  const { allowed, notFound = [] } = sets[rule];
  if (allowed.includes(actor)) return "allowed";
  if (actor === "anonymous") return "login";
  if (notFound.includes(actor) || surface === "page") return "not-found";
  return "forbidden";
}
