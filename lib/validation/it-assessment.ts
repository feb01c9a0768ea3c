import { z } from "zod";
import { blankToUndefined, intInRange, optionalText, pastDateOnly } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

const dimension = (label: string) => z.preprocess(blankToUndefined, intInRange(label, 1, 5).nullable().default(null));

/**
 * IT's own rating of the relationship on the client's scale (article 004: superb technically yet
 * "perceived as incompetent"), so the two views can be set side by side.
 */
export const itAssessmentInputSchema = z.object({
  assessedAt: pastDateOnly("the date of the assessment"),
  overall: intInRange("Overall", 1, 5),
  // The five dimensions of the client's rating form (RATING_DIMENSIONS), each optional as there.
  responsiveness: dimension("Responsiveness"),
  delivery: dimension("Delivery"),
  communication: dimension("Communication"),
  businessUnderstanding: dimension("Understanding of the business"),
  trust: dimension("Trust"),
  notes: optionalText("The notes", 2000),
});

export const addItAssessmentSchema = newRecordFormSchema(itAssessmentInputSchema);
export const editItAssessmentSchema = editRecordFormSchema(itAssessmentInputSchema);

export type ItAssessmentInput = z.output<typeof itAssessmentInputSchema>;
