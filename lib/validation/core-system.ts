import { z } from "zod";
import { optionalText, trimmed } from "./fields";
import { editRecordFormSchema, newRecordFormSchema } from "./record-form";

/** A system the unit cannot work without (article 001's "trains and buses"). */
export const coreSystemInputSchema = z.object({
  name: trimmed("The system's name", 2, 120),
  description: optionalText("The description", 1000),
});

export const addCoreSystemSchema = newRecordFormSchema(coreSystemInputSchema);
export const editCoreSystemSchema = editRecordFormSchema(coreSystemInputSchema);

export type CoreSystemInput = z.output<typeof coreSystemInputSchema>;
