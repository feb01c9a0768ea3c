import { z } from "zod";
import { idSchema, trimmed } from "@/lib/validation/fields";

/** Saving sends back the preview and its fingerprint: only the exact draft previewed can be saved. */
export const saveFormSchema = z.object({
  previewId: idSchema,
  hash: z.string().regex(/^[0-9a-f]{64}$/, { error: "Preview the draft before saving it" }),
  reason: trimmed("A reason", 3, 500),
});
