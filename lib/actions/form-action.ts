import "server-only";
import type { z } from "zod";
import { requireActor } from "../auth/current-actor";
import { isExpectedError, InputConflictError } from "../data/errors";
import type { Actor } from "../data/permissions";
import { logUnexpected } from "../log";
import { type FieldErrors, fieldErrorsOf } from "../validation/errors";
import { formDataToObject } from "../validation/form-data";

export type ActionResult<T> =
  | { ok: true; data: T; message: string }
  | { ok: false; message: string; fieldErrors: FieldErrors };

export const GENERIC_FAILURE = "Something went wrong on our side and nothing was saved. Please try again.";

/**
 * The one wrapper every server action goes through: it signs the caller in, validates the form
 * with the shared zod schema (writing nothing when invalid), runs the data-layer call (which checks
 * the caller's access to the record), and turns errors into messages for people.
 */
export function formAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<T>,
  successMessage: (data: T) => string,
) {
  return async (_previous: ActionResult<T> | null, formData: FormData): Promise<ActionResult<T>> => {
    try {
      const actor = await requireActor();
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return { ok: false, message: "Please correct the fields marked below.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const data = await handler(actor, parsed.data);
      return { ok: true, data, message: successMessage(data) };
    } catch (error) {
      if (isExpectedError(error)) {
        return { ok: false, message: error.message, fieldErrors: error instanceof InputConflictError ? error.fieldErrors : {} };
      }
      logUnexpected(`action ${name}`, error);
      return { ok: false, message: GENERIC_FAILURE, fieldErrors: {} };
    }
  };
}
