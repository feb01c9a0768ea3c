"use server";
import { describePolicyChanges, saveSurveyPolicy, surveyPolicySchema } from "@/lib/campaigns/policy";
import { formAction } from "@/lib/actions/form-action";
import { db } from "@/lib/db/client";

// Back to the same page (fresh values); `saved` makes it say what changed, where the toast of a
// redirect to the same path would not show.
export const saveSurveyPolicyAction = formAction(
  "saveSurveyPolicy",
  surveyPolicySchema,
  (actor, input) => saveSurveyPolicy(db(), actor, input),
  ({ changes }) => ({ notice: describePolicyChanges(changes), redirectTo: `/admin/surveys?saved=${changes.length > 0 ? Date.now() : "none"}` }),
);
