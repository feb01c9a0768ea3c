import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "../../../lib/db/client";
import { appOutbox, runCampaignTick } from "../../../lib/campaigns/lifecycle";
import { previewScoringConfig } from "../../../lib/data/scoring-settings";
import { defaultConfig } from "../../../lib/scoring/config";
import { PHRASE_CATALOGUE } from "../../../lib/scoring/phrases/catalogue";
import { createAccount, createContact, createRating, createUser } from "../../../prisma/seed/factories";
import { formValues } from "../../../app/(app)/admin/scoring/settings-fields";
import { createApiToken } from "../../../lib/data/api-tokens";
import type { ActorKey } from "../../inventory";
import { PASSWORD, type MatrixWorld } from "./world";
import { formOf, type Fields, runAction } from "./run";
import { session } from "./signed-in";
import { stageCsvImport } from "../../../lib/data/csv-imports";
import { IMPORT_FIELDS } from "../../../lib/import/records/fields";

// A valid form for every server action, about account A of the matrix's world, so that only the
// caller decides what happens. An action that uses its record up (a delete, an archive) gets a
// fresh one for every call, made through the app's own create action by an admin.

type ActionFn = (...args: never[]) => Promise<unknown>;
export type ActionModules = Record<string, ActionFn>;

export interface ActionFixture {
  /** `actor`: who is about to call, for an action on the caller's own records (their API tokens). */
  fields: (w: MatrixWorld, actions: ActionModules, actor?: ActorKey) => Promise<Fields>;
  /**
   * For callers the policy allows: a refusal that can only come after the access check (a
   * business rule about the record), accepted as "allowed". Undefined: the action must succeed.
   */
  allowedRefusal?: RegExp;
}

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
let unique = 0;
const next = () => `${Date.now().toString(36)}${++unique}`;

/** Runs an action as the world's admin (restoring whoever was signed in) and insists it worked. */
async function asAdmin(w: MatrixWorld, action: ActionFn, fields: Fields): Promise<void> {
  const before = session.actor;
  session.actor = w.admin;
  try {
    const result = await runAction(action, formOf(fields));
    if (result.got !== "allowed") throw new Error(`fixture set-up failed: ${JSON.stringify(result.answer)}`);
  } finally {
    session.actor = before;
  }
}

type Model = "itAssessment" | "badNews" | "contact" | "project" | "goal" | "goalReview" | "declinedRequest" | "slaPeriod" | "incident" | "analystLayerCount" | "structuralEvent" | "coreSystem";

const newest = async (model: Model) =>
  ((await (db()[model] as unknown as { findFirstOrThrow: (args: object) => Promise<{ id: string }> }).findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } })) as { id: string }).id;

/** A record of a kind, created on A through `create` with `fields`: its id. */
async function created(w: MatrixWorld, actions: ActionModules, create: string, model: Model, fields: Fields): Promise<string> {
  await asAdmin(w, actions[create] as ActionFn, { accountId: w.a.id, ...fields });
  return newest(model);
}

const kinds = {
  itAssessment: { create: "createItAssessmentAction", fields: () => ({ assessedAt: day(-10), overall: "3", notes: "Fixture assessment" }) },
  badNews: { create: "createBadNewsAction", fields: () => ({ what: "Fixture overrun of two days", knownAt: day(-10) }) },
  contact: { create: "createContactAction", fields: () => ({ name: "Fixture Person", role: "KEY_USER", influence: "LOW", interest: "MEDIUM" }) },
  project: { create: "createProjectAction", fields: () => ({ name: "Fixture project", status: "PLANNED", plannedEnd: day(60) }) },
  goal: {
    create: "createGoalAction",
    fields: () => ({ title: "Fixture goal", measure: "Tickets closed", target: "10", ownerName: "Fixture Owner", agreedAt: day(-30), reviewEveryDays: "30" }),
  },
  declinedRequest: { create: "createDeclinedRequestAction", fields: () => ({ request: "Fixture request", declinedAt: day(-5), reasonExplained: "no" }) },
  // A system's period is recorded once: each form names a day of its own.
  slaPeriod: {
    create: "createSlaPeriodAction",
    fields: () => {
      const start = -(40 + 2 * ++unique);
      return { periodStart: day(start), periodEnd: day(start + 1), targetPercent: "99", attainedPercent: "98.5" };
    },
  },
  incident: { create: "createIncidentAction", fields: () => ({ title: "Fixture outage", occurredAt: `${day(-3)}T09:00`, major: "", heardFromItFirst: "" }) },
  analystLayerCount: { create: "createLayerCountAction", fields: () => ({ countedAt: day(-3), count: "3", note: "" }) },
  structuralEvent: { create: "createStructuralEventAction", fields: () => ({ kind: "METHODOLOGY_ENFORCED", occurredAt: day(-20), note: "Fixture event" }) },
  coreSystem: { create: "addCoreSystemAction", fields: () => ({ name: `Fixture ERP ${next()}`, description: "" }) },
} satisfies Partial<Record<Model, { create: string; fields: () => Fields }>>;

/** A goal review needs its goal. */
const goalReviewFields = async (w: MatrixWorld, actions: ActionModules) => ({
  goalId: await created(w, actions, kinds.goal.create, "goal", kinds.goal.fields()),
  reviewedAt: day(-2),
  result: "MET",
});

/** A new record of a kind on A, made through the app's create action: its id. */
export const recordOf = (model: keyof typeof kinds) => (w: MatrixWorld, actions: ActionModules) => created(w, actions, kinds[model].create, model, kinds[model].fields());

/** create, update (same fields, a record of its own) and delete (with a reason) for one kind. */
function crud(model: keyof typeof kinds, names: [create: string, update: string, remove: string]): Record<string, ActionFixture> {
  const [create, update, remove] = names;
  return {
    [create]: { fields: async (w) => ({ accountId: w.a.id, ...kinds[model].fields() }) },
    [update]: { fields: async (w, actions) => ({ recordId: await recordOf(model)(w, actions), ...kinds[model].fields() }) },
    [remove]: { fields: async (w, actions) => ({ recordId: await recordOf(model)(w, actions), reason: "Fixture: entered twice" }) },
  };
}

/** An open action on A, owned by its manager. */
const fixtureAction = async (w: MatrixWorld) =>
  (await db().action.create({ data: { accountId: w.a.id, title: "Fixture action", ownerId: w.users.rmA.id, dueDate: new Date(`${day(10)}T00:00:00Z`) } })).id;

/** An alert about A, as the detect-alerts job writes one. */
const fixtureAlert = async (w: MatrixWorld) =>
  (await db().alert.create({ data: { accountId: w.a.id, kind: "STAGE_WORSENED", message: "Fixture: A worsened", detectedAt: new Date(), dedupeKey: `fixture:${next()}` } })).id;

const csv = readFileSync(path.join(import.meta.dirname, "../../fixtures/csv/sla-month.csv"));

/** A campaign about A that is open, with an invitation (and its email) to a new contact of A's: the recontact window skips anyone asked lately. */
export async function openCampaign(w: MatrixWorld, actions: ActionModules): Promise<{ campaignId: string; invitationId: string }> {
  const contact = await createContact(db(), { accountId: w.a.id, name: `Fixture Contact ${next()}`, email: `contact-${next()}@quill.test` });
  await asAdmin(w, actions.createCampaignAction as ActionFn, { ...campaignFields(w, 0), contactMode: "chosen", "contactIds[]": [contact.id] });
  const campaign = await db().campaign.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { id: true } });
  await runCampaignTick(db(), new Date(), { outbox: { queue: appOutbox.queue, requestDelivery: async () => undefined } });
  const invitation = await db().ratingInvitation.findFirstOrThrow({ where: { campaignId: campaign.id, contactId: contact.id }, select: { id: true } });
  return { campaignId: campaign.id, invitationId: invitation.id };
}

const campaignFields = (w: MatrixWorld, opensInDays: number): Fields => ({
  name: `Fixture check-in ${next()}`,
  // Checkboxes post as `name[]`, so even one ticked box is a list.
  "accountIds[]": [w.a.id],
  contactMode: "all",
  opensOn: day(opensInDays),
  closesOn: day(opensInDays + 14),
  recurrence: "NONE",
});

/** A subscription to a public address (never resolved: no delivery runs in the matrix). */
const fixtureWebhook = async () =>
  (await db().webhookSubscription.create({ data: { url: `https://hooks.example.org/${next()}`, eventTypes: ["rating.received"], secret: `whsec_${Buffer.alloc(32, 1).toString("base64")}` }, select: { id: true } })).id;

/** A delivery of a fixture webhook that failed: what "Replay" acts on. */
async function failedWebhookDelivery(): Promise<string> {
  const event = await db().webhookEvent.create({ data: { type: "rating.received", data: { ratingId: "fixture" } }, select: { id: true } });
  const delivery = await db().webhookDelivery.create({ data: { id: crypto.randomUUID().replaceAll("-", ""), subscriptionId: await fixtureWebhook(), eventId: event.id, status: "FAILED", attempts: 6, lastError: "Fixture failure" } });
  return delivery.id;
}

/** A CSV file of two new contacts of A, staged by rmA (its uploader): the import's id. */
export async function stagedImport(w: MatrixWorld): Promise<string> {
  const file = `Business unit,Name,Email,Job title\n${w.a.name},Fixture Importee ${next()},importee-${next()}@quill.test,Analyst\n${w.a.name},Fixture Second ${next()},,Clerk\n`;
  const staged = await stageCsvImport(w.actors.rmA as NonNullable<MatrixWorld["actors"]["rmA"]>, { kind: "CONTACTS", fileName: "contacts.csv", bytes: new TextEncoder().encode(file) });
  if (!staged.ok) throw new Error(`fixture set-up failed: ${staged.fileError}`);
  return staged.id;
}

/** The mapping form of a staged contacts import, as the page posts it (the guessed columns). */
const mappingFields = (importId: string): Fields => ({
  importId,
  ...Object.fromEntries(IMPORT_FIELDS.CONTACTS.map((field) => [`map.${field.key}`, { account: "0", name: "1", email: "2", title: "3" }[field.key] ?? ""])),
});

/** An account like A (rmA manages it) that the archive actions may use up. */
const spareAccount = async (w: MatrixWorld, archived: boolean) =>
  (await createAccount(db(), { name: `Spare unit ${next()}`, relationshipManagerId: w.users.rmA.id, archivedAt: archived ? new Date() : null })).id;

const spareUser = async () => (await createUser(db(), { role: "RELATIONSHIP_MANAGER", email: `spare-${next()}@it.test` })).id;

/** A preview of the default configuration with one phrase switched off (saving the one in force is refused). */
async function scoringPreview(w: MatrixWorld): Promise<{ previewId: string; hash: string }> {
  const draft = structuredClone(defaultConfig) as unknown as { rules: { phrases: { disabled: string[] } } };
  draft.rules.phrases.disabled = [...draft.rules.phrases.disabled, (PHRASE_CATALOGUE[0] as { id: string }).id];
  const { previewId } = await previewScoringConfig(w.admin, draft);
  const run = await db().taskRun.findUniqueOrThrow({ where: { id: previewId }, select: { detail: true } });
  return { previewId, hash: String((run.detail as { hash: string }).hash) };
}

const scoringForm = () => formValues(defaultConfig);

const interactionFields = () => ({
  type: "CALL",
  occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  summary: "Fixture call",
  sentiment: "NEUTRAL",
  itOnTime: "yes",
  itPrepared: "yes",
  whatHappened: "HELD",
});

/** An interaction on A logged through the app, for the actions that correct or delete one. */
async function loggedInteraction(w: MatrixWorld, actions: ActionModules): Promise<string> {
  await asAdmin(w, actions.logInteractionAction as ActionFn, { accountId: w.a.id, ...interactionFields() });
  return (await db().interaction.findFirstOrThrow({ where: { accountId: w.a.id, summary: "Fixture call" }, orderBy: { createdAt: "desc" }, select: { id: true } })).id;
}

export const actionFixtures: Record<string, ActionFixture> = {
  ...crud("itAssessment", ["createItAssessmentAction", "updateItAssessmentAction", "deleteItAssessmentAction"]),
  ...crud("badNews", ["createBadNewsAction", "updateBadNewsAction", "deleteBadNewsAction"]),
  ...crud("project", ["createProjectAction", "updateProjectAction", "deleteProjectAction"]),
  ...crud("goal", ["createGoalAction", "updateGoalAction", "deleteGoalAction"]),
  ...crud("declinedRequest", ["createDeclinedRequestAction", "updateDeclinedRequestAction", "deleteDeclinedRequestAction"]),
  ...crud("slaPeriod", ["createSlaPeriodAction", "updateSlaPeriodAction", "deleteSlaPeriodAction"]),
  ...crud("incident", ["createIncidentAction", "updateIncidentAction", "deleteIncidentAction"]),
  ...crud("analystLayerCount", ["createLayerCountAction", "updateLayerCountAction", "deleteLayerCountAction"]),
  ...crud("structuralEvent", ["createStructuralEventAction", "updateStructuralEventAction", "deleteStructuralEventAction"]),
  ...crud("coreSystem", ["addCoreSystemAction", "editCoreSystemAction", "deleteCoreSystemAction"]),
  createContactAction: { fields: async (w) => ({ accountId: w.a.id, ...kinds.contact.fields() }) },
  updateContactAction: { fields: async (w, actions) => ({ recordId: await recordOf("contact")(w, actions), ...kinds.contact.fields() }) },
  markContactLeftAction: { fields: async (w, actions) => ({ recordId: await recordOf("contact")(w, actions), leftAt: day(-1) }) },
  markContactActiveAction: { fields: async (w, actions) => ({ recordId: await recordOf("contact")(w, actions) }) },
  createGoalReviewAction: { fields: async (w, actions) => ({ accountId: w.a.id, ...(await goalReviewFields(w, actions)) }) },
  updateGoalReviewAction: {
    fields: async (w, actions) => {
      const review = await goalReviewFields(w, actions);
      await asAdmin(w, actions.createGoalReviewAction as ActionFn, { accountId: w.a.id, ...review });
      return { recordId: await newest("goalReview"), ...review, notes: "Fixture notes" };
    },
  },
  deleteGoalReviewAction: {
    fields: async (w, actions) => {
      await asAdmin(w, actions.createGoalReviewAction as ActionFn, { accountId: w.a.id, ...(await goalReviewFields(w, actions)) });
      return { recordId: await newest("goalReview"), reason: "Fixture: entered twice" };
    },
  },
  resolveStructuralEventAction: { fields: async (w, actions) => ({ recordId: await recordOf("structuralEvent")(w, actions), resolvedAt: day(-1) }) },
  importReliabilityAction: { fields: async (w) => ({ accountId: w.a.id, file: new File([csv], "sla-month.csv", { type: "text/csv" }) }) },
  completeFollowUpAction: { fields: async (w) => ({ followUpId: (await db().followUp.create({ data: { accountId: w.a.id, description: "Fixture follow-up", owedBy: "IT", dueDate: new Date(`${day(5)}T00:00:00Z`) } })).id }) },
  updateFollowUpAction: { fields: async (w) => ({ recordId: w.followUp.id, description: `Send the roadmap ${next()}`, owedBy: "IT", dueDate: day(10) }) },
  deleteFollowUpAction: {
    fields: async (w) => ({
      recordId: (await db().followUp.create({ data: { accountId: w.a.id, interactionId: w.interaction.id, description: "Fixture follow-up", owedBy: "IT", dueDate: new Date(`${day(5)}T00:00:00Z`) } })).id,
      reason: "Fixture: entered twice",
    }),
  },
  logInteractionAction: { fields: async (w) => ({ accountId: w.a.id, ...interactionFields() }) },
  updateInteractionAction: { fields: async (w, actions) => ({ ...interactionFields(), interactionId: await loggedInteraction(w, actions), summary: "Fixture: corrected summary" }) },
  deleteInteractionAction: { fields: async (w, actions) => ({ recordId: await loggedInteraction(w, actions), reason: "Fixture: entered twice" }) },
  setStageOverrideAction: { fields: async (w) => ({ accountId: w.a.id, stage: "FLU", until: day(30), reason: "Fixture: we judge it worse than the engine" }) },
  endStageOverrideAction: {
    fields: async (w, actions) => {
      await asAdmin(w, actions.setStageOverrideAction as ActionFn, { accountId: w.a.id, stage: "SNIFFLES", until: day(20), reason: "Fixture: to be ended by the test" });
      const override = await db().stageOverride.findFirstOrThrow({ where: { accountId: w.a.id, endedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
      return { overrideId: override.id, reason: "Fixture: ended" };
    },
  },
  updateAccountAction: { fields: async (w) => ({ accountId: w.a.id, name: w.a.name, description: `Fixture description ${next()}`, criticality: "HIGH", meetingCadenceDays: "30", sponsorContactId: "" }) },
  assignManagerAction: { fields: async (w) => ({ accountId: w.a.id, managerId: w.users.rmA.id }), allowedRefusal: /already/ },
  archiveAccountAction: { fields: async (w) => ({ accountId: await spareAccount(w, false) }) },
  unarchiveAccountAction: { fields: async (w) => ({ accountId: await spareAccount(w, true) }) },
  // Two epochs cannot start on one day: each form names a day of its own.
  recordEpochAction: { fields: async (w) => ({ accountId: w.a.id, startsAt: day(-(100 + ++unique)), reasonKind: "NEW_IT_LEADERSHIP", reason: "Fixture: a new CIO arrived", confirm: "on" }) },
  deleteEpochAction: {
    fields: async (w, actions) => {
      await asAdmin(w, actions.recordEpochAction as ActionFn, { accountId: w.a.id, startsAt: day(-(100 + ++unique)), reasonKind: "OTHER", reason: "Fixture: to be deleted", confirm: "on" });
      const epoch = await db().accountEpoch.findFirstOrThrow({ where: { accountId: w.a.id, deletedAt: null }, orderBy: { createdAt: "desc" }, select: { id: true } });
      return { recordId: epoch.id, reason: "Fixture: entered twice" };
    },
  },
  createActionAction: { fields: async (w) => ({ accountId: w.a.id, title: "Fixture action", ownerId: w.users.cio.id, dueDate: day(10), visibleToClient: "on" }) },
  updateActionAction: { fields: async (w) => ({ actionId: await fixtureAction(w), title: "Fixture action, reassigned", ownerId: w.users.cio.id, dueDate: day(12) }) },
  closeActionAction: { fields: async (w) => ({ actionId: await fixtureAction(w), status: "DONE", outcome: "Fixture: done and told", visibleToClient: "on" }) },
  markNotificationReadAction: { fields: async () => ({ notificationId: "all" }) },
  setAlertEmailsAction: { fields: async () => ({ alertEmails: "on" }) },
  planActionFromAlertAction: { fields: async (w) => ({ alertId: await fixtureAlert(w), title: "Fixture answer to an alert", ownerId: w.users.cio.id, dueDate: day(7) }) },
  recordMaturityAction: { fields: async (w) => ({ accountId: w.a.id, level: "TRUSTED_ADVISOR", note: "Fixture view" }) },
  submitRatingAction: { fields: async (w) => ({ accountId: w.a.id, overall: "4", recommend: "8", comment: "Fixture: better lately", idempotencyKey: crypto.randomUUID() }) },
  withdrawRatingAction: {
    fields: async (w) => ({ ratingId: (await createRating(db(), { accountId: w.a.id, userId: w.users.clientA.id, overall: 3, recommend: 5 })).id, reason: "" }),
  },
  createAccountAction: { fields: async () => ({ name: `Fixture unit ${next()}`, description: "", criticality: "LOW", meetingCadenceDays: "", relationshipManagerId: "" }) },
  createCampaignAction: { fields: async (w) => campaignFields(w, 3) },
  uploadCsvImportAction: { fields: async (w) => ({ kind: "CONTACTS", file: new File([`Business unit,Name\n${w.a.name},Fixture Uploaded\n`], "contacts.csv", { type: "text/csv" }) }) },
  previewCsvImportAction: { fields: async (w) => mappingFields(await stagedImport(w)) },
  startCsvImportAction: { fields: async (w) => ({ importId: await stagedImport(w) }) },
  cancelCampaignAction: { fields: async (w, actions) => ({ campaignId: (await openCampaign(w, actions)).campaignId, confirm: "yes" }) },
  revokeInvitationAction: { fields: async (w, actions) => openCampaign(w, actions) },
  remindNowAction: { fields: async (w, actions) => ({ campaignId: (await openCampaign(w, actions)).campaignId }) },
  retryEmailAction: {
    fields: async () => ({ emailId: (await db().emailMessage.create({ data: { kind: "INVITATION", toAddress: "dana@quill.test", subject: "Fixture", status: "FAILED", lastError: "Fixture failure" } })).id }),
    // An email without its rating request is refused after the role check.
    allowedRefusal: /no longer exists/,
  },
  createWebhookAction: { fields: async () => ({ url: "https://hooks.example.org/rapport", description: "Fixture ITSM", "eventTypes[]": ["rating.received", "action.overdue"] }) },
  rotateWebhookSecretAction: { fields: async () => ({ webhookId: await fixtureWebhook() }) },
  setWebhookActiveAction: { fields: async () => ({ webhookId: await fixtureWebhook(), active: "false" }) },
  deleteWebhookAction: { fields: async () => ({ webhookId: await fixtureWebhook() }) },
  replayWebhookDeliveryAction: { fields: async () => ({ deliveryId: await failedWebhookDelivery() }) },
  previewDraftAction: { fields: async () => scoringForm() },
  saveConfigAction: { fields: async (w) => ({ ...(await scoringPreview(w)), reason: "Fixture: one phrase off" }) },
  restoreVersionAction: {
    fields: async (w) => ({ version: String((await db().scoringConfigVersion.create({ data: { config: defaultConfig as object, reason: "Fixture version", createdById: w.users.admin.id } })).id) }),
  },
  saveSurveyPolicyAction: { fields: async () => ({ recontactDays: "30", minGroupSize: "5", maxReminders: "2", reminderEveryDays: "5", linkValidDays: "14" }) },
  redetectPhrasesAction: { fields: async () => ({ confirm: "on" }) },
  createUserAction: { fields: async () => ({ name: "Fixture Manager", email: `fixture-${next()}@it.test`, role: "RELATIONSHIP_MANAGER", password: PASSWORD }) },
  endSessionsAction: { fields: async () => ({ userId: await spareUser() }) },
  endOtherSessionsAction: { fields: async () => ({}) },
  createApiTokenAction: { fields: async () => ({ name: "Fixture token", scope: "READ", expiresInDays: "30" }) },
  // A token of the caller's own (an anonymous caller is offered the admin's).
  revokeApiTokenAction: {
    fields: async (w, _actions, actor) => {
      const owner = (actor && w.actors[actor]) || w.admin;
      return { tokenId: (await createApiToken(owner, { name: "Fixture token", scope: "READ", expiresInDays: 30 })).token.id };
    },
  },
  updateUserAction: { fields: async () => ({ userId: await spareUser(), name: "Fixture Renamed", role: "RELATIONSHIP_MANAGER" }) },
  resetPasswordAction: { fields: async () => ({ userId: await spareUser(), password: "a fixture password 2026" }) },
  deactivateUserAction: { fields: async () => ({ userId: await spareUser() }) },
  reactivateUserAction: { fields: async () => ({ userId: await spareUser() }) },
  changePasswordAction: {
    fields: async () => {
      const password = `new ${PASSWORD} ${next()}`;
      return { currentPassword: PASSWORD, password, confirmPassword: password };
    },
  },
  submitLinkRatingAction: { fields: async () => ({ token: "x".repeat(43), overall: "4", recommend: "8", idempotencyKey: crypto.randomUUID() }) },
  unsubscribeAction: { fields: async () => ({ token: `${"a".repeat(25)}.${"x".repeat(43)}` }) },
};

