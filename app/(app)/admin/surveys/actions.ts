"use server";
import { describePolicyChanges, saveSurveyPolicy, surveyPolicySchema } from "@/lib/campaigns/policy";
import { formAction } from "@/lib/actions/form-action";
import { db } from "@/lib/db/client";

// Back to the same page (fresh values); the toast says what changed.
export const saveSurveyPolicyAction = formAction(
  "saveSurveyPolicy",
  surveyPolicySchema,
  (actor, input) => saveSurveyPolicy(db(), actor, input),
  ({ changes }) => ({ notice: describePolicyChanges(changes), redirectTo: "/admin/surveys" }),
);
