import "server-only";
import type { SubmissionResult } from "@conform-to/react";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireActor } from "../auth/current-actor";
import { InputConflictError, isExpectedError } from "../data/errors";
import { isDatabaseUnavailable } from "../db/errors";
import type { Actor } from "../data/permissions";
import { logUnexpected, withRequestId } from "../log";
import { parseForm } from "../validation/form-data";
import { setFlash } from "./flash";

/**
 * What a form action answers, read by `useActionForm` as Conform's `lastResult`: on failure the
 * submitted values with field errors (and form errors under ""), on success a reset form and the
 * notice to show (a redirect's notice goes in the flash cookie instead).
 */
export type FormState = SubmissionResult<string[]> & { notice?: string };

export type FormActionFn = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** After a successful write: a notice, shown on this page or, with `redirectTo`, on the next. */
export type FormSuccess = { notice: string; redirectTo?: string };

export const GENERIC_FAILURE = "Something went wrong on our side and nothing was saved. Please try again.";

/**
 * The one wrapper every form's server action goes through: it signs the caller in, validates the
 * form with the shared zod schema (writing nothing when invalid, and only echoing the form when a
 * button asked to add or remove a row), runs the data-layer call (which checks the caller's access
 * to the record), and turns errors into messages for people. Fields in `hideFields` (passwords)
 * are never sent back.
 */
export function formAction<S extends z.ZodType<Record<string, unknown>>, T>(
  name: string,
  schema: S,
  handler: (actor: Actor, input: z.infer<S>) => Promise<T>,
  success: (data: T, input: z.infer<S>) => FormSuccess,
  { hideFields }: { hideFields?: string[] } = {},
): FormActionFn {
  const run: FormActionFn = async (_previous, formData) => {
    let outcome: FormSuccess;
    const submission = parseForm(formData, schema);
    try {
      const actor = await requireActor();
      if (submission.status !== "success") return submission.reply({ hideFields });
      const data = await handler(actor, submission.value);
      outcome = success(data, submission.value);
    } catch (error) {
      return failureReply(name, error, submission, hideFields);
    }
    if (outcome.redirectTo) {
      await setFlash(outcome.notice);
      // Outside the try: redirect() works by throwing, and that must reach Next.
      redirect(outcome.redirectTo);
    }
    return { ...submission.reply({ resetForm: true }), status: "success", notice: outcome.notice };
  };
  // What it logs names the request (x-request-id).
  return (previous, formData) => withRequestId(() => run(previous, formData));
}

export const UNAVAILABLE_FAILURE = "The service is briefly unavailable. Please try again in a few seconds: what you entered is still here.";

/**
 * A failed call's answer, with the form as the user filled it: an expected error's own message;
 * a database outage (restart, lost connection) as retryable, since sending the form again will
 * work (each form's idempotency key stores a retried write once); anything else logged and generic.
 */
function failureReply(name: string, error: unknown, submission: ReturnType<typeof parseForm>, hideFields?: string[]): FormState {
  if (isExpectedError(error)) {
    const fieldErrors = error instanceof InputConflictError ? error.fieldErrors : undefined;
    return submission.reply({ formErrors: [error.message], fieldErrors, hideFields });
  }
  logUnexpected(`action ${name}`, error);
  return submission.reply({ formErrors: [isDatabaseUnavailable(error) ? UNAVAILABLE_FAILURE : GENERIC_FAILURE], hideFields });
}
