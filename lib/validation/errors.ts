import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/** zod issues keyed by their dotted path ("quotes.0.text"), as the forms name their fields. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (errors[key] ??= []).push(issue.message);
  }
  return errors;
}
