import { z } from "zod";
import { idSchema } from "./fields";

// The kinds of records whose change history the CIO and admins can open, as the audit log names
// them (AuditEvent.entityType), and their URLs: /history/<kind>/<id>, the kind in kebab case.

export const RECORD_TYPES = [
  "Interaction",
  "Quote",
  "FollowUp",
  "Rating",
  "Project",
  "SlaPeriod",
  "Incident",
  "AnalystLayerCount",
  "StructuralEvent",
  "Goal",
  "GoalReview",
  "BadNews",
  "DeclinedRequest",
  "ItAssessment",
  "Contact",
  "CoreSystem",
  "StageOverride",
] as const;

export type RecordType = (typeof RECORD_TYPES)[number];

/** "FollowUp" → "follow-up", "SlaPeriod" → "sla-period". */
const slugOf = (type: RecordType) => type.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();
const BY_SLUG = new Map(RECORD_TYPES.map((type) => [slugOf(type), type]));

export const historyPath = (type: RecordType, id: string) => `/history/${slugOf(type)}/${id}`;

/** The history page's params; an unknown kind or a malformed id is simply not found. */
export const historyParamsSchema = z.object({
  entityType: z.string().transform((slug, ctx) => {
    const type = BY_SLUG.get(slug);
    if (!type) ctx.addIssue({ code: "custom", message: "Unknown kind of record" });
    return type as RecordType;
  }),
  entityId: idSchema,
});
