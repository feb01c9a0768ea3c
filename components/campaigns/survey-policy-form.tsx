"use client";
import { TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import { type SurveyPolicy, surveyPolicySchema } from "@/lib/campaigns/policy";

/** The survey policy's five numbers; the confirmation names each one that changed. */
export function SurveyPolicyForm({ policy, action }: { policy: SurveyPolicy; action: FormActionFn }) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, surveyPolicySchema, {
    id: "survey-policy",
    defaultValue: Object.fromEntries(Object.entries(policy).map(([key, value]) => [key, String(value)])),
  });
  const number = { type: "number" as const, inputMode: "numeric" as const, required: true };
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField meta={fields.recontactDays} label="Recontact window (days)" hint="Anyone asked, or who answered, within this many days (in any campaign or in the app) is not asked again. 0–365." {...number} />
        <TextField meta={fields.minGroupSize} label="Minimum anonymous group size (K)" hint="Anonymous results and comments show only from this many answers; a campaign may ask for more, never fewer. 2–100." {...number} />
        <TextField meta={fields.maxReminders} label="Reminders at most" hint="Default for new campaigns; each reminder brings fewer answers than the last. 0–10." {...number} />
        <TextField meta={fields.reminderEveryDays} label="Days between reminders" hint="Default for new campaigns. 1–60." {...number} />
        <TextField meta={fields.linkValidDays} label="Link valid for (days)" hint="From when the email was sent; default for new campaigns. 1–90." {...number} />
      </div>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save survey policy
      </SubmitButton>
    </form>
  );
}
