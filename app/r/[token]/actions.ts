"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { type FormState, GENERIC_FAILURE } from "@/lib/actions/form-action";
import { isExpectedError } from "@/lib/data/errors";
import { submitInvitationRating } from "@/lib/data/invitations";
import { blockedFor, clientKey, recordMiss, waitText } from "@/lib/http/rate-limit";
import { logUnexpected } from "@/lib/log";
import { parseForm } from "@/lib/validation/form-data";
import { invitationRatingSchema } from "@/lib/validation/rating";

/**
 * The rating form behind an emailed link: no session, the token is the credential. Validated with
 * the shared schema (nothing written when invalid); stored once; then back to the link, which
 * shows the thank-you page (a refresh does not post again).
 */
export async function submitLinkRatingAction(_previous: FormState | undefined, formData: FormData): Promise<FormState> {
  const submission = parseForm(formData, invitationRatingSchema);
  let target: string;
  try {
    const key = clientKey(await headers());
    const wait = await blockedFor(key);
    if (wait) return submission.reply({ formErrors: [`Too many attempts from this address: try again in ${waitText(wait)}.`] });
    if (submission.status !== "success") return submission.reply();
    const receipt = await submitInvitationRating(submission.value);
    if (receipt.state === "unknown") await recordMiss(key);
    // Received (or a retry of it): the thank-you page. Anything else: the link's page says what happened.
    target = receipt.state === "received" ? `/r/${submission.value.token}?sent=1` : `/r/${submission.value.token}`;
  } catch (error) {
    if (isExpectedError(error)) return submission.reply({ formErrors: [error.message] });
    logUnexpected("action submitLinkRating", error);
    return submission.reply({ formErrors: [GENERIC_FAILURE] });
  }
  redirect(target);
}
