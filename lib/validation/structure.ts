import { z } from "zod";
import { STRUCTURAL_KINDS, type StructuralKind } from "../scoring/enums";
import { blankToUndefined, intInRange, optionalInt, optionalPastDateOnly, optionalText, pastDateOnly, storableString, yesNoUnknown } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

// Structural signs of breakdown (article 001): the layers between users and developers, and the
// events of the later stages (shadow IT, consultants, a leadership change, outsourcing, …).

/** "Six or seven layers between the user and developer" is the article's worst; 20 leaves room. */
export const analystLayerCountInputSchema = z.object({
  countedAt: pastDateOnly("the date of the count"),
  count: intInRange("The number of layers", 0, 20),
  note: optionalText("The note", 500),
});

/** The extra fact each kind may carry, and only that kind. */
export const STRUCTURAL_EXTRA = { size: "SHADOW_IT_TEAM", subject: "OUTSIDE_CONSULTANTS", forced: "IT_LEADERSHIP_CHANGE" } as const satisfies Record<string, StructuralKind>;

export const structuralEventInputSchema = z
  .object({
    kind: z.enum(STRUCTURAL_KINDS, { error: "Choose what happened" }),
    occurredAt: pastDateOnly("when it happened"),
    resolvedAt: optionalPastDateOnly("when it was resolved"),
    note: optionalText("The note", 1000),
    size: optionalInt("The team's size", 1, 10_000),
    subject: z.preprocess(blankToUndefined, storableString("What they were engaged on").trim().max(200, { error: "What they were engaged on must be at most 200 characters" }).nullable().default(null)),
    forced: yesNoUnknown("Choose yes, no or not known"),
  })
  .superRefine((event, ctx) => {
    if (event.resolvedAt && event.resolvedAt < event.occurredAt) {
      ctx.addIssue({ code: "custom", path: ["resolvedAt"], message: "It cannot be resolved before it happened" });
    }
    const messages = { size: "Only a shadow IT team has a size", subject: "Only outside consultants are engaged on something", forced: "Only a change of IT leadership can be forced" };
    for (const [field, kind] of Object.entries(STRUCTURAL_EXTRA) as [keyof typeof STRUCTURAL_EXTRA, StructuralKind][]) {
      if (event.kind !== kind && event[field] !== null) ctx.addIssue({ code: "custom", path: [field], message: messages[field] });
    }
  });

/** "Mark resolved": the date alone; the server checks it against when the event happened. */
export const structuralEventResolutionSchema = z.object({ resolvedAt: pastDateOnly("when it was resolved") });

export const addLayerCountSchema = newRecordFormSchema(analystLayerCountInputSchema);
export const editLayerCountSchema = editRecordFormSchema(analystLayerCountInputSchema);
export const addStructuralEventSchema = newRecordFormSchema(structuralEventInputSchema);
export const editStructuralEventSchema = editRecordFormSchema(structuralEventInputSchema);
export const resolveStructuralEventSchema = editRecordFormSchema(structuralEventResolutionSchema);

export type StructuralEventInput = z.output<typeof structuralEventInputSchema>;
