import { z } from "zod";
import { pastDateOnly, storableString, trimmed } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

/** "yes" / "no" from a select, or a JSON boolean; there is no "not known": IT knows whether it explained. */
const yesNo = z.preprocess((value) => (value === "yes" ? true : value === "no" ? false : value), z.boolean({ error: "Choose whether the reason was explained" }));

/** A request IT declined (article 002: "IT just says no"), and whether the business was told why. */
export const declinedRequestInputSchema = z
  .object({
    request: trimmed("The request", 3, 1000),
    declinedAt: pastDateOnly("when it was declined"),
    reasonExplained: yesNo,
    reason: z.preprocess((value) => value ?? "", storableString("The reason").trim().max(2000, { error: "The reason must be at most 2,000 characters" })),
  })
  .superRefine((request, ctx) => {
    if (request.reasonExplained && request.reason.length < 3) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Enter the reason the business was given" });
    }
  });

export const addDeclinedRequestSchema = newRecordFormSchema(declinedRequestInputSchema);
export const editDeclinedRequestSchema = editRecordFormSchema(declinedRequestInputSchema);

export type DeclinedRequestInput = z.output<typeof declinedRequestInputSchema>;
