import { z } from "zod";
import { PROJECT_STATUSES } from "../scoring/enums";
import { checkbox, money, optionalDateOnly, dateOnly, optionalInt, optionalText, trimmed } from "./fields";

/** A project for the unit, as the project form and the API send it. */
export const projectInputSchema = z
  .object({
    name: trimmed("The project's name", 2, 200),
    description: optionalText("The description", 2000),
    highProfile: checkbox,
    status: z.enum(PROJECT_STATUSES, { error: "Choose the project's status" }),
    /** Why the status changed, kept in the project's status history. */
    statusNote: optionalText("The note", 500),
    plannedStart: optionalDateOnly("the planned start"),
    plannedEnd: dateOnly("the planned end"),
    actualEnd: optionalDateOnly("the actual end"),
    budget: money("The budget"),
    actualCost: money("The actual cost"),
    scopeDeliveredPercent: optionalInt("Scope delivered", 0, 100),
  })
  .superRefine((p, ctx) => {
    if (p.plannedStart && p.plannedStart > p.plannedEnd) {
      ctx.addIssue({ code: "custom", path: ["plannedEnd"], message: "The planned end must be after the planned start" });
    }
    const ended = p.status === "DELIVERED" || p.status === "CANCELLED";
    if (ended && !p.actualEnd) ctx.addIssue({ code: "custom", path: ["actualEnd"], message: "Enter when it was delivered or cancelled" });
    if (!ended && p.actualEnd) ctx.addIssue({ code: "custom", path: ["actualEnd"], message: "Only a delivered or cancelled project has an actual end" });
    if (p.actualCost !== null && p.budget === null) ctx.addIssue({ code: "custom", path: ["budget"], message: "Enter the budget the cost is compared with" });
  });

export type ProjectInput = z.output<typeof projectInputSchema>;
