import { z } from "zod";
import { blankToUndefined, idSchema, optionalPastDateOnly, pastDateOnly, trimmed } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

/** Bad news IT had (article 000: "avoid a 'surprised' client"): when IT knew, when and by whom the client was told. */
export const badNewsInputSchema = z
  .object({
    what: trimmed("What went wrong", 3, 1000),
    /** A project of this unit, checked by the server. */
    projectId: z.preprocess(blankToUndefined, idSchema.nullable().default(null)),
    knownAt: pastDateOnly("when IT knew"),
    toldAt: optionalPastDateOnly("when the client was told"),
    /** An IT person, checked by the server. */
    toldById: z.preprocess(blankToUndefined, idSchema.nullable().default(null)),
  })
  .superRefine((news, ctx) => {
    if (news.toldAt && news.toldAt < news.knownAt) ctx.addIssue({ code: "custom", path: ["toldAt"], message: "The client cannot be told before IT knew" });
    if (news.toldAt && !news.toldById) ctx.addIssue({ code: "custom", path: ["toldById"], message: "Choose who told the client" });
    if (!news.toldAt && news.toldById) ctx.addIssue({ code: "custom", path: ["toldAt"], message: "Enter when the client was told" });
  });

export const addBadNewsSchema = newRecordFormSchema(badNewsInputSchema);
export const editBadNewsSchema = editRecordFormSchema(badNewsInputSchema);

export type BadNewsInput = z.output<typeof badNewsInputSchema>;
