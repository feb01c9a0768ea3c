import { z } from "zod";
import { TREATMENTS } from "../scoring/treatments/catalogue";
import { checkbox, dateOnly, idSchema, trimmed } from "./fields";

// Actions: what IT commits to do about an account, with one owner and a due date (issue 10 §3).

const DAY = 86_400_000;
/** An action is due within a year: later is a typo or a wish, not a commitment. */
export const MAX_ACTION_DAYS = 366;

/** Why an action cannot be due on `due` when planned at `now`, or null (a day's margin east of UTC). */
export function actionDueProblem(due: Date, now: Date): string | null {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (due.getTime() < today - DAY) return "An action cannot be due in the past";
  if (due.getTime() > today + MAX_ACTION_DAYS * DAY) return "An action must be due within a year";
  return null;
}

const TREATMENT_IDS = TREATMENTS.map((treatment) => treatment.id) as [string, ...string[]];

/** A blank select is "none". */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === "" || value === undefined ? null : value), schema.nullable());

export const actionFields = {
  title: trimmed("The action", 3, 200),
  ownerId: z.string({ error: "Choose who owns it" }).min(1, { error: "Choose who owns it" }).pipe(idSchema),
  dueDate: dateOnly("a due date"),
  visibleToClient: checkbox,
};

/** The due date is checked against today in the browser and again on the server (lib/data/actions.ts). */
const dueCheck = (input: { dueDate: Date }, ctx: z.RefinementCtx) => {
  // zod 4 runs an object's refinements even when a field failed: then it is not a date.
  if (!(input.dueDate instanceof Date)) return;
  const problem = actionDueProblem(input.dueDate, new Date());
  if (problem) ctx.addIssue({ code: "custom", path: ["dueDate"], message: problem });
};

/** A new action: free, from a prescribed treatment, or answering an alert. */
export const newActionSchema = z
  .object({
    accountId: idSchema,
    ...actionFields,
    treatmentId: optional(z.enum(TREATMENT_IDS, { error: "Unknown treatment" })),
    alertId: optional(idSchema),
  })
  .superRefine(dueCheck);

/** An action planned from an alert in one step (from its notification): the alert names the unit. */
export const planFromAlertSchema = z.object({ alertId: idSchema, ...actionFields }).superRefine(dueCheck);

/**
 * A correction of an open action: its title, owner (reassigning it), due date, visibility. An
 * overdue action may keep its past due date, so the server checks only a changed one.
 */
export const editActionSchema = z.object({ actionId: idSchema, ...actionFields });

export const ACTION_CLOSINGS = ["DONE", "DROPPED"] as const;

/** Closing records what was done, or why it was dropped. */
export const closeActionSchema = z.object({
  actionId: idSchema,
  status: z.enum(ACTION_CLOSINGS, { error: "Choose done or dropped" }),
  outcome: trimmed("What was done", 3, 2000),
  visibleToClient: checkbox,
});

export type NewActionInput = z.output<typeof newActionSchema>;
export type EditActionInput = z.output<typeof editActionSchema>;
export type CloseActionInput = z.output<typeof closeActionSchema>;

/** Marks one of the person's notifications read, or all of them. */
export const markReadSchema = z.object({ notificationId: z.union([idSchema, z.literal("all")]) });

/** Whether alerts also come by email (an unticked box posts nothing: off). */
export const alertEmailsSchema = z.object({ alertEmails: checkbox });
