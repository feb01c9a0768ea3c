"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { FieldMessages, inputClass, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/form-action";
import { humanize } from "@/lib/format";
import type { Stage } from "@/lib/scoring";
import { CANCELLED_BY, INTERACTION_TYPES, SENTIMENTS } from "@/lib/scoring/enums";
import { FollowUpRows, QuoteRows } from "./interaction-rows";

type Result = { id: string; stage: Stage; accountId: string };

interface Props {
  accountId: string;
  contacts: { id: string; name: string; title: string | null }[];
  itPeople: { id: string; name: string }[];
  action: (previous: ActionResult<Result> | null, formData: FormData) => Promise<ActionResult<Result>>;
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
  const router = useRouter();
  const { state, pending, onSubmit, errorsFor } = useFormAction(action);
  // The browser's local time, sent as an ISO instant so the server never guesses the time zone.
  // The server cannot know it, so it is read after hydration without a mismatch.
  const now = useSyncExternalStore(noSubscription, localNow, () => "");
  const [edited, setOccurredLocal] = useState<string | null>(null);
  const occurredLocal = edited ?? now;
  // A half-typed or out-of-range date sends nothing, so the server reports it, not the page.
  const occurred = new Date(occurredLocal);
  const occurredAt = occurredLocal && !Number.isNaN(occurred.getTime()) ? occurred.toISOString() : "";

  useEffect(() => {
    if (state?.ok) router.push(`/accounts/${state.data.accountId}#record-${state.data.id}`);
  }, [state, router]);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="occurredAt" value={occurredAt} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="type" label="Type" options={options(INTERACTION_TYPES)} defaultValue="MEETING" errors={errorsFor("type")} />
        <TextField
          name="occurredLocal"
          label="When"
          type="datetime-local"
          max="9999-12-31T23:59"
          value={occurredLocal}
          onChange={(event) => setOccurredLocal(event.target.value)}
          errors={errorsFor("occurredAt")}
          required
        />
      </div>
      <TextField name="summary" label="Summary" placeholder="Quarterly review with the sales leadership" errors={errorsFor("summary")} required />
      <TextAreaField name="notes" label="Notes" rows={5} hint="What was said and agreed. Tell-tale phrases are picked up from here too." errors={errorsFor("notes")} />

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="sentiment" label="How did it feel?" options={options(SENTIMENTS)} defaultValue="NEUTRAL" errors={errorsFor("sentiment")} />
        <SelectField
          name="cancelledBy"
          label="Cancelled?"
          options={CANCELLED_BY.map((value) => ({ value, label: CANCELLED_LABELS[value] }))}
          defaultValue="NOBODY"
          errors={errorsFor("cancelledBy")}
        />
        <SelectField name="itOnTime" label="Was IT on time?" options={YES_NO} placeholder="Not applicable" errors={errorsFor("itOnTime")} />
        <SelectField name="itPrepared" label="Was IT prepared?" options={YES_NO} placeholder="Not applicable" errors={errorsFor("itPrepared")} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <AttendeeChecklist legend="Who came from the business" name="attendeeContactIds" people={contacts} errors={errorsFor("attendeeContactIds")} empty="This account has no contacts yet." />
        <AttendeeChecklist legend="Who came from IT" name="attendeeUserIds" people={itPeople} errors={errorsFor("attendeeUserIds")} empty="No IT people found." />
      </div>

      <QuoteRows errorsFor={errorsFor} />
      <FollowUpRows errorsFor={errorsFor} />

      <FormStatus state={state} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving and re-diagnosing…" : "Save interaction"}
      </Button>
    </form>
  );
}

function AttendeeChecklist({
  legend,
  name,
  people,
  errors,
  empty,
}: {
  legend: string;
  name: string;
  people: { id: string; name: string; title?: string | null }[];
  errors?: string[];
  empty: string;
}) {
  return (
    <fieldset aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      {people.length === 0 ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <ul className={`${inputClass} max-h-40 space-y-1 overflow-y-auto`}>
          {people.map((person) => (
            <li key={person.id}>
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name={`${name}[]`} value={person.id} />
                {person.name}
                {person.title && <span className="text-slate-500">· {person.title}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
      <FieldMessages name={name} errors={errors} />
    </fieldset>
  );
}
