import { LocalTime } from "@/components/ui/local-time";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SurveyPolicyForm } from "@/components/campaigns/survey-policy-form";
import { Card } from "@/components/ui/card";
import { requireActorOrRedirect } from "@/lib/auth/current-actor";
import { editsSurveyPolicy, getSurveyPolicy, lastSurveyPolicyChange } from "@/lib/campaigns/policy";
import { db } from "@/lib/db/client";
import { saveSurveyPolicyAction } from "./actions";

export const metadata: Metadata = { title: "Survey policy" };

/** The survey policy (the CIO and administrators): survey fatigue limits, anonymity's K, reminder and link defaults. */
export default async function SurveyPolicyPage() {
  const actor = await requireActorOrRedirect();
  if (!editsSurveyPolicy(actor)) notFound();
  const [policy, last] = await Promise.all([getSurveyPolicy(db()), lastSurveyPolicyChange(db())]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Survey policy</h1>
        <p className="text-sm text-slate-600">How often a person may be asked to rate IT, how many answers an anonymous result needs, and the defaults of a new campaign. Campaigns already started keep their own settings.</p>
      </div>
      <Card>
        <SurveyPolicyForm policy={policy} action={saveSurveyPolicyAction} />
      </Card>
      <p className="text-sm text-slate-600">
        {last ? (<>Last changed by {last.byName ?? "a removed user"} on <LocalTime date={last.at} />.</>) : "The defaults are in force: nobody has changed the policy yet."}
      </p>
    </div>
  );
}
