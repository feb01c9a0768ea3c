"use server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { InputConflictError } from "@/lib/data/errors";
import { previewScoringConfig, restoreScoringVersion, saveScoringConfig } from "@/lib/data/scoring-settings";
import { intInRange } from "@/lib/validation/fields";
import { draftFormSchema, draftFromForm, formErrorsOf } from "./settings-fields";
import { saveFormSchema } from "./save-schema";

/** The library's problems (by config path) onto the form's fields. */
async function onFormFields<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof InputConflictError) throw new InputConflictError(error.message, formErrorsOf(error.fieldErrors));
    throw error;
  }
}

const previewPage = (previewId: string) => `/admin/scoring?preview=${previewId}#preview`;

export const previewDraftAction = formAction(
  "previewScoringDraft",
  draftFormSchema,
  (actor, input) => onFormFields(previewScoringConfig(actor, draftFromForm(input))),
  ({ previewId }) => ({ notice: "Preview ready: check the accounts that would change before saving.", redirectTo: previewPage(previewId) }),
);

export const saveConfigAction = formAction(
  "saveScoringConfig",
  saveFormSchema,
  (actor, input) => saveScoringConfig(actor, input),
  ({ version, changed }) => ({
    notice: `Saved version ${version} (${changed.length} ${changed.length === 1 ? "value" : "values"} changed). Every account is being re-diagnosed.`,
    redirectTo: `/admin/scoring?saved=${version}#rediagnosis`,
  }),
);

export const restoreVersionAction = formAction(
  "restoreScoringVersion",
  z.object({ version: intInRange("The version", 1, 2_147_483_647) }),
  (actor, { version }) => restoreScoringVersion(actor, version),
  ({ previewId }) => ({ notice: "Preview of the old version ready: save it to restore it.", redirectTo: previewPage(previewId) }),
);
