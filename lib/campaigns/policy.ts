import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { recordAudit, type Tx } from "../data/audit";
import { ForbiddenError } from "../data/errors";
import type { Actor } from "../data/permissions";
import { intInRange } from "../validation/fields";

// The survey policy: how often a person may be asked, how many answers an anonymous result needs,
// and the reminder and link defaults of a new campaign. Stored in app_state (key "surveyPolicy")
// so every instance agrees; the CIO and administrators change it on /admin/surveys.

type Client = PrismaClient | Tx;

export const SURVEY_POLICY_KEY = "surveyPolicy";

export const surveyPolicySchema = z.object({
  /** Nobody is asked (by email or in the app) again within this many days of being asked or answering. */
  recontactDays: intInRange("The recontact window", 0, 365),
  /** The smallest group whose anonymous results are shown (K); a campaign may ask for more, never fewer. */
  minGroupSize: intInRange("The minimum group size", 2, 100),
  maxReminders: intInRange("The number of reminders", 0, 10),
  reminderEveryDays: intInRange("The days between reminders", 1, 60),
  linkValidDays: intInRange("How long a link stays valid", 1, 90),
});

export type SurveyPolicy = z.infer<typeof surveyPolicySchema>;

export const defaultSurveyPolicy: SurveyPolicy = Object.freeze({ recontactDays: 30, minGroupSize: 5, maxReminders: 2, reminderEveryDays: 5, linkValidDays: 14 });

export const POLICY_LABELS: Record<keyof SurveyPolicy, string> = {
  recontactDays: "recontact window (days)",
  minGroupSize: "minimum anonymous group size",
  maxReminders: "reminders at most",
  reminderEveryDays: "days between reminders",
  linkValidDays: "link valid (days)",
};

/** Who changes the policy: the CIO and administrators. */
export const editsSurveyPolicy = (actor: Actor) => actor.role === "ADMIN" || actor.role === "CIO";

/**
 * The policy in force: the stored one, each field that is missing or no longer valid falling back
 * to its default (a stored value never breaks a page).
 */
export async function getSurveyPolicy(db: Client): Promise<SurveyPolicy> {
  const row = await db.appState.findUnique({ where: { key: SURVEY_POLICY_KEY }, select: { value: true } });
  const stored = row?.value && typeof row.value === "object" && !Array.isArray(row.value) ? (row.value as Record<string, unknown>) : {};
  const policy = { ...defaultSurveyPolicy };
  for (const key of Object.keys(defaultSurveyPolicy) as (keyof SurveyPolicy)[]) {
    const parsed = surveyPolicySchema.shape[key].safeParse(stored[key]);
    if (parsed.success) policy[key] = parsed.data as number;
  }
  return policy;
}

export interface PolicyChange {
  field: keyof SurveyPolicy;
  from: number;
  to: number;
}

/**
 * Saves the policy (every field, validated) and says what changed; audited. ADMIN and CIO only.
 * Throws the zod error for bad input: callers (formAction) validate first.
 */
export async function saveSurveyPolicy(db: PrismaClient, actor: Actor, input: unknown): Promise<{ policy: SurveyPolicy; changes: PolicyChange[] }> {
  if (!editsSurveyPolicy(actor)) throw new ForbiddenError("Only the CIO and administrators change the survey policy.");
  const next = surveyPolicySchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await getSurveyPolicy(tx);
    const changes = (Object.keys(defaultSurveyPolicy) as (keyof SurveyPolicy)[])
      .filter((field) => before[field] !== next[field])
      .map((field) => ({ field, from: before[field], to: next[field] }));
    if (changes.length > 0) {
      await tx.appState.upsert({ where: { key: SURVEY_POLICY_KEY }, create: { key: SURVEY_POLICY_KEY, value: next }, update: { value: next } });
      await recordAudit(tx, { actorId: actor.id, action: "survey-policy.updated", entityType: "SurveyPolicy", entityId: SURVEY_POLICY_KEY, details: { changes: changes.map((c) => ({ ...c })) } });
    }
    return { policy: next, changes };
  });
}

/** "recontact window (days) 30 → 45; reminders at most 2 → 1", or that nothing changed. */
export function describePolicyChanges(changes: PolicyChange[]): string {
  if (changes.length === 0) return "Nothing changed: the policy already had these values.";
  return `Survey policy saved: ${changes.map((c) => `${POLICY_LABELS[c.field]} ${c.from} → ${c.to}`).join("; ")}.`;
}

/** The policy's latest change (from the audit log): who, when, and what. */
export async function lastSurveyPolicyChange(db: Client): Promise<{ at: Date; byName: string | null; changes: PolicyChange[] } | null> {
  const event = await db.auditEvent.findFirst({
    where: { entityType: "SurveyPolicy", entityId: SURVEY_POLICY_KEY, action: "survey-policy.updated" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, details: true, actor: { select: { name: true } } },
  });
  if (!event) return null;
  const details = event.details as { changes?: PolicyChange[] } | null;
  return { at: event.createdAt, byName: event.actor?.name ?? null, changes: Array.isArray(details?.changes) ? details.changes : [] };
}
