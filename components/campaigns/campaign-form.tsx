"use client";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { CheckboxGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import type { FormActionFn } from "@/lib/actions/form-action";
import type { CampaignChoices } from "@/lib/data/campaigns";
import { campaignInputSchema, RECURRENCE_LABELS, RECURRENCES } from "@/lib/validation/campaign";

interface Props {
  action: FormActionFn;
  choices: CampaignChoices;
  defaults: { name: string; accountIds: string[]; opensOn: string; closesOn: string };
}

/** A new rating campaign: who is asked, when, how often, anonymously or not. Posts before JavaScript loads too. */
export function CampaignForm({ action, choices, defaults }: Props) {
  const { policy, accounts } = choices;
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, campaignInputSchema, {
    id: "new-campaign",
    defaultValue: { ...defaults, contactMode: "all", recurrence: "NONE", message: "" },
  });
  const contactOptions = accounts.flatMap((account) =>
    account.contacts.map((contact) => ({
      value: contact.id,
      label: `${contact.name} (${account.name})`,
      detail: !contact.hasEmail ? <span className="text-xs text-amber-800">no email address</span> : contact.unsubscribed ? <span className="text-xs text-amber-800">unsubscribed</span> : null,
    })),
  );
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <TextField meta={fields.name} label="Name" required hint="Shown to you, and in the email's subject." />
      <TextareaField meta={fields.message} label="Message" rows={3} hint="Shown in the email and above the form, e.g. “The ledger migration is done: how did we do?”" />
      <CheckboxGroupField
        meta={fields.accountIds}
        form={form}
        legend="Accounts"
        hint="Only the accounts you may ask are listed."
        options={accounts.map((a) => ({ value: a.id, label: a.name }))}
        empty="You manage no account yet, so there is nobody to ask."
      />
      <SelectField
        meta={fields.contactMode}
        label="Who is asked"
        options={[
          { value: "all", label: "All active contacts of each account" },
          { value: "chosen", label: "Only the contacts I tick below" },
        ]}
      />
      <CheckboxGroupField
        meta={fields.contactIds}
        form={form}
        legend="Contacts (when you choose them)"
        hint="Contacts without an email address or who unsubscribed are listed but will be skipped, and the campaign page says why."
        options={contactOptions}
        empty="No active contacts at these accounts yet: add them on each account's Contacts tab."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField meta={fields.opensOn} label="Opens on" type="date" required hint="Today: invitations go out at once." />
        <TextField meta={fields.closesOn} label="Closes on" type="date" required hint="At the end of that day (UTC)." />
        <SelectField meta={fields.recurrence} label="Repeats" options={RECURRENCES.map((r) => ({ value: r, label: RECURRENCE_LABELS[r] }))} />
      </div>
      <fieldset className="space-y-3 rounded-md border border-slate-200 p-4">
        <legend className="px-1 text-sm font-medium text-slate-700">Anonymity and the scorecard</legend>
        <CheckboxField
          meta={fields.anonymous}
          label="Anonymous"
          hint={`Ratings keep no link to who gave them; results and comments show only for groups of at least K answers (the policy's minimum is ${policy.minGroupSize}).`}
        />
        <TextField meta={fields.minGroupSize} label="K, the minimum group size (anonymous only)" type="number" inputMode="numeric" min={policy.minGroupSize} placeholder={String(policy.minGroupSize)} className="max-w-xs" />
        <CheckboxField meta={fields.askScorecard} label="Ask how important each core system is, and how satisfied they are with it" hint="The importance × satisfaction scorecard: it shows what to fix first." />
      </fieldset>
      <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 sm:grid-cols-3">
        <legend className="px-1 text-sm font-medium text-slate-700">Reminders and links (blank: the survey policy)</legend>
        <TextField meta={fields.reminderEveryDays} label="Days between reminders" type="number" inputMode="numeric" placeholder={String(policy.reminderEveryDays)} />
        <TextField meta={fields.maxReminders} label="Reminders at most" type="number" inputMode="numeric" placeholder={String(policy.maxReminders)} />
        <TextField meta={fields.linkValidDays} label="Link valid for (days)" type="number" inputMode="numeric" placeholder={String(policy.linkValidDays)} />
      </fieldset>
      <p className="text-sm text-slate-600">Nobody who was asked or answered in the last {policy.recontactDays} days (in any campaign) is asked again: they are skipped and the campaign page says why.</p>
      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Starting…">
        Start campaign
      </SubmitButton>
    </form>
  );
}
