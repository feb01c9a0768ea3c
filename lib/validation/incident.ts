import { z } from "zod";
import { blankToUndefined, checkbox, dateTime, storableString, trimmed, yesNoUnknown } from "./fields";
import { optionalCoreSystemId } from "./sla";

/**
 * An instant; without an offset it is read as UTC, as every time in the app is shown: the form's
 * "YYYY-MM-DDTHH:mm" and an ITSM export's "YYYY-MM-DD HH:mm[:ss]" alike.
 */
export const utcDateTime = (label: string) =>
  z.preprocess((value) => {
    const local = typeof value === "string" ? /^\s*(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d)(:\d\d)?\s*$/.exec(value) : null;
    return local ? `${local[1]}T${local[2]}${local[3] ?? ":00"}Z` : value;
  }, dateTime(label));

const blankToNull = (value: unknown) => blankToUndefined(value) ?? null;

/** An incident on the unit's service (001's trains and buses; 002's proactive updates). */
export const incidentInputSchema = z
  .object({
    coreSystemId: optionalCoreSystemId,
    title: trimmed("The title", 2, 200),
    /** The ITSM tool's ticket number: an import recognises the incident by it. */
    externalRef: z.preprocess(blankToNull, storableString("The ticket number").trim().max(64, { error: "The ticket number must be at most 64 characters" }).nullable()),
    occurredAt: utcDateTime("when it started"),
    resolvedAt: z.preprocess(blankToNull, utcDateTime("when it was resolved").nullable()),
    major: checkbox,
    /** Whether the client heard of it from IT before noticing it themselves (002); blank: not known. */
    heardFromItFirst: yesNoUnknown("Choose yes, no or not known"),
  })
  .superRefine((i, ctx) => {
    if (i.resolvedAt && i.resolvedAt < i.occurredAt) ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "It cannot be resolved before it started" });
  });

export type IncidentInput = z.output<typeof incidentInputSchema>;
