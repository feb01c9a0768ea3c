import { z } from "zod";
import { checkbox, dateOnly, idSchema, intInRange, optionalText, trimmed } from "./fields";

// A rating campaign as the form (and any JSON caller) sends it. Dates are calendar days (UTC):
// a campaign opens at the start of its opening day (at once when that day is today) and closes at
// the end of its closing day. The policy's bounds (K at least the policy minimum) are checked by
// the data layer, which knows the policy in force.

export const RECURRENCES = ["NONE", "MONTHLY", "QUARTERLY"] as const;
export const RECURRENCE_LABELS: Record<(typeof RECURRENCES)[number], string> = { NONE: "Once", MONTHLY: "Every month", QUARTERLY: "Every quarter" };
/** The longest a round may stay open: a recurring round must close before the next one opens. */
export const MAX_OPEN_DAYS: Record<(typeof RECURRENCES)[number], number> = { NONE: 90, MONTHLY: 28, QUARTERLY: 90 };
/** How far ahead a campaign may be scheduled. */
export const MAX_DAYS_AHEAD = 365;
export const MAX_ACCOUNTS = 500;
export const MAX_CONTACTS = 2000;

const DAY = 86_400_000;

const optionalSetting = (label: string, min: number, max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), intInRange(label, min, max).optional());

/** Checkboxes post as `name[]`, so even one ticked box is a list. */
const idList = (label: string, max: number) => z.array(idSchema).max(max, { error: `At most ${max} ${label}` }).default([]);

export const campaignInputSchema = z
  .object({
    name: trimmed("The campaign's name", 1, 120),
    message: optionalText("The message", 2000),
    accountIds: idList("accounts", MAX_ACCOUNTS).refine((ids) => ids.length > 0, { error: "Choose at least one account" }),
    /** "all": every active contact of each account; "chosen": the contacts in contactIds. */
    contactMode: z.enum(["all", "chosen"], { error: "Choose who is asked: all active contacts or the ones you pick" }),
    contactIds: idList("contacts", MAX_CONTACTS),
    opensOn: dateOnly("the opening date"),
    closesOn: dateOnly("the closing date"),
    recurrence: z.enum(RECURRENCES, { error: "Choose how often the campaign repeats" }),
    anonymous: checkbox,
    /** K: blank means the policy's minimum. */
    minGroupSize: optionalSetting("The minimum group size", 2, 100),
    askScorecard: checkbox,
    reminderEveryDays: optionalSetting("The days between reminders", 1, 60),
    maxReminders: optionalSetting("The number of reminders", 0, 10),
    linkValidDays: optionalSetting("How long a link stays valid", 1, 90),
  })
  .superRefine((input, ctx) => {
    // Runs even when a field failed: check only what parsed.
    if (input.contactMode === "chosen" && Array.isArray(input.contactIds) && input.contactIds.length === 0) ctx.addIssue({ code: "custom", path: ["contactIds"], message: "Choose at least one contact, or ask all active contacts" });
    if (!(input.opensOn instanceof Date) || !(input.closesOn instanceof Date) || !(input.recurrence in MAX_OPEN_DAYS)) return;
    const days = Math.round((input.closesOn.getTime() - input.opensOn.getTime()) / DAY);
    if (days < 1) ctx.addIssue({ code: "custom", path: ["closesOn"], message: "The closing date must be after the opening date" });
    else if (days > MAX_OPEN_DAYS[input.recurrence]) {
      const why = input.recurrence === "MONTHLY" ? " for a monthly campaign (each round closes before the next opens)" : "";
      ctx.addIssue({ code: "custom", path: ["closesOn"], message: `A campaign stays open at most ${MAX_OPEN_DAYS[input.recurrence]} days${why}` });
    }
  });

export type CampaignInput = z.infer<typeof campaignInputSchema>;

/** Checks that depend on today: not in the past, not too far ahead. Returns field errors. */
export function campaignDateProblems(input: Pick<CampaignInput, "opensOn">, now: Date): Record<string, string[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (input.opensOn.getTime() < today) return { opensOn: ["The opening date cannot be in the past"] };
  if (input.opensOn.getTime() > today + MAX_DAYS_AHEAD * DAY) return { opensOn: [`The opening date must be within ${MAX_DAYS_AHEAD} days`] };
  return {};
}

/** When the campaign opens and closes: the start of the opening day (now, when that is today) and the end of the closing day. */
export function campaignWindow(input: Pick<CampaignInput, "opensOn" | "closesOn">, now: Date): { opensAt: Date; closesAt: Date } {
  const opensAt = input.opensOn.getTime() <= now.getTime() ? now : input.opensOn;
  return { opensAt, closesAt: new Date(input.closesOn.getTime() + DAY - 1000) };
}

export const campaignIdSchema = z.object({ campaignId: idSchema });

export const cancelCampaignSchema = z.object({
  campaignId: idSchema,
  confirm: z.literal("yes", { error: "Confirm that the unanswered links stop working" }),
});

export const revokeInvitationSchema = z.object({ campaignId: idSchema, invitationId: idSchema });
