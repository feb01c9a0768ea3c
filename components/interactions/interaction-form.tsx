"use client";
import { useState, useSyncExternalStore } from "react";
import { CheckboxGroupField, SelectField, TextareaField, TextField } from "@/components/forms/fields";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { FormActionFn } from "@/lib/actions/form-action";
import { humanize } from "@/lib/format";
import { CANCELLED_BY, INTERACTION_TYPES, SENTIMENTS } from "@/lib/scoring/enums";
import { interactionInputSchema } from "@/lib/validation/interaction";
import { FollowUpRows, QuoteRows } from "./interaction-rows";

interface Props {
  accountId: string;
  contacts: { id: string; name: string; title: string | null }[];
  itPeople: { id: string; name: string }[];
  action: FormActionFn;
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: humanize(value) }));
const CANCELLED_LABELS: Record<(typeof CANCELLED_BY)[number], string> = { NOBODY: "Not cancelled", IT: "Cancelled by IT", CLIENT: "Cancelled by the client" };
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];

/** The browser's local time to the minute, as a datetime-local value; "" on the server. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const noSubscription = () => () => undefined;

export function InteractionForm({ accountId, contacts, itPeople, action }: Props) {
  const { form, fields, formProps, pending, lastResult } = useActionForm(action, interactionInputSchema, {
    defaultValue: { type: "MEETING", sentiment: "NEUTRAL", cancelledBy: "NOBODY" },
  });
  // The browser's local time, sent as an ISO instant so the server never guesses the time zone.
  // The server cannot know it, so it is read after hydration without a mismatch.
  const now = useSyncExternalStore(noSubscription, localNow, () => "");
  const [edited, setOccurredLocal] = useState<string | null>(null);
  const occurredLocal = edited ?? now;
  // A half-typed or out-of-range date sends nothing, so the server reports it, not the page.
  const occurred = new Date(occurredLocal);
  const occurredAt = occurredLocal && !Number.isNaN(occurred.getTime()) ? occurred.toISOString() : "";

  return (
    <form {...formProps} className="space-y-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="occurredAt" value={occurredAt} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.type} label="Type" options={options(INTERACTION_TYPES)} />
        <Field meta={fields.occurredAt} label="When">
          <Input
            id={fields.occurredAt.id}
            type="datetime-local"
            max="9999-12-31T23:59"
            value={occurredLocal}
            onChange={(event) => setOccurredLocal(event.target.value)}
            aria-invalid={fields.occurredAt.errors ? true : undefined}
            aria-describedby={fields.occurredAt.errors ? fields.occurredAt.errorId : undefined}
            required
          />
        </Field>
      </div>
      <TextField meta={fields.summary} label="Summary" placeholder="Quarterly review with the sales leadership" required />
      <TextareaField meta={fields.notes} label="Notes" rows={5} hint="What was said and agreed. Tell-tale phrases are picked up from here too." />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField meta={fields.sentiment} label="How did it feel?" options={options(SENTIMENTS)} />
        <SelectField meta={fields.cancelledBy} label="Cancelled?" options={CANCELLED_BY.map((value) => ({ value, label: CANCELLED_LABELS[value] }))} />
        <SelectField meta={fields.itOnTime} label="Was IT on time?" options={YES_NO} placeholder="Not applicable" />
        <SelectField meta={fields.itPrepared} label="Was IT prepared?" options={YES_NO} placeholder="Not applicable" />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <CheckboxGroupField
          meta={fields.attendeeContactIds}
          legend="Who came from the business"
          options={contacts.map((contact) => ({ value: contact.id, label: contact.name, detail: contact.title && <span className="text-slate-500">· {contact.title}</span> }))}
          empty="This account has no contacts yet."
        />
        <CheckboxGroupField meta={fields.attendeeUserIds} legend="Who came from IT" options={itPeople.map((person) => ({ value: person.id, label: person.name }))} empty="No IT people found." />
      </div>

      <QuoteRows form={form} meta={fields.quotes} />
      <FollowUpRows form={form} meta={fields.followUps} />

      <FormStatus form={form} lastResult={lastResult} />
      <SubmitButton pending={pending} pendingLabel="Saving and re-diagnosing…">
        Save interaction
      </SubmitButton>
    </form>
  );
}
